"""Ids read from addresses, query strings and forms (hub/converters.py): ASCII digits that fit a key, or nothing."""

import inspect

import pytest

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter

from hub.converters import MAX_ID, IdConverter, ModelIdsChoiceField, ids_in_range, parameters_in_range, parse_id
from practice.models import Topic
from tests.factories import TopicFactory

PAST_64_BITS = str(MAX_ID + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("42", 42),
        ("007", 7),
        (str(MAX_ID), MAX_ID),
        (PAST_64_BITS, None),
        ("9" * 5000, None),  # past what int() reads at all
        ("²", None),
        ("٣", None),
        ("", None),
        ("-1", None),
        ("+1", None),
        ("1.0", None),
        (" 1", None),
        (None, None),
    ],
)
def test_parse_id_takes_only_ascii_digits_that_fit_a_database_key(text, expected):
    assert parse_id(text) == expected


def test_the_id_converter_reads_and_writes_ids_up_to_the_largest_key():
    assert reverse("event_rsvp", kwargs={"event_id": 5}) == "/bookings/events/5/rsvp/"
    assert resolve(f"/bookings/events/{MAX_ID}/rsvp/").kwargs == {"event_id": MAX_ID}


@pytest.mark.parametrize("event_id", [PAST_64_BITS, "²", "٣", "1a"])
def test_the_id_converter_leaves_an_address_with_any_other_id_unmatched(event_id):
    assert resolve(f"/bookings/events/{event_id}/rsvp/").url_name != "event_rsvp"


def id_converters_of_our_views(patterns=None, route=""):
    """Yield (route, converter) for each id part of the addresses of the hub's own views."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        joined = route + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from id_converters_of_our_views(entry.url_patterns, joined)
            continue
        view = inspect.unwrap(entry.callback)
        if getattr(view, "view_class", view).__module__.split(".")[0] in {"home", "hub", "practice", "search"}:
            for converter in getattr(entry.pattern, "converters", {}).values():
                if isinstance(converter, IntConverter):
                    yield joined, type(converter)


def test_every_address_of_ours_names_its_ids_with_the_id_converter():
    converters = list(id_converters_of_our_views())
    assert [route for route, converter in converters if converter is not IdConverter] == []
    assert len(converters) > 40  # the hub's addresses, the admin's that our hooks add among them


def answer(request, *args, **kwargs):
    return HttpResponse("answered")


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {"pk": MAX_ID}),
        (("12", "plan.pdf"), {}),
        ((), {"page_id": 1, "follow": True}),
        ((), {"slug": "gritting", "action": "close"}),
        ((), {"filter_spec": "fill-200x200"}),
    ],
)
def test_ids_in_range_lets_ids_that_can_exist_through(args, kwargs):
    request = RequestFactory().get("/")
    assert ids_in_range(answer)(request, *args, **kwargs).content == b"answered"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {"pk": MAX_ID + 1}),
        (("٣", "plan.pdf"), {}),
        (("²",), {}),
        ((PAST_64_BITS,), {}),
        ((), {"pk": "a\x00b"}),
        ((), {"instance_pk": "²"}),
        ((), {"page_id": "abc"}),
    ],
)
def test_ids_in_range_answers_404_for_an_id_no_key_can_hold(args, kwargs):
    with pytest.raises(Http404):
        ids_in_range(answer)(RequestFactory().get("/"), *args, **kwargs)


def test_ids_in_range_answers_api_views_in_json():
    def api_view(request, **kwargs):
        return HttpResponse("answered")

    api_view.cls = object  # as Django REST framework marks its views
    response = ids_in_range(api_view)(RequestFactory().get("/"), pk=MAX_ID + 1)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["p=²", "p=٣", f"p={PAST_64_BITS}", f"id=-{PAST_64_BITS}", "q=a%00b", "q=a%1Bb"])
def test_parameters_in_range_answers_400_with_the_hubs_page(rf, query):
    response = parameters_in_range(answer)(rf.get(f"/admin/pages/?{query}"))
    assert response.status_code == 400
    assert "There is a problem with the address" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{"title": "a\x00b"}, {"groups": ["1", "a\x1bb"]}])
def test_parameters_in_range_answers_400_to_a_form_holding_what_no_one_types(rf, data):
    assert parameters_in_range(answer)(rf.post("/admin/snippets/search/bestbet/add/", data)).status_code == 400


@pytest.mark.parametrize(
    "query", ["p=2", "q=m²", "q=٣ boroughs", "id=-5", f"id={MAX_ID}", "q=", "ordering=-title", "q=a%09b%0D%0Ac"]
)
def test_parameters_in_range_lets_readable_parameters_through(rf, query):
    assert parameters_in_range(answer)(rf.get(f"/admin/pages/?{query}")).content == b"answered"


def test_parameters_in_range_leaves_ids_in_forms_to_the_forms(rf):
    # A form reports an id it cannot take beside its field (the editor's co-author choices do).
    data = {"intro": "First line\r\n\tSecond line", "page": "12", "co_authors": PAST_64_BITS}
    assert parameters_in_range(answer)(rf.post("/admin/pages/9/edit/", data)).content == b"answered"


@pytest.mark.django_db
def test_model_ids_choice_field_refuses_what_cannot_be_an_id_before_asking_the_database():
    topic = TopicFactory(name="Gritting")
    field = ModelIdsChoiceField(Topic.objects.all())
    assert list(field.clean([str(topic.pk)])) == [topic]
    for choice in (PAST_64_BITS, "²", "٣"):
        with pytest.raises(ValidationError) as refused:
            field.clean([str(topic.pk), choice])
        assert refused.value.code == "invalid_pk_value"
