"""Build the demo hub from the content modules, creating only what is missing.

Every object is found by its natural key (a slug under its parent page, a username, a community and
member pair). What exists is left exactly as it is, so loading the demo twice creates nothing the
second time and never undoes an editor's work.
"""

import datetime as dt
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst, slugify

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from home.models import HomeFeaturedItem
from practice.accounts.services import member_email_address_vouch
from practice.communities.services import SECTIONS, membership_join
from practice.demo import communities, library, people, vocabulary
from practice.demo.images import CHARTS, draw_chart
from practice.models import (
    AudienceRole,
    BlogIndexPage,
    BlogPostPage,
    CaseStudyPage,
    CollectionItem,
    CollectionPage,
    CommunityIndexPage,
    CommunityPage,
    DiscussionIndexPage,
    DiscussionThreadPage,
    EventIndexPage,
    EventPage,
    GuidanceIndexPage,
    GuidancePage,
    MemberProfile,
    Membership,
    Organisation,
    PracticePage,
    Region,
    Reply,
    ResourceLibraryPage,
    ResourceLinkPage,
    Topic,
)

DEMO_PASSWORD = "practicehub"  # noqa: S105 - the published password of the demo accounts  # nosec B105
ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@practicehub.example"
LONDON = zoneinfo.ZoneInfo("Europe/London")

SITE_SECTION_MODELS = {
    "communities": CommunityIndexPage,
    "resources": ResourceLibraryPage,
    "events": EventIndexPage,
    "guidance": GuidanceIndexPage,
}
# The kind of page each of a community's sections (practice.communities.services.SECTIONS) holds.
SECTION_ITEMS = {
    BlogIndexPage: BlogPostPage,
    DiscussionIndexPage: DiscussionThreadPage,
    ResourceLibraryPage: ResourceLinkPage,
    EventIndexPage: EventPage,
}
# Rows that belong to a page and get their own line in the report: (kind, related name).
COUNTED_CHILDREN = {DiscussionThreadPage: ("Replies", "replies")}
# Content dates that also say when a page was first published, in order of preference.
PUBLICATION_DATE_FIELDS = ("first_published_at", "date", "date_added")


