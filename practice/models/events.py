"""Events: surgeries, teacamps, unconferences, webinars."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from practice.common.calendar import calendar_response
from practice.models.base import ContextFromFeatures, PracticePage, PracticePageQuerySet, SectionPage
from practice.models.comments import CommentsMixin

TIME_ZONES = [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class EventIndexPage(RoutablePageMixin, SectionPage):
    parent_page_types = ["home.HomePage", "practice.CommunityPage"]
    subpage_types = ["practice.EventPage"]

    class Meta:
        verbose_name = "events listing"

    def visible_events(self, user):
        return EventPage.objects.descendant_of(self).live().visible_to(user)

    @path("ical/", name="ical")
    def ical(self, request):
        """Answer with an iCalendar feed of the upcoming events in this listing that the reader may open."""
        events = self.visible_events(request.user).upcoming()
        return calendar_response(request, events, name=self.title, filename=f"{self.slug}.ics")


def map_data(request, events):
    """Return what the events map draws: the tile server and the listed events that have coordinates."""
    return {
        "tileUrl": settings.HUB_MAP_TILE_URL,
        "attribution": settings.HUB_MAP_ATTRIBUTION,
        "icon": {
            "iconUrl": static("leaflet/images/marker-icon.png"),
            "iconRetinaUrl": static("leaflet/images/marker-icon-2x.png"),
            "shadowUrl": static("leaflet/images/marker-shadow.png"),
        },
        "events": [
            {
                "title": event.title,
                "url": event.get_url(request),
                "when": date_format(event.local_start, "j F Y, H:i"),
                "place": event.venue_name,
                "lat": float(event.latitude),
                "lng": float(event.longitude),
            }
            for event in events
            if event.has_coordinates
        ],
    }


class EventQuerySet(PracticePageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start")


class EventPage(ContextFromFeatures, RoutablePageMixin, CommentsMixin, PracticePage):
    class EventType(models.TextChoices):
        SURGERY = "surgery", "Social media surgery"
        TEACAMP = "teacamp", "Teacamp"
        UNCONFERENCE = "unconference", "Unconference"
        WEBINAR = "webinar", "Webinar"
        SOCIAL_MEDIA_WEEK = "smw", "Social Media Week event"
        WORKSHOP = "workshop", "Workshop"
        MEETUP = "meetup", "Meetup"

    event_type = models.CharField(max_length=16, choices=EventType.choices, default=EventType.MEETUP)
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)
    time_zone = models.CharField(max_length=40, choices=TIME_ZONES, default="Europe/London")
    description = RichTextField(blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"])
    venue_name = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    region = models.ForeignKey(
        "practice.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    online_url = models.URLField(blank=True, verbose_name="online joining link")
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="events_organised"
    )
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Leave empty for no limit.")
    write_up_url = models.URLField(blank=True, help_text="After the event: a link to its write-up.")

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")], heading="When"
        ),
        FieldPanel("event_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading="Where",
        ),
        FieldPanel("organiser"),
        FieldPanel("capacity"),
        FieldPanel("write_up_url"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [CommentsMixin.comments_panel]
    search_fields = (
        PracticePage.search_fields
        + [
            index.SearchField("description"),
            index.SearchField("venue_name"),
            index.SearchField("address"),
            index.FilterField("event_type"),
            index.FilterField("start"),
            index.FilterField("region"),
        ]
        + CommentsMixin.comment_search_fields
    )
    parent_page_types = ["practice.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    def content_date(self):
        return self.start

    def source_region(self):
        return self.region_id

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The event cannot end before it starts."})
        if not (self.venue_name or self.address or self.online_url):
            raise ValidationError({"venue_name": "Give a venue or address, or an online joining link."})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.start, zoneinfo.ZoneInfo(self.time_zone))

    @property
    def local_end(self):
        return timezone.localtime(self.end, zoneinfo.ZoneInfo(self.time_zone))

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @path("ical/", name="ical")
    def ical(self, request):
        """Answer with this event as an iCalendar file; Wagtail has already checked the reader may open it."""
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")
