"""Ids read from addresses, query strings and forms: ASCII digits that fit a database key, or nothing.

Python reads more as a number than a database can take: `int()` accepts any script's decimal digits
('٣' is 3), `str.isdigit()` says yes to '²', which `int()` then refuses, and an integer past 64 bits
makes SQLite raise OverflowError. So every id the hub reads goes through `parse_id`, every address of
ours names its ids `<id:...>` (registered in home.apps, before any URL conf is read), and the views
of third-party addresses are wrapped in `ids_in_range`, the admin's in `parameters_in_range` too: an
id that cannot be a key is a 404 or a 400, never a 500.
"""

import unicodedata
from functools import wraps

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls.converters import IntConverter

# The largest key a 64-bit signed column holds: BigAutoField's, and every integer in SQLite.
MAX_ID = 2**63 - 1
MAX_ID_DIGITS = len(str(MAX_ID))


def parse_id(value):
    """Return the id written in value, or None unless it is ASCII digits that fit a database key."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()) or len(value) > MAX_ID_DIGITS:
        return None
    number = int(value)
    return number if number <= MAX_ID else None


class IdConverter(IntConverter):
    """Match a database id in a route (`<id:name>`); anything else leaves the address unmatched."""

    regex = f"[0-9]{{1,{MAX_ID_DIGITS}}}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(f"{value} is past the largest database id")
        return number


class ModelIdsChoiceField(forms.ModelMultipleChoiceField):
    """Choose objects by id, refusing a choice that cannot be an id before the database is asked about it."""

    def clean(self, value):
        # Django looks all the choices up in one `pk__in`, which SQLite cannot take past 64 bits.
        for choice in value if isinstance(value, list | tuple) else ():
            if parse_id(str(choice)) is None:
                raise ValidationError(self.error_messages["invalid_pk_value"], "invalid_pk_value", {"pk": choice})
        return super().clean(value)


def has_control_characters(text):
    """Return whether the text holds a control character (NUL, escape, DEL...), which no one types."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def _fits(name, value):
    """Return whether an address's argument holds no control character and, if it is an id, one that can exist."""
    if isinstance(value, bool):
        return True
    # A control character is in no address: Wagtail's views look their text parts up, and PostgreSQL refuses a NUL.
    if isinstance(value, str) and has_control_characters(value):
        return False
    if isinstance(value, int):
        return 0 <= value <= MAX_ID
    # Text is an id when a regex route's `(\d+)` or `\w` matched digits of any script, or when the route
    # names it as one: Wagtail's choosers and ModelAdmin take `<str:pk>` and `[-\w]+` and look the model
    # up with it, and every model of the hub has an integer key.
    if isinstance(value, str) and (value.isdigit() or name == "pk" or name.endswith(("_pk", "_id"))):
        return parse_id(value) is not None
    return True


def ids_in_range(view):
    """Answer 404 when the address gives the view an id that no database key can hold."""
    # Django REST framework's views (the API router's) carry `cls`: their callers read JSON.
    answers_json = hasattr(view, "cls")

    @wraps(view)
    def checked(request, *args, **kwargs):
        if all(_fits("", value) for value in args) and all(_fits(*item) for item in kwargs.items()):
            return view(request, *args, **kwargs)
        if answers_json:
            return JsonResponse({"message": "Not found: no id in the address can exist."}, status=404)
        raise Http404("No id in the address can exist.")

    return checked


def _typed(value):
    """Return whether a parameter's value could have been typed: no control character but tabs and line breaks."""
    return not has_control_characters(value.replace("\t", "").replace("\n", "").replace("\r", ""))


def _an_id_if_digits(value):
    """Return whether a parameter's value, if it is a whole number, is one that a database key can be."""
    digits = value[1:] if value[:1] in ("-", "+") else value
    return not digits.isdigit() or parse_id(digits) is not None


def parameters_in_range(view):
    """Answer 400 for a parameter no one could have typed, or a query parameter with digits no key can be."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        query = [value for _name, values in request.GET.lists() for value in values]
        form = [value for _name, values in request.POST.lists() for value in values]
        if all(_typed(value) and _an_id_if_digits(value) for value in query) and all(map(_typed, form)):
            return view(request, *args, **kwargs)
        return render(request, "400.html", status=400)

    return checked