def local_datetime(value):
    """Read a content date such as "2026-03-11 09:30" as a time in the UK."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value).replace(tzinfo=LONDON)


def schedule(data):
    """Return the start and end of an event held some days from today, fixed when it is created."""
    day = timezone.localdate() + dt.timedelta(days=data["starts_in_days"])
    start = dt.datetime.combine(day, dt.time.fromisoformat(data["start_time"]), tzinfo=LONDON)
    return {"start": start, "end": start + dt.timedelta(hours=data["hours"])}


def label(model):
    """Return the name a kind of object has in the progress report."""
    if issubclass(model, Page) and not issubclass(model, PracticePage):
        return "Section pages"
    if model is CommunityPage:
        return "Communities"
    return capfirst(model._meta.verbose_name_plural)


class Tally:
    """Count, for each kind of object, how many were created and how many were already there."""

    def __init__(self):
        self.rows = {}

    def count(self, kind, *, created, number=1):
        row = self.rows.setdefault(kind, [0, 0])
        row[0 if created else 1] += number

    @property
    def created(self):
        return sum(created for created, _ in self.rows.values())

    def lines(self):
        return [
            f"{kind}: {created} created, {existing} already there" for kind, (created, existing) in self.rows.items()
        ]


class DemoBuilder:
    """Load the demo content into the database, creating only what is missing."""

    def __init__(self):
        self.tally = Tally()
        self.user_model = get_user_model()
        self._cache = {}
        self._password_hash = None
        # Rows that belong to a page and are created with it, once it has a primary key.
        self.completers = {DiscussionThreadPage: self.add_replies, CollectionPage: self.add_collection_items}
        # Field values worked out from the content rather than copied from it.
        self.derivers = {EventPage: schedule, DiscussionThreadPage: self.thread_activity}

    def build(self):
        """Build the whole demo hub and return the tally of what was created."""
        for model, terms in [
            (Topic, vocabulary.TOPICS),
            (AudienceRole, vocabulary.AUDIENCE_ROLES),
            (Region, vocabulary.REGIONS),
            (Organisation, vocabulary.ORGANISATIONS + vocabulary.PUBLISHERS),
        ]:
            for data in terms:
                self.term(model, data)
        for data in people.MEMBERS:
            self.member(data)

        home = Site.objects.get(is_default_site=True).root_page.specific
        sections = {data["slug"]: self.page(home, SITE_SECTION_MODELS[data["slug"]], data) for data in library.SECTIONS}
        for data in communities.COMMUNITIES:
            self.community(sections["communities"], data)
        for parent, model, pages in [
            (sections["resources"], ResourceLinkPage, library.RESOURCE_LINKS),
            (sections["events"], EventPage, library.EVENTS),
            (sections["guidance"], GuidancePage, library.GUIDES),
            (sections["guidance"], CaseStudyPage, library.CASE_STUDIES),
            (sections["resources"], CollectionPage, library.COLLECTIONS),
        ]:
            for data in pages:
                self.page(parent, model, data)
        self.home_page(home)
        self.administrator()
        return self.tally

    # Lookups and field values

    def natural_key(self, model):
        return model.USERNAME_FIELD if model is self.user_model else "slug"

    def lookup(self, model, key):
        """Return the object of this model with the given natural key."""
        cache = self._cache.setdefault(model, {})
        if key not in cache:
            cache[key] = model.objects.get(**{self.natural_key(model): key})
        return cache[key]

    def page_at(self, path):
        """Return the page at a path below the home page, such as "guidance/writing-for-the-web"."""
        home = Site.objects.get(is_default_site=True).root_page
        return Page.objects.get(url_path=f"{home.url_path}{path}/").specific

    def resolve(self, model, data):
        """Split content data into field values and many-to-many values, with natural keys made into objects."""
        fields, related = {}, {}
        names = {field.name for field in model._meta.get_fields() if field.concrete or field.many_to_many}
        for name, value in data.items():
            if name not in names:
                continue  # instructions for the builder, such as an event's days from today
            field = model._meta.get_field(name)
            if name == "tags":
                related[name] = value
            elif field.many_to_many:
                related[name] = [self.lookup(field.related_model, key) for key in value]
            elif field.many_to_one:
                fields[name] = self.lookup(field.related_model, value)
            elif isinstance(field, models.DateTimeField):
                fields[name] = local_datetime(value)
            else:
                fields[name] = value
        return fields, related

    # Creating objects

    def create(self, model, data, **extra):
        """Create and return an object from content data, with its many-to-many values."""
        fields, related = self.resolve(model, data)
        instance = model.objects.create(**fields, **extra)
        for name, values in related.items():
            getattr(instance, name).set(values)
        return instance

    def term(self, model, data):
        slug = slugify(data["name"])
        exists = model.objects.filter(slug=slug).exists()
        self.tally.count(label(model), created=not exists)
        if not exists:
            self.create(model, data, slug=slug)

    def member(self, data):
        email = data["email"]
        user = self.user_model.objects.filter(username=email).first()
        self.tally.count("Members", created=user is None)
        if user is not None:
            return
        if self._password_hash is None:
            # Every demo account has the same published password; hashing it once saves seconds.
            self._password_hash = make_password(DEMO_PASSWORD)
        user = self.user_model.objects.create(
            username=email,
            email=email,
            password=self._password_hash,
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        user.groups.add(*Group.objects.filter(name__in=data.get("groups", [])))
        member_email_address_vouch(user=user, email=email)
        organisation = self.lookup(Organisation, data["profile"]["organisation"])
        self.create(
            MemberProfile,
            data["profile"],
            user=user,
            display_name=f"{data['first_name']} {data['last_name']}",
            is_verified=organisation.owns_email(email),
        )

    def page(self, parent, model, data):
        """Return the child of parent with the content's slug, creating and publishing it if it is missing."""
        existing = Page.objects.child_of(parent).filter(slug=data["slug"]).first()
        self.tally.count(label(model), created=existing is None)
        if existing is not None:
            page = existing.specific
            if model in COUNTED_CHILDREN:
                kind, name = COUNTED_CHILDREN[model]
                self.tally.count(kind, created=False, number=getattr(page, name).count())
            return page

        fields, related = self.resolve(model, data)
        if "body" in fields:
            fields["body"] = self.with_images(parent, fields["body"])
        derive = self.derivers.get(model)
        page = model(**fields, **(derive(data) if derive else {}))
        for name, values in related.items():
            if name == "tags":
                page.tags.add(*values)
            else:
                # Parental many-to-many values are held until the page is saved. The demo's authors wrote the
                # demo's posts, so their credits count as consented (practice.credits).
                setattr(page, name, values)
        if page.first_published_at is None:
            # Backdate publication to the content's own date, so that "newest first" reads true.
            page.first_published_at = next((fields[name] for name in PUBLICATION_DATE_FIELDS if name in fields), None)
        parent.add_child(instance=page)
        complete = self.completers.get(model)
        if complete:
            complete(page, data)
        page.save_revision().publish()
        return page

    def with_images(self, parent, body):
        """Return a page body with each image block's chart name swapped for the image itself."""
        if isinstance(body, str):
            return body
        return [
            (kind, {**value, "image": self.image(parent, value["image"])} if kind == "image" else value)
            for kind, value in body
        ]

    def image(self, parent, chart):
        """Return the image of a demo chart, drawn into its community's collection if it is not there yet."""
        community = CommunityPage.objects.ancestor_of(parent, inclusive=True).first()
        collection = community.media_collection if community else Collection.get_first_root_node()
        Image = get_image_model()
        title = CHARTS[chart]["title"]
        image = Image.objects.filter(collection=collection, title=title).first()
        self.tally.count("Images", created=image is None)
        if image is None:
            image = Image(title=title, collection=collection, file=ContentFile(draw_chart(chart), name=f"{chart}.png"))
            image._set_image_file_metadata()
            image.save()
        return image

    def community(self, index, data):
        community = self.page(index, CommunityPage, data)
        roles = [(email, Membership.Role.FACILITATOR) for email in data["facilitators"]]
        roles += [(email, Membership.Role.MEMBER) for email in data["members"]]
        for email, role in roles:
            member = self.lookup(self.user_model, email)
            exists = Membership.objects.filter(community=community, member=member).exists()
            self.tally.count("Memberships", created=not exists)
            if not exists:
                membership_join(community=community, member=member, role=role)
        for section_model, section in SECTIONS:
            section_page = self.page(community, section_model, section)
            for item in data[section["slug"]]:
                self.page(section_page, SECTION_ITEMS[section_model], item)

    def thread_activity(self, data):
        """Return a thread's reply count and time of last activity, from its replies."""
        started = local_datetime(data["first_published_at"])
        hours = [reply["hours_later"] for reply in data["replies"]]
        return {
            "reply_count": len(hours),
            "last_activity_at": started + dt.timedelta(hours=max(hours, default=0)),
        }

    def add_replies(self, thread, data):
        """Create a new thread's replies, nested as the content says, and mark its accepted answer."""
        replies = []
        for reply in data["replies"]:
            replies.append(
                Reply.objects.create(
                    thread=thread,
                    parent=replies[reply["reply_to"]] if "reply_to" in reply else None,
                    author=self.lookup(self.user_model, reply["author"]),
                    body=reply["body"],
                    created_at=thread.first_published_at + dt.timedelta(hours=reply["hours_later"]),
                )
            )
        self.tally.count("Replies", created=True, number=len(replies))
        if "accepted" in data:
            thread.accepted_reply = replies[data["accepted"]]
            thread.status = DiscussionThreadPage.Status.ANSWERED

    def add_collection_items(self, collection, data):
        collection.items = [
            CollectionItem(page=self.page_at(item["page"]), note=item["note"], sort_order=position)
            for position, item in enumerate(data["items"])
        ]

    def home_page(self, home):
        """Give the home page its introduction and featured items, unless an editor has featured something."""
        featured = home.featured_items.count()
        self.tally.count("Featured items", created=not featured, number=featured or len(library.FEATURED))
        if featured:
            return
        home.introduction = library.HOME_INTRODUCTION
        home.featured_items = [
            HomeFeaturedItem(page=self.page_at(item["page"]), blurb=item["blurb"], sort_order=position)
            for position, item in enumerate(library.FEATURED)
        ]
        home.save_revision().publish()

    def administrator(self):
        exists = self.user_model.objects.filter(username=ADMIN_USERNAME).exists()
        self.tally.count("Administrator", created=not exists)
        if not exists:
            admin = self.user_model.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, DEMO_PASSWORD)
            member_email_address_vouch(user=admin, email=ADMIN_EMAIL)

    def admin_has_demo_password(self):
        admin = self.user_model.objects.get(username=ADMIN_USERNAME)
        return admin.check_password(DEMO_PASSWORD)

    def admin_email(self):
        """Return the address the administrator signs in with (the hub's only sign-in takes an address)."""
        return self.user_model.objects.get(username=ADMIN_USERNAME).email
