"""The images and attachments a blog links to: fetched once each, checked, and saved in the community's collection."""

import io
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from PIL import Image as PillowImage

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import Truncator

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from practice.importing.webclient import FetchError, fetch_bytes
from practice.importing.wordpress.content import plain_text

IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}


def file_name(url, fallback):
    """Return a safe file name for what an address serves, or the fallback when it names none."""
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return re.sub(r"[^\w.-]", "-", name)[-100:] or fallback


class Files:
    """The files of one import; each saved file is listed so a failed import can delete what it wrote."""

    def __init__(self, *, collection, ledger, report, dry_run, timeout):
        self.collection = collection
        self.ledger = ledger
        self.report = report
        self.dry_run = dry_run
        self.timeout = timeout
        self.by_url = {}
        self.saved = []

    def delete_saved(self):
        """Delete the files this import wrote, as the database rows that named them are rolled back."""
        for storage, name in self.saved:
            storage.delete(name)

    def image(self, url, *, title, label):
        """Return the image at url, or None (and a line in the report) if it could not be brought in."""

        def make(data):
            try:
                with PillowImage.open(io.BytesIO(data)) as picture:
                    kind = picture.format
                    picture.verify()
            except Exception as error:
                raise FetchError("the file is not an image") from error
            if kind not in IMAGE_FORMATS:
                raise FetchError(f"{kind} images are not accepted")
            name = file_name(url, "image")
            image = get_image_model()(title=(title or name)[:255], collection=self.collection)
            image.file = ImageFile(io.BytesIO(data), name=name)
            image.save()
            self.report.counts["images"] += 1
            return image

        return self._file(url, label, make)

    def attachment_blocks(self, attachments, label):
        """Return an attachment block for each of a post's files that is not an image shown in its body."""
        blocks = []
        for attachment in attachments:
            url = attachment.attachment_url
            name = file_name(url, "attachment")
            extension = PurePosixPath(name).suffix.lower().lstrip(".")
            if extension in IMAGE_EXTENSIONS:
                continue  # images appear in the post's body where the author placed them
            if extension not in settings.WAGTAILDOCS_EXTENSIONS:
                self.report.skip(f"Attachment {url} in {label}", f"“.{extension}” files are not accepted")
                continue

            def make(data, attachment=attachment, name=name):
                document = get_document_model()(title=(attachment.title or name)[:255], collection=self.collection)
                document.file = ContentFile(data, name=name)
                document.save()
                self.report.counts["documents"] += 1
                return document

            document = self._file(url, label, make)
            if document is not None:
                description = Truncator(plain_text(attachment.excerpt or attachment.content)).chars(200)
                blocks.append({"type": "attachment", "value": {"document": document.pk, "description": description}})
        return blocks

    def _file(self, url, label, make):
        """Return the image or document fetched from url, fetching it only the first time it is seen."""
        if url in self.by_url:
            return self.by_url[url]
        imported = self.ledger.find(f"file:{url}")
        result = imported.target if imported else None
        if result is None and self.dry_run:
            self.report.skip(f"File {url} in {label}", "not fetched in a dry run")
        elif result is None:
            try:
                data = fetch_bytes(url, timeout=self.timeout)
                result = make(data)
            except FetchError as error:
                self.report.skip(f"File {url} in {label}", f"could not be imported ({error})")
            else:
                self.saved.append((result.file.storage, result.file.name))
                self.ledger.remember(f"file:{url}", result)
        self.by_url[url] = result
        return result
