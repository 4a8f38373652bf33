"""Filter forms for the listings: blogs, events, resource libraries and discussions.

Each form is bound to the request's GET parameters and built from the pages the reader may open,
so its options never name anything they could not see. A value it does not understand (an unknown
topic, a month that does not exist) is reported on the form and left out; the rest still apply.
"""

import datetime as dt
import re
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from taggit.models import Tag

from practice.models import AudienceRole, MemberProfile, Organisation, Region, Topic

PAGE_SIZE = 12
MAX_AUTHOR_OPTIONS = 30  # authors offered in a blog's filter: the most prolific, then any chosen

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d %m %Y"]
SLUG = re.compile(r"[-\w]+")


def paginate(request, items, per_page=PAGE_SIZE):
    """Return the page of items the request asks for; a missing, bad or too high number gives a real page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def with_count(label, count):
    return f"{label} ({count})"


def term_options(terms, relation, pages):
    """Return (slug, "Name (n)") for the vocabulary terms used by the given pages, by name."""
    used = terms.filter(**{f"{relation}__in": pages.values("pk")}).annotate(uses=Count(relation)).order_by("name")
    return [(term.slug, with_count(term.name, term.uses)) for term in used]


def value_options(pages, field, *, counts=True):
    """Return (value, label) for the values of a choice field used by the given pages, in choice order."""
    uses = dict(pages.order_by().values_list(field).annotate(uses=Count("pk")))
    choices = pages.model._meta.get_field(field).choices
    return [(value, with_count(label, uses[value]) if counts else label) for value, label in choices if value in uses]


class ListingFilterForm(forms.Form):
    """A GET form that narrows a listing.

    Subclasses declare fields, and for each either the lookup its value is matched against (`lookups`) or,
    where that is not enough, a `filter_<field>` method.
    """

    lookups = {}

    # GOV.UK classes for each kind of widget, and the extra class when its value is in error.
    widget_classes = {
        "select": ("govuk-select govuk-!-width-full", "govuk-select--error"),
        "text": ("govuk-input", "govuk-input--error"),
        "search": ("govuk-input", "govuk-input--error"),
        "date": ("govuk-input govuk-input--width-10", "govuk-input--error"),
    }

    def __init__(self, data, **kwargs):
        super().__init__(data, use_required_attribute=False, **kwargs)

    def full_clean(self):
        # Django itself points each widget at its hint and error (`<id>_helptext`, `<id>_error`).
        super().full_clean()
        for name in self.fields:
            bound = self[name]
            if bound.widget_type in self.widget_classes:
                css, error_css = self.widget_classes[bound.widget_type]
                bound.field.widget.attrs["class"] = f"{css} {error_css}" if name in self.errors else css

    def valid_values(self):
        """Return the filter values that were given and understood, by field name."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "", [], ()) and value != self.fields[name].initial
        }

    @property
    def is_filtered(self):
        return bool(self.valid_values())

    def filter(self, pages):
        """Narrow the pages by every filter value that was understood."""
        for name, value in self.valid_values().items():
            if name in self.lookups:
                pages = pages.filter(**{self.lookups[name]: value})
            else:
                pages = getattr(self, f"filter_{name}")(pages, value)
        return pages

    def query_string(self):
        """Return the filters that apply, URL-encoded, for links to other pages of results."""
        return urlencode([(name, self.data[name]) for name in self.valid_values() if name in self.data])


def choice_field(label, empty_label, **kwargs):
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", empty_label)],
        error_messages={"invalid_choice": f"Choose a {label.lower()} from the list"},
        **kwargs,
    )


def date_field(label, *, example):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=f"For example, {example}",
        error_messages={"invalid": f"Enter a real date, for example {example}"},
    )


