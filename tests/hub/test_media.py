"""Uploaded image files reach only the readers their community's collection lets in."""

import pytest
import wagtail_factories

from wagtail.models import Collection

from practice.access import AccessLevel

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE


def community_image(communities, level, title="Ward surgery photo"):
    collection = Collection.objects.get(community=communities[level]["community"])
    return wagtail_factories.ImageFactory(title=title, collection=collection)


def file_urls(image):
    """The image's original and one rendition, as a page would show it."""
    return [image.file.url, image.get_rendition("width-100").url]


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

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/sign-in/?next=/media/")
    for outsider in (member, communities[OPEN]["insider"]):
        client.force_login(outsider)
        assert [client.get(url).status_code for url in urls] == [404, 404]
    for insider in (communities[level]["insider"], communities[level]["facilitator"], editor):
        client.force_login(insider)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_files_no_image_owns_are_never_served(client, superuser, media_root):
    (media_root / "original_images").mkdir(parents=True)
    (media_root / "original_images" / "stray.jpg").write_bytes(b"\xff\xd8\xff")
    (media_root / "secret.txt").write_text("not for publishing")
    client.force_login(superuser)
    for path in ("original_images/stray.jpg", "secret.txt", "images/../secret.txt", "../settings.py", "nothing.png"):
        assert client.get(f"/media/{path}").status_code == 404


@pytest.mark.django_db
def test_a_documents_file_path_leads_to_the_document_view_that_checks_its_collection(
    client, communities, member, media_root
):
    collection = Collection.objects.get(community=communities[PRIVATE]["community"])
    document = wagtail_factories.DocumentFactory(title="Rota", collection=collection)
    response = client.get(document.file.url)
    assert response.status_code == 302
    assert response["Location"] == document.url
    client.force_login(member)
    assert client.get(document.url).status_code in (302, 403, 404)
    client.force_login(communities[PRIVATE]["insider"])
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_a_closed_communitys_image_looks_up_its_file_in_a_fixed_number_of_queries(
    client, communities, media_root, django_assert_max_num_queries
):
    image = community_image(communities, RESTRICTED)
    client.force_login(communities[RESTRICTED]["insider"])
    url = image.get_rendition("width-100").url
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
