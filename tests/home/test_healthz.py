import pytest

from django.test import override_settings


@pytest.mark.django_db
def test_healthz_reports_database_and_search(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["search"]["ok"] is True
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_is_503_when_search_is_unreachable(client):
    unreachable = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX_PREFIX": "healthz_",
            "TIMEOUT": 1,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["search"]["ok"] is False
