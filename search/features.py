"""Ranking features: what raises a result, by how much, and what ranking knows of each result.

One table (`GENERAL` and `PERSONAL`) says every boost and its weight. The database backends'
re-ranking (search.personal) and the Elasticsearch and OpenSearch query (search.elastic) both read
it, so the two rankings cannot drift apart. A result's features are read here in a fixed number of
queries whatever the number of results (`candidate_features`, `external_features`), and kept
beside the database backends' index entries (`store_features`, `stored_features`).

The engines' own index reads the same facts from each page's `search_*` methods
(practice.models.base.PracticePage), which call the page types' `helpfulness()`, `content_date()`
and so on; `candidate_features` reads those from the page tables in bulk, and a test keeps the two
in step (tests/search/test_features.py).
"""

from dataclasses import dataclass, field

from django.db.models import F, Min

from modelsearch.utils import get_descendants_content_types_pks

from hub.db import one_of
from practice.models import BlogPostPage, DiscussionThreadPage, PracticePage
from practice.models.comments import MAX_HELPFUL_MARKS, helpful_marks
from practice.models.external import ExternalItem, FeedSource
from practice.models.threads import thread_helpfulness
from search.models import RankingFeatures

# Fresh material counts fully today, half as much after this many days, a quarter after twice as many.
FRESHNESS_HALF_LIFE_DAYS = 180


@dataclass(frozen=True)
class GeneralBoost:
    """What raises a result for every reader: `weight` (a share of its text relevance) per sign, up to `most`."""

    name: str
    weight: float
    field: str  # the filter field the engines rank by (PracticePage.search_*)
    most: int = 1


@dataclass(frozen=True)
class PersonalBoost:
    """What raises a result for one reader: a match between what they told us and what the result is.

    `signal` names what the reader told us (search.personal.ReaderSignals: {id: name}, or one
    (id, name)), `feature` what the result holds (Features: a set of ids, or one id), `field` the
    engine's filter field holding the same ids. Each match adds `weight`, up to `most` matches (the
    engines count them the same way: search.elastic.holds_at_least).
    """

    name: str
    weight: float
    signal: str
    feature: str
    field: str
    reason: str  # said of a result that matches: {names} of what matched, {s} a plural's "s"
    most: int = 1

    def told(self, signals):
        """Return {id: name} of what the reader told us, for this boost."""
        value = getattr(signals, self.signal)
        if isinstance(value, dict):
            return value
        return {value[0]: value[1]} if value else {}

    def held(self, features):
        """Return the ids the result holds, for this boost."""
        value = getattr(features, self.feature)
        return value if isinstance(value, set) else {value}

    def matched(self, features, signals):
        """Return the names of what the result holds that the reader told us, A to Z."""
        told, held = self.told(signals), self.held(features)
        return sorted((name for pk, name in told.items() if pk in held), key=str.casefold)

    def lift(self, matches):
        """Return how much `matches` matches raise a result."""
        return self.weight * min(self.most, matches)

    def said(self, names):
        return self.reason.format(names=", ".join(names), s="s" if len(names) != 1 else "")


# Everyone's ranking: fresher and more helpful material rises a little.
FRESHNESS = GeneralBoost("freshness", 0.2, "search_date")
HELPFULNESS = GeneralBoost("helpfulness", 0.05, "search_helpfulness", most=8)  # per sign of helpfulness
GENERAL = (FRESHNESS, HELPFULNESS)

# A reader's ranking: material that matches their interests, role, communities, organisation and region.
PERSONAL = (
    PersonalBoost("interest", 0.35, "interests", "topics", "topics", "Matches your interest{s}: {names}", most=2),
    PersonalBoost("role", 0.25, "role", "audiences", "audiences", "Written for your role: {names}"),
    PersonalBoost("community", 0.3, "communities", "community", "community", "From your community: {names}"),
    PersonalBoost(
        "organisation", 0.2, "organisation", "organisation", "search_organisation", "From your organisation: {names}"
    ),
    PersonalBoost("region", 0.15, "region", "region", "search_region", "In your region: {names}"),
)


@dataclass
class Features:
    """What ranking needs to know about one candidate."""

    title: str = ""
    topics: set = field(default_factory=set)
    audiences: set = field(default_factory=set)
    community: int | None = None
    organisation: int | None = None
    region: int | None = None
    date: object = None
    helpfulness: int = 0
    answered: bool = False
    helpful_marks: int = 0  # times members marked its comments helpful


