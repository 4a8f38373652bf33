"""Editors' search tools: best bets and synonyms in the admin, the search reports."""

import pytest

from practice.models import AudienceRole
from search.models import BestBet, QueryLog, ResultClick, SynonymSet


@pytest.mark.django_db
def test_reports_show_top_zero_result_and_click_through_by_role(client, superuser, library):
    role = AudienceRole.objects.get(slug="comms-officer")
    clicked = QueryLog.objects.create(query="storm", result_count=2, role=role, signed_in=True)
    QueryLog.objects.create(query="storm", result_count=2)
    QueryLog.objects.create(query="lgr", result_count=0)
    ResultClick.objects.create(search=clicked, page=library["title_match"], position=1)
    client.force_login(superuser)
    content = client.get("/admin/search-reports/").content.decode()
    top = content.split("Top searches")[1].split("Searches that found nothing")[0]
    assert "<td>storm</td><td>2</td><td>0</td><td>1</td>" in top
    zero = content.split("Searches that found nothing")[1].split("Click-through")[0]
    assert "<td>lgr</td><td>1</td>" in zero
    by_role = content.split("Click-through by audience role")[1]
    assert "<td>Comms officer</td><td>1</td><td>1</td><td>100%</td>" in by_role
    assert "<td>No role given</td><td>1</td><td>0</td><td>0%</td>" in by_role


@pytest.mark.django_db
def test_reports_are_for_staff_only(client, member):
    member.is_staff = True  # may reach the admin, but is not hub staff
    member.save()
    client.force_login(member)
    assert client.get("/admin/search-reports/").status_code in {302, 403}


@pytest.mark.django_db
def test_editors_add_synonyms_and_best_bets(client, superuser, library, no_thesaurus):
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/search/synonymset/add/", {"terms": "LGR\nLocal government  reorganisation", "note": ""}
    )
    assert response.status_code == 302
    assert SynonymSet.objects.get().terms == "lgr\nlocal government reorganisation"
    refused = client.post("/admin/snippets/search/synonymset/add/", {"terms": "only one", "note": ""})
    assert refused.status_code == 200 and SynonymSet.objects.count() == 1

    response = client.post(
        "/admin/snippets/search/bestbet/add/",
        {
            "query": "  Storm ",
            "page": library["title_match"].pk,
            "note": "",
            "starts_at": "2026-01-02 10:00",
            "ends_at": "2026-01-01 10:00",
            "sort_order": 0,
        },
    )
    assert response.status_code == 200 and not BestBet.objects.exists()
