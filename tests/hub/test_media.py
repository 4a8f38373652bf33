"""Uploaded files reach only the readers their community's collection lets in; to anyone else they are missing."""

import re

import pytest
import wagtail_factories

from wagtail.models import Collection

from practice.models.choices import AccessLevel

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE


def community_image(communities, level, title="Ward surgery photo"):
    collection = Collection.objects.get(community=communities[level]["community"])
    return wagtail_factories.ImageFactory(title=title, collection=collection)


def file_urls(image):
    """The image's original and one rendition, as a page would show it."""
    return [image.file.url, image.get_rendition("width-100").url]


# A signed-in reader's pages carry a CSRF token in a form, different in every answer.
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def assert_missing_files_to(client, outsiders, urls, *, gone):
    """Assert the outsiders get a 404 at each address, and the same answer once `gone()` has deleted the file."""
    refused = answers(client, outsiders, urls)
    gone()
    missing = answers(client, outsiders, urls)

    assert {status for status, _ in refused.values()} == {404}
    assert refused == missing


def answers(client, readers, urls):
    """Return what each reader (None for a visitor) gets at each address: status and body, CSRF tokens aside."""
    got = {}
    for reader in readers:
        client.logout()
        if reader is not None:
            client.force_login(reader)
        for url in urls:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            got[reader, url] = (response.status_code, CSRF_TOKEN.sub(b"", body))
    return got


@pytest.mark.django_db
def test_an_open_communitys_images_are_served_to_anyone_and_may_be_cached(client, communities, media_root):
    image = community_image(communities, OPEN)
    for url in file_urls(image):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
        assert "public" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
@pytest.mark.parametrize("level", [RESTRICTED, PRIVATE])
def test_a_closed_communitys_images_reach_its_members_and_staff_only(
    client, communities, member, editor, media_root, level
):
    image = community_image(communities, level)
    urls = file_urls(image)

    for insider in (communities[level]["insider"], communities[level]["facilitator"], editor):
        client.force_login(insider)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("level", [RESTRICTED, PRIVATE])
def test_a_closed_communitys_images_are_missing_files_to_everyone_outside_it(
    client, communities, member, media_root, level
):
    image = community_image(communities, level)
    urls = file_urls(image)
    outsiders = [None, member, communities[OPEN]["insider"]]

    assert_missing_files_to(client, outsiders, urls, gone=image.delete)


@pytest.mark.django_db
def test_files_no_image_owns_are_never_served(client, superuser, media_root):
    (media_root / "original_images").mkdir(parents=True)
    (media_root / "original_images" / "stray.jpg").write_bytes(b"\xff\xd8\xff")
    (media_root / "secret.txt").write_text("not for publishing")
    client.force_login(superuser)
    for path in ("original_images/stray.jpg", "secret.txt", "images/../secret.txt", "../settings.py", "nothing.png"):
        assert client.get(f"/media/{path}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("level", [RESTRICTED, PRIVATE])
def test_a_closed_communitys_documents_are_missing_files_to_everyone_outside_it(
    client, communities, member, media_root, level
):
    collection = Collection.objects.get(community=communities[level]["community"])
    document = wagtail_factories.DocumentFactory(collection=collection, file__data=b"Rota", file__filename="rota.txt")
    urls = [document.file.url, document.url]
    outsiders = [None, member, communities[OPEN]["insider"]]

    assert_missing_files_to(client, outsiders, urls, gone=document.delete)


@pytest.mark.django_db
def test_a_documents_file_path_leads_its_readers_to_the_document(client, communities, editor, media_root):
    collection = Collection.objects.get(community=communities[PRIVATE]["community"])
    document = wagtail_factories.DocumentFactory(collection=collection, file__data=b"Rota", file__filename="rota.txt")

    for reader in (communities[PRIVATE]["insider"], editor):
        client.force_login(reader)
        response = client.get(document.file.url, follow=True)
        assert response.redirect_chain == [(document.url, 302)]
        assert b"".join(response.streaming_content) == b"Rota"
    assert client.get(f"/documents/{document.pk}/other.txt").status_code == 404


@pytest.mark.django_db
def test_a_closed_communitys_image_looks_up_its_file_in_a_fixed_number_of_queries(
    client, communities, media_root, django_assert_max_num_queries
):
    image = community_image(communities, RESTRICTED)
    client.force_login(communities[RESTRICTED]["insider"])
    url = image.get_rendition("width-100").url
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