def candidate_features(pages):
    """Return Features for each page id, in a fixed number of queries whatever the number of pages."""
    ids = [page.pk for page in pages]
    features = {
        page.pk: Features(title=page.title, community=page.community_id, date=page.first_published_at) for page in pages
    }
    if not ids:
        return features
    for page_id, topic_id in PracticePage.topics.through.objects.filter(one_of("practicepage_id", ids)).values_list(
        "practicepage_id", "topic_id"
    ):
        features[page_id].topics.add(topic_id)
    for page_id, role_id in PracticePage.audiences.through.objects.filter(one_of("practicepage_id", ids)).values_list(
        "practicepage_id", "audiencerole_id"
    ):
        features[page_id].audiences.add(role_id)
    # What each page type adds, in one query over the page types' tables (a page is of one type only).
    specific = PracticePage.objects.filter(one_of("pk", ids)).values(
        "pk",
        thread=F("discussionthreadpage"),
        resource=F("resourcelinkpage"),
        case_study=F("casestudypage"),
        event=F("eventpage"),
        post=F("blogpostpage"),
        status=F("discussionthreadpage__status"),
        reply_count=F("discussionthreadpage__reply_count"),
        last_activity_at=F("discussionthreadpage__last_activity_at"),
        publisher=F("resourcelinkpage__publisher"),
        publisher_region=F("resourcelinkpage__publisher__region"),
        date_added=F("resourcelinkpage__date_added"),
        case_organisation=F("casestudypage__organisation"),
        case_region=F("casestudypage__organisation__region"),
        event_region=F("eventpage__region"),
        event_start=F("eventpage__start"),
        post_date=F("blogpostpage__date"),
    )
    for row in specific:
        item = features[row["pk"]]
        if row["thread"] is not None:
            item.answered = row["status"] == DiscussionThreadPage.Status.ANSWERED
            item.helpfulness = thread_helpfulness(item.answered, row["reply_count"])
            item.date = row["last_activity_at"]
        elif row["resource"] is not None:
            item.organisation, item.region, item.date = row["publisher"], row["publisher_region"], row["date_added"]
        elif row["case_study"] is not None:
            item.organisation, item.region = row["case_organisation"], row["case_region"]
        elif row["event"] is not None:
            item.region, item.date = row["event_region"], row["event_start"]
        elif row["post"] is not None:
            item.date = row["post_date"]
    for page_id, marks in helpful_marks(ids).items():
        features[page_id].helpful_marks = marks
        features[page_id].helpfulness += min(marks, MAX_HELPFUL_MARKS)
    # A post comes from its first author's organisation and region.
    first_authors = (
        BlogPostPage.authors.through.objects.filter(one_of("blogpostpage_id", ids))
        .values("blogpostpage_id")
        .annotate(first=Min("pk"))
        .values("first")
    )
    for row in BlogPostPage.authors.through.objects.filter(pk__in=first_authors).values(
        "blogpostpage_id", "user__profile__organisation", "user__profile__region", "user__profile__organisation__region"
    ):
        item = features[row["blogpostpage_id"]]
        item.organisation = row["user__profile__organisation"]
        item.region = row["user__profile__region"] or row["user__profile__organisation__region"]
    return features


def external_features(items):
    """Return Features for each aggregated entry id: its source's topics, its organisation, region and date."""
    features = {
        item.pk: Features(
            title=item.title, organisation=item.organisation_id, region=item.region_id, date=item.published
        )
        for item in items
    }
    if not items:
        return features
    topics = FeedSource.topics.through.objects.filter(feedsource_id__in={item.source_id for item in items})
    by_source = {}
    for source_id, topic_id in topics.values_list("feedsource_id", "topic_id"):
        by_source.setdefault(source_id, set()).add(topic_id)
    for item in items:
        features[item.pk].topics = set(by_source.get(item.source_id, ()))
    return features


def features_of(model, objects):
    """Return {pk: Features} for objects of an indexed model, or {} for a model search does not re-rank."""
    if issubclass(model, PracticePage):
        return candidate_features(objects)
    if issubclass(model, ExternalItem):
        return external_features(objects)
    return {}


STORED = ("title", "community_id", "organisation_id", "region_id", "date", "helpfulness", "answered", "helpful_marks")


def store_features(model, objects, content_type_pk, using):
    """Write the objects' Features beside their index entries (RankingFeatures), replacing any written before."""
    rows = [
        RankingFeatures(
            content_type_id=content_type_pk,
            object_id=str(pk),
            title=item.title,
            community_id=item.community,
            organisation_id=item.organisation,
            region_id=item.region,
            date=item.date,
            helpfulness=item.helpfulness,
            answered=item.answered,
            helpful_marks=item.helpful_marks,
            topics=sorted(item.topics),
            audiences=sorted(item.audiences),
        )
        for pk, item in features_of(model, objects).items()
    ]
    RankingFeatures.objects.using(using).bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["object_id", "content_type"],
        update_fields=[*STORED, "topics", "audiences"],
    )


def stored_features(model, keys):
    """Return {key: Features} for the objects of the model whose features the database backends stored.

    One query by the index entries' own key; an object indexed before features were stored has none.
    """
    by_id = {str(key): key for key in keys}
    if not by_id:
        return {}
    rows = RankingFeatures.objects.filter(
        one_of("object_id", list(by_id)), content_type_id__in=get_descendants_content_types_pks(model)
    ).values_list("object_id", *STORED, "topics", "audiences")
    features = {}
    for object_id, *stored, topics, audiences in rows:
        title, community, organisation, region, date, helpfulness, answered, helpful_marks = stored
        features[by_id[object_id]] = Features(
            title=title,
            community=community,
            organisation=organisation,
            region=region,
            date=date,
            helpfulness=helpfulness,
            answered=answered,
            helpful_marks=helpful_marks,
            topics=set(topics),
            audiences=set(audiences),
        )
    return features
