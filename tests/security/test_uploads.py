"""Oversized request bodies, and admin uploads of the wrong type or size, are refused and store nothing."""

import io

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from practice.models import Reply

pytestmark = pytest.mark.django_db


def png(size=(8, 6)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def upload_document(client, name, content, content_type="application/pdf"):
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_upload_limits_are_set(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS and "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024


def test_an_editor_uploads_a_small_png(client, superuser):
    client.force_login(superuser)
    response = upload_image(client, "storm-map.png", png())
    assert response.json()["success"], response.json()
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("page.html", b"<script>alert(1)</script>", "text/html"),
        ("fake.png", b"<script>alert(1)</script>", "image/png"),  # the right name, but not an image
    ],
)
def test_images_of_the_wrong_type_are_refused(client, superuser, name, content, content_type):
    client.force_login(superuser)
    response = upload_image(client, name, content, content_type)
    assert not response.json()["success"]
    assert get_image_model().objects.count() == 0


def test_an_oversized_image_is_refused(client, superuser, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    client.force_login(superuser)
    response = upload_image(client, "big.png", png() + b"\0" * 2048)
    assert not response.json()["success"]
    assert "too big" in response.json()["error_message"]
    assert get_image_model().objects.count() == 0


def test_an_image_with_too_many_pixels_is_refused(client, superuser, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    client.force_login(superuser)
    response = upload_image(client, "wide.png", png(size=(200, 200)))
    assert not response.json()["success"]
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("page.html", "text/html"), ("drawing.svg", "image/svg+xml"), ("run.exe", "application/octet-stream")],
)
def test_documents_of_the_wrong_type_are_refused(client, superuser, name, content_type):
    client.force_login(superuser)
    response = upload_document(client, name, b"<script>alert(1)</script>", content_type)
    assert not response.json()["success"]
    assert get_document_model().objects.count() == 0


def test_an_oversized_document_is_refused_and_a_right_sized_one_accepted(client, superuser, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(superuser)
    assert not upload_document(client, "big.pdf", b"%PDF-1.4 " + b"x" * 2048).json()["success"]
    assert get_document_model().objects.count() == 0
    assert upload_document(client, "small.pdf", b"%PDF-1.4 plans").json()["success"]
    assert get_document_model().objects.count() == 1


def test_an_oversized_form_body_is_refused_with_400_and_writes_nothing(client, hub, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(hub.bob)
    response = client.post(f"/discussions/{hub.thread.pk}/reply/", {"body": "x" * 20_000})
    assert response.status_code == 400
    assert not Reply.objects.exists()


def test_a_reply_longer_than_allowed_is_refused_with_a_message(client, hub):
    client.force_login(hub.bob)
    response = client.post(f"/discussions/{hub.thread.pk}/reply/", {"body": "x" * 100_000})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not Reply.objects.exists()
