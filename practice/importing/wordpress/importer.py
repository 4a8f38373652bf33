"""Bring a WordPress blog into a community: posts, authors, comments, files and redirects, all or nothing."""

import collections
import dataclasses
import html
import io
import json
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import nh3
from allauth.account.adapter import get_adapter
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type
from PIL import Image as PillowImage

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from practice.accounts.services import member_with_confirmed_email
from practice.communities.services import community_create, membership_join
from practice.importing.webclient import FetchError, fetch_bytes
from practice.importing.wordpress.content import ImageRef, to_blocks
from practice.importing.wordpress.wxr import Author
from practice.models import (
    BlogIndexPage,
    BlogPostPage,
    CommunityIndexPage,
    CommunityPage,
    ImportedItem,
    MemberProfile,
    Topic,
)

IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
MENTIONS_HEADING = "Mentioned elsewhere"
NOT_PUBLISHED = {
    "private": "private posts are not published",
    "trash": "it was in the WordPress trash",
}
DRAFT_STATUSES = {"draft", "pending", "future", "auto-draft"}
COMMENT_SKIPPED = {
    "0": "it was waiting for approval in WordPress",
    "spam": "it was marked as spam",
    "trash": "it was in the WordPress trash",
}


class WordPressImportError(Exception):
    """The import cannot go ahead; nothing was saved."""


@dataclasses.dataclass
class Report:
    community: str = ""
    community_url: str = ""
    community_created: bool = False
    dry_run: bool = False
    counts: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    skipped: list = dataclasses.field(default_factory=list)

    def skip(self, what, reason):
        self.skipped.append(f"{what}: {reason}")

    LABELS = [
        ("posts", "Posts published"),
        ("drafts", "Drafts kept unpublished"),
        ("posts_already", "Posts already imported, left as they were"),
        ("comments", "Comments"),
        ("comments_already", "Comments already imported"),
        ("mentions", "Mentions elsewhere (pingbacks and trackbacks)"),
        ("redirects", "Redirects"),
        ("images", "Images"),
        ("documents", "Attachments"),
        ("authors_new", "Authors added as members"),
        ("authors_existing", "Authors who were members already"),
    ]

    def lines(self):
        state = "would be created" if self.community_created else "already there"
        lines = [f"Community: {self.community} ({self.community_url}), {state}"]
        if self.dry_run:
            lines.append("Dry run: nothing was saved and no files were fetched.")
        lines += [f"{label}: {self.counts[key]}" for key, label in self.LABELS]
        lines.append(f"Skipped: {len(self.skipped)}")
        lines += [f"  - {line}" for line in self.skipped]
        return lines