class BlogFilterForm(ListingFilterForm):
    lookups = {"topic": "topics__slug", "tag": "tags__slug", "author": "authors__profile__slug"}

    topic = choice_field("Topic", "All topics")
    tag = choice_field("Tag", "All tags")
    author = choice_field("Author", "All authors")
    month = choice_field("Month", "Any month")

    def __init__(self, data, *, posts, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["topic"].choices += term_options(Topic.objects.all(), "pages", posts)
        self.fields["tag"].choices += term_options(
            Tag.objects.all(), "practice_taggedpage_items__content_object", posts
        )
        self.fields["author"].choices += self.author_options(posts)
        months = (
            posts.order_by()
            .annotate(month=TruncMonth("date", tzinfo=timezone.get_current_timezone()))
            .values_list("month")
            .annotate(uses=Count("pk"))
            .order_by("-month")
        )
        self.fields["month"].choices += [
            (f"{month:%Y-%m}", with_count(date_format(month, "F Y"), uses)) for month, uses in months
        ]

    def author_options(self, posts):
        """Return (slug, "Name (n)") for the blog's most prolific authors, by name, and the one chosen.

        A blog written by thousands would otherwise offer a list no one could scroll. Any of its authors
        can still be chosen (their profile links here), and the one chosen is always in the list.
        """
        authors = MemberProfile.objects.filter(user__blog_posts__in=posts.values("pk")).annotate(
            uses=Count("user__blog_posts")
        )
        shown = list(authors.order_by("-uses", "display_name")[: MAX_AUTHOR_OPTIONS + 1])
        if len(shown) > MAX_AUTHOR_OPTIONS:
            shown = shown[:MAX_AUTHOR_OPTIONS]
            self.fields["author"].help_text = f"The {MAX_AUTHOR_OPTIONS} people who have written most here"
        chosen = self.data.get("author")
        # Only a slug can name an author: anything else (a NUL, which PostgreSQL refuses) is not looked up.
        if chosen and chosen not in {author.slug for author in shown} and SLUG.fullmatch(chosen):
            shown += list(authors.filter(slug=chosen))
        return [(a.slug, with_count(a.display_name, a.uses)) for a in sorted(shown, key=lambda a: a.display_name)]

    def filter_month(self, posts, month):
        year, month = (int(part) for part in month.split("-"))
        return posts.filter(date__year=year, date__month=month)


class EventFilterForm(ListingFilterForm):
    lookups = {"region": "region__slug", "type": "event_type"}

    UPCOMING, PAST, BETWEEN = "upcoming", "past", "between"

    region = choice_field("Region", "All regions")
    type = choice_field("Type", "All types of event")
    when = forms.ChoiceField(
        label="When",
        required=False,
        initial=UPCOMING,
        choices=[(UPCOMING, "Upcoming"), (PAST, "Past"), (BETWEEN, "Between dates")],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose upcoming, past or between dates"},
    )
    date_from = date_field("From", example="27/3/2026")
    date_to = date_field("To", example="30/4/2026")

    def __init__(self, data, *, events, **kwargs):
        data = data.copy()
        if data.get("date_from") or data.get("date_to"):
            # Dates given mean "between these dates", whichever radio was left checked.
            data["when"] = self.BETWEEN
        elif not data.get("when"):
            data["when"] = self.UPCOMING
        super().__init__(data, **kwargs)
        self.fields["region"].choices += [
            (region.slug, region.name)
            for region in Region.objects.filter(events__in=events.values("pk")).distinct().order_by("name")
        ]
        # No counts here: a count over past and upcoming events together would mislead.
        self.fields["type"].choices += value_options(events, "event_type", counts=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned

    @property
    def period(self):
        """Return which events the listing shows: upcoming, past or between dates."""
        return self.valid_values().get("when", self.UPCOMING)

    def filter(self, events):
        events = super().filter(events)
        if self.period == self.PAST:
            return events.past()
        if self.period == self.BETWEEN:
            return events.order_by("start", "pk")
        return events.upcoming()

    def filter_when(self, events, value):
        return events  # applied in filter(), which also chooses the order

    def filter_date_from(self, events, day):
        return events.filter(end__gte=start_of(day))

    def filter_date_to(self, events, day):
        return events.filter(start__lt=start_of(day + dt.timedelta(days=1)))


def start_of(day):
    """Return the first moment of a day in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class ResourceFilterForm(ListingFilterForm):
    lookups = {
        "type": "resource_type",
        "topic": "topics__slug",
        "audience": "audiences__slug",
        "publisher": "publisher__slug",
        "link_status": "link_status",
    }

    q = forms.CharField(label="Search these resources", required=False, max_length=200, widget=forms.SearchInput)
    type = choice_field("Type", "All types")
    topic = choice_field("Topic", "All topics")
    audience = choice_field("Audience", "Everyone")
    publisher = choice_field("Publisher", "All publishers")
    link_status = choice_field("Link status", "Any link status")

    def __init__(self, data, *, resources, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["type"].choices += value_options(resources, "resource_type")
        self.fields["topic"].choices += term_options(Topic.objects.all(), "pages", resources)
        self.fields["audience"].choices += term_options(AudienceRole.objects.all(), "pages", resources)
        self.fields["publisher"].choices += term_options(Organisation.objects.all(), "resources", resources)
        self.fields["link_status"].choices += value_options(resources, "link_status")

    def filter_q(self, resources, text):
        for word in text.split():
            resources = resources.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(editors_note__icontains=word)
            )
        return resources


class ThreadFilterForm(ListingFilterForm):
    STATUSES = [
        ("open", "Open"),
        ("unanswered", "Open with no replies"),
        ("answered", "Answered"),
        ("closed", "Closed"),
    ]

    status = choice_field("Status", "Any status")

    def __init__(self, data, *, threads, **kwargs):
        super().__init__(data, **kwargs)
        counts = threads.status_counts()
        self.fields["status"].choices += [(value, with_count(label, counts[value])) for value, label in self.STATUSES]

    def filter_status(self, threads, value):
        # Each status is named after the ThreadQuerySet method that selects it.
        return getattr(threads, value)()