def old_path(url):
    """Return the site-relative path of an old WordPress address, in the form redirects are stored."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Redirect.normalise_path(path)


def comment_text(source):
    """Turn a WordPress comment's HTML into the Markdown text our comments hold."""
    text = re.sub(r"<br\s*/?>", "\n", source, flags=re.IGNORECASE)
    text = re.sub(r"</p\s*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(
        r"<a\b[^>]*href=\"(https?://[^\"]+)\"[^>]*>(.*?)</a>", r"[\2](\1)", text, flags=re.IGNORECASE | re.DOTALL
    )
    text = html.unescape(nh3.clean(text, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def plain_text(source):
    return " ".join(html.unescape(nh3.clean(source, tags=set())).split())


class WordPressImport:
    """Import one WordPress export into one community's blog, in one transaction."""

    def __init__(self, export, *, community_slug, dry_run=False, progress=None, timeout=10):
        self.export = export
        self.community_slug = community_slug
        self.dry_run = dry_run
        self.progress = progress or (lambda line: None)
        self.timeout = timeout
        self.report = Report(dry_run=dry_run)
        self.saved_files = []
        self.site = Site.objects.get(is_default_site=True)

    def run(self):
        """Import everything, or nothing if anything fails; return the report."""
        try:
            with transaction.atomic():
                self._import()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self._delete_saved_files()
            raise
        return self.report

    def _delete_saved_files(self):
        for storage, name in self.saved_files:
            storage.delete(name)

    # The community and its blog

    def _import(self):
        self.community = self._community()
        self.blog = BlogIndexPage.objects.child_of(self.community).first()
        if self.blog is None:
            raise WordPressImportError(f"The community “{self.community.title}” has no blog to import into.")
        self.report.community = self.community.title
        self.report.community_url = "/" + self.community.url_path.removeprefix(self.site.root_page.url_path)
        self.collection = self.community.media_collection or Collection.get_first_root_node()
        self.topics = self._topics()
        self.users = {}
        self.wordpress_user_ids = {}
        self.files = {}
        attachments = collections.defaultdict(list)
        posts = []
        for item in self.export.items:
            if item.post_type == "attachment":
                attachments[item.parent_id].append(item)
            elif item.post_type == "post":
                posts.append(item)
            else:
                self.report.skip(f"{item.post_type or 'item'} “{item.title}” (id {item.id})", "only posts are imported")
        for number, item in enumerate(posts, start=1):
            self.progress(f"Post {number} of {len(posts)}: {item.title or '(untitled)'}")
            self._post(item, attachments.get(item.id, []))

    def _community(self):
        community = CommunityPage.objects.filter(slug=self.community_slug).first()
        if community is not None:
            return community
        index = CommunityIndexPage.objects.first()
        if index is None:
            raise WordPressImportError("The hub has no communities section to add a community to.")
        self.report.community_created = True
        community = community_create(
            index=index,
            title=self.export.title or self.community_slug,
            slug=self.community_slug,
            summary=Truncator(plain_text(self.export.description)).chars(400),
        )
        self.progress(f"Created the open community “{community.title}”")
        return community

    def _topics(self):
        topics = {}
        for topic in Topic.objects.all():
            topics[topic.slug] = topic
            topics[topic.name.lower()] = topic
        return topics

    # Bookkeeping of what came from WordPress

    def _imported(self, key):
        return ImportedItem.objects.filter(community=self.community, key=key).first()

    def _remember(self, key, obj):
        ImportedItem.objects.create(
            community=self.community,
            key=key[:600],
            content_type=ContentType.objects.get_for_model(obj.__class__),
            object_id=str(obj.pk),
        )

    # Posts

    def _post(self, item, attachments):
        label = f"Post “{item.title or '(untitled)'}” (id {item.id})"
        key = f"post:{item.id}"
        imported = self._imported(key)
        if imported is not None:
            self.report.counts["posts_already"] += 1
            if imported.target is not None:
                self._comments(item, imported.target, label)  # comments added in WordPress since the last import
            return
        if item.status in NOT_PUBLISHED:
            self.report.skip(label, NOT_PUBLISHED[item.status])
            return
        if item.oversized:
            self.report.skip(label, f"its {', '.join(item.oversized)} is too large to import")
            return
        live = item.status == "publish"
        if not live and item.status not in DRAFT_STATUSES:
            self.report.skip(label, f"its status “{item.status}” is not one we know")
            return

        body = self._body(item, label)
        mentions = self._mentions(item, label)
        if mentions:
            body.append({"type": "see_also", "value": {"heading": MENTIONS_HEADING, "links": mentions}})
        body += self._attachments(attachments, label)

        date = item.date or timezone.now()
        page = BlogPostPage(
            title=item.title or "(untitled)",
            slug=self._slug(item),
            date=date,
            first_published_at=date if live else None,
            summary=Truncator(plain_text(item.excerpt)).chars(400),
            body=json.dumps(body),
            comments_open=item.comment_status != "closed",
            live=live,
        )
        # The blog's own author, from its own export, so the credit counts as consented (practice.credits).
        page.authors = [user for user in [self._author(item.creator)] if user is not None]
        topics, tags = self._classify(item)
        page.topics = topics
        if tags:
            page.tags.add(*tags)
        self.blog.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            self.report.counts["posts"] += 1
            self._redirects(item, page)
        else:
            self.report.counts["drafts"] += 1
            self.report.skip(label, "drafts are kept unpublished for an editor to finish")
        self._remember(key, page)
        self._comments(item, page, label)

    def _slug(self, item):
        base = slugify(unquote(item.slug), allow_unicode=True) or slugify(item.title, allow_unicode=True) or "post"
        base = base[:240]
        taken = set(Page.objects.child_of(self.blog).filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def _classify(self, item):
        topics, tags = [], []
        for domain, nicename, name in item.categories:
            if domain not in {"category", "post_tag"} or not name:
                continue
            topic = self.topics.get(nicename) or self.topics.get(name.lower())
            if domain == "category" and topic is not None:
                topics.append(topic)
            elif name.lower() != "uncategorized":
                tags.append(name[:100])
        return list(dict.fromkeys(topics)), list(dict.fromkeys(tags))

    def _author(self, login):
        if not login:
            return None
        if login in self.users:
            return self.users[login]
        author = self.export.authors.get(login) or Author(login, "", login, "", "")
        imported = self._imported(f"author:{login}")
        user = imported.target if imported else None
        if user is None:
            user = self._member_for(author)
            self._remember(f"author:{login}", user)
        self.users[login] = user
        return user

    def _member_for(self, author):
        """Return the member an author becomes: the member who confirmed their email, or a new one without a password.

        An account that holds the address without having confirmed it may be anyone's: crediting it with
        the author's posts would hand them to whoever typed the address at sign-up.
        """
        user_model = get_user_model()
        if author.email:
            existing = member_with_confirmed_email(author.email)
            if existing is not None:
                self.report.counts["authors_existing"] += 1
                return existing
        name = author.display_name or f"{author.first_name} {author.last_name}".strip() or author.login
        user = user_model(email=author.email, first_name=author.first_name, last_name=author.last_name)
        if author.email:
            get_adapter().populate_username(None, user)
        else:
            user.username = f"wordpress-{self.community.slug}-{slugify(author.login)}"[:150]
        user.set_unusable_password()  # they claim the account by resetting the password at their address
        user.save()
        MemberProfile.objects.create(user=user, slug=self._profile_slug(name), display_name=name[:120])
        membership_join(community=self.community, member=user)
        self.report.counts["authors_new"] += 1
        if not author.email:
            self.report.skip(f"Author “{name}”", "has no email address, so nobody can claim the account yet")
        return user

    def _profile_slug(self, name):
        base = slugify(name)[:70] or "member"
        slug, number = base, 1
        while MemberProfile.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # Body, images and attachments

    def _body(self, item, label):
        body = []
        for block_type, value in to_blocks(item.content):
            if isinstance(value, ImageRef):
                image = self._image(value.src, title=value.alt or value.caption, label=label)
                if image is None:
                    continue
                if not (value.alt or value.caption):
                    self.report.skip(f"Alternative text for {value.src} in {label}", "missing: an editor should add it")
                value = {"image": image.pk, "alt_text": value.alt or value.caption, "caption": value.caption}
            body.append({"type": block_type, "value": value})
        return body

    def _file(self, url, label, make):
        """Return the image or document fetched from url, fetching it only the first time it is seen."""
        if url in self.files:
            return self.files[url]
        imported = self._imported(f"file:{url}")
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
                self.saved_files.append((result.file.storage, result.file.name))
                self._remember(f"file:{url}", result)
        self.files[url] = result
        return result

    def _image(self, url, *, title, label):
        def make(data):
            try:
                with PillowImage.open(io.BytesIO(data)) as picture:
                    kind = picture.format
                    picture.verify()
            except Exception as error:
                raise FetchError("the file is not an image") from error
            if kind not in IMAGE_FORMATS:
                raise FetchError(f"{kind} images are not accepted")
            name = self._file_name(url, "image")
            image = get_image_model()(title=(title or name)[:255], collection=self.collection)
            image.file = ImageFile(io.BytesIO(data), name=name)
            image.save()
            self.report.counts["images"] += 1
            return image

        return self._file(url, label, make)

    def _attachments(self, attachments, label):
        blocks = []
        for attachment in attachments:
            url = attachment.attachment_url
            name = self._file_name(url, "attachment")
            extension = PurePosixPath(name).suffix.lower().lstrip(".")
            if extension in {"jpg", "jpeg", "png", "gif", "webp"}:
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

    @staticmethod
    def _file_name(url, fallback):
        name = PurePosixPath(unquote(urlsplit(url).path)).name
        return re.sub(r"[^\w.-]", "-", name)[-100:] or fallback

    # Redirects from the old addresses

    def _redirects(self, item, page):
        paths = []
        if item.link:
            paths.append(old_path(item.link))
        base = urlsplit(self.export.link or item.link).path or "/"
        paths.append(Redirect.normalise_path(f"{base}?p={item.id}"))
        for path in dict.fromkeys(paths):
            if path == "/":
                self.report.skip(f"Redirect for {item.link}", "it is the old site's home page")
                continue
            existing = Redirect.objects.filter(site=self.site, old_path=path).first()
            if existing is not None and existing.redirect_page_id != page.pk:
                self.report.skip(f"Redirect from {path}", "another redirect already uses that address")
                continue
            if existing is None:
                Redirect.objects.create(site=self.site, old_path=path, redirect_page=page, is_permanent=True)
            self.report.counts["redirects"] += 1

    # Comments and mentions

    def _mentions(self, item, label):
        links = []
        for comment in item.comments:
            if comment.type not in {"pingback", "trackback"}:
                continue
            if comment.approved != "1":
                self.report.skip(f"{comment.type.capitalize()} {comment.id} on {label}", "it was not approved")
            elif not re.match(r"https?://", comment.url):
                self.report.skip(f"{comment.type.capitalize()} {comment.id} on {label}", "it has no web address")
            else:
                text = Truncator(plain_text(comment.author) or comment.url).chars(200)
                links.append({"page": None, "url": comment.url[:200], "text": text})
                self.report.counts["mentions"] += 1
        return links

    def _comments(self, item, page, label):
        content_type = ContentType.objects.get_for_model(BlogPostPage)
        max_level = max_thread_level_for_content_type(content_type)
        saved = {}  # WordPress comment id -> XtdComment
        comments = [comment for comment in item.comments if comment.type not in {"pingback", "trackback"}]
        by_id = {comment.id: comment for comment in comments}
        for comment in self._parents_first(comments):
            what = f"Comment {comment.id} on {label}"
            imported = self._imported(f"comment:{comment.id}")
            if imported is not None:
                if imported.target is not None:
                    saved[comment.id] = imported.target
                self.report.counts["comments_already"] += 1
                continue
            if comment.approved != "1":
                self.report.skip(what, COMMENT_SKIPPED.get(comment.approved, "it was not approved"))
                continue
            if comment.parent_id not in {"", "0"} and comment.parent_id not in saved:
                reason = "it answers a comment that was not imported"
                if comment.parent_id not in by_id:
                    reason = "it answers a comment missing from the file"
                self.report.skip(what, reason)
                continue
            text = comment_text(comment.content)
            if not text:
                self.report.skip(what, "it is empty")
                continue
            if len(text) > COMMENT_MAX_LENGTH:
                text = Truncator(text).chars(COMMENT_MAX_LENGTH)
                self.report.skip(f"End of {what.lower()}", f"cut to {COMMENT_MAX_LENGTH} characters")
            parent = saved.get(comment.parent_id)
            while parent is not None and parent.level >= max_level:
                # Deeper than our threads go: it becomes a reply to the deepest comment we can nest under.
                parent = XtdComment.objects.get(pk=parent.parent_id)
            xtd = XtdComment(
                content_type=content_type,
                object_pk=str(page.pk),
                site_id=settings.SITE_ID,
                user=self._commenter(comment),
                user_name=comment.author[:50],
                user_email=comment.email if "@" in comment.email else "",
                user_url=comment.url if re.match(r"https?://", comment.url) else "",
                comment=text,
                submit_date=comment.date or page.date,
                is_public=True,
                parent_id=parent.pk if parent else 0,
            )
            xtd.save()
            saved[comment.id] = xtd
            self._remember(f"comment:{comment.id}", xtd)
            self.report.counts["comments"] += 1

    def _commenter(self, comment):
        """Return the member who wrote a comment, when WordPress knew them as one of the blog's authors."""
        if comment.user_id in {"", "0"} or not comment.email:
            return None
        for author in self.export.authors.values():
            if author.email.lower() == comment.email.lower():
                return self._author(author.login)
        return None

    @staticmethod
    def _parents_first(comments):
        """Order comments so that each comes after the one it answers, oldest first among siblings."""
        children = collections.defaultdict(list)
        ids = {comment.id for comment in comments}
        for comment in comments:
            parent = comment.parent_id if comment.parent_id in ids else "0"
            children[parent].append(comment)
        ordered, stack = [], sorted(children["0"], key=_comment_order, reverse=True)
        while stack:
            comment = stack.pop()
            ordered.append(comment)
            stack += sorted(children.get(comment.id, []), key=_comment_order, reverse=True)
        return ordered


def _comment_order(comment):
    return (comment.date or timezone.now(), int(comment.id) if comment.id.isdigit() else 0)


def import_wordpress(export, *, community_slug, dry_run=False, progress=None, timeout=10):
    """Import a read WordPress export into the community with this slug; return the report."""
    return WordPressImport(
        export, community_slug=community_slug, dry_run=dry_run, progress=progress, timeout=timeout
    ).run()
