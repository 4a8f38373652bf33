"""Personalisation: what we know of a reader, what we know of a result, and how the two raise it.

The same boosts serve every backend: the database backends re-rank the engine's best text matches
with `rerank`, and the Elasticsearch and OpenSearch backends turn `Boosts` into function_score
clauses (search.elastic). Either way, `reasons` explains each result in the reader's terms.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Min
from django.utils import timezone

from modelsearch.utils import get_descendants_content_types_pks

from hub.db import one_of
from practice.models import (
    AudienceRole,
    BlogPostPage,
    DiscussionThreadPage,
    Membership,
    Organisation,
    PracticePage,
    Topic,
)
from practice.models.comments import MAX_HELPFUL_MARKS, helpful_marks
from practice.models.external import ExternalItem, FeedSource
from search.models import RankingFeatures

# How much each match raises a result, as a share of its text relevance.
INTEREST_BOOST = 0.35  # per matching interest, at most two
ROLE_BOOST = 0.25
COMMUNITY_BOOST = 0.3
ORGANISATION_BOOST = 0.2
REGION_BOOST = 0.15
# Everyone's ranking: fresher and more helpful material rises a little.
FRESHNESS_BOOST = 0.2
FRESHNESS_HALF_LIFE_DAYS = 180
HELPFUL_BOOST = 0.05  # per sign of helpfulness (see PracticePage.search_helpfulness), at most eight
MAX_HELPFULNESS = 8
ANSWERED_BONUS = 3
# Database backends only: their engines do not weigh the title above the body (Elasticsearch does,
# with field boosts), so re-ranking raises results whose title holds the query's words.
TITLE_BOOST = 1.0
# Re-ranking scores the engine's Nth best match 1 / (1 + POSITION_STEP * N) for its text relevance.
POSITION_STEP = 0.08


@dataclass(frozen=True)
class ReaderSignals:
    """What a signed-in member has told us about themselves, by id with names for the reasons."""

    interests: dict = field(default_factory=dict)
    role: tuple | None = None
    communities: dict = field(default_factory=dict)
    organisation: tuple | None = None
    region: tuple | None = None

    @property
    def empty(self):
        return not (self.interests or self.role or self.communities or self.organisation or self.region)


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


# Everything a member told us or joined, as (kind, id, name) rows, in one statement: through the
# ORM it was up to six queries, and building them took 3-4 ms of each personalised search
# (bench/search_latency.py at 100,000 items; this statement takes under 1).
SIGNALS_SQL = """
SELECT 'community', page.id, page.title FROM practice_membership AS membership
    JOIN wagtailcore_page AS page ON page.id = membership.community_id
    WHERE membership.member_id = %s AND membership.status = %s
UNION ALL SELECT 'interest', topic.id, topic.name FROM practice_memberprofile AS profile
    JOIN practice_memberprofile_interests AS interest ON interest.memberprofile_id = profile.id
    JOIN practice_topic AS topic ON topic.id = interest.topic_id
    WHERE profile.user_id = %s
UNION ALL SELECT 'role', role.id, role.name FROM practice_memberprofile AS profile
    JOIN practice_audiencerole AS role ON role.id = profile.role_id
    WHERE profile.user_id = %s
UNION ALL SELECT 'organisation', organisation.id, organisation.name FROM practice_memberprofile AS profile
    JOIN practice_organisation AS organisation ON organisation.id = profile.organisation_id
    WHERE profile.user_id = %s
UNION ALL SELECT 'region', region.id, region.name FROM practice_memberprofile AS profile
    LEFT JOIN practice_organisation AS organisation ON organisation.id = profile.organisation_id
    JOIN practice_region AS region ON region.id = COALESCE(profile.region_id, organisation.region_id)
    WHERE profile.user_id = %s
"""


def reader_signals(user):
    """Return the reader's signals, or None for an anonymous reader.

    A member's region is their own, or else their organisation's.
    """
    if not user.is_authenticated:
        return None
    with connection.cursor() as cursor:
        cursor.execute(SIGNALS_SQL, [user.pk, Membership.Status.ACTIVE, *[user.pk] * 4])
        rows = cursor.fetchall()

    def named(kind):
        return {pk: name for row_kind, pk, name in rows if row_kind == kind}

    def one(kind):
        return next(iter(named(kind).items()), None)

    return ReaderSignals(
        interests=named("interest"),
        role=one("role"),
        communities=named("community"),
        organisation=one("organisation"),
        region=one("region"),
    )


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
            item.helpfulness = (ANSWERED_BONUS if item.answered else 0) + min(row["reply_count"], 5)
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


def freshness(date, now=None):
    """Return 1 for today's material, halving every FRESHNESS_HALF_LIFE_DAYS days (future events count as fresh)."""
    if date is None:
        return 0.0
    age_days = max(0.0, ((now or timezone.now()) - date).total_seconds() / 86400)
    return math.pow(0.5, age_days / FRESHNESS_HALF_LIFE_DAYS)


def boost(features, signals, now=None):
    """Return the factor a result's text relevance is multiplied by."""
    factor = (
        1.0
        + FRESHNESS_BOOST * freshness(features.date, now)
        + HELPFUL_BOOST * min(features.helpfulness, MAX_HELPFULNESS)
    )
    if signals is None:
        return factor
    factor += INTEREST_BOOST * min(2, len(features.topics & signals.interests.keys()))
    if signals.role and signals.role[0] in features.audiences:
        factor += ROLE_BOOST
    if features.community in signals.communities:
        factor += COMMUNITY_BOOST
    if signals.organisation and features.organisation == signals.organisation[0]:
        factor += ORGANISATION_BOOST
    if signals.region and features.region == signals.region[0]:
        factor += REGION_BOOST
    return factor


def reasons(features, signals):
    """Say, in the reader's terms, why a result was shown where it is."""
    said = []
    if signals is not None:
        interests = sorted((signals.interests[t] for t in features.topics if t in signals.interests), key=str.casefold)
        if interests:
            said.append(f"Matches your interest{'s' if len(interests) != 1 else ''}: {', '.join(interests)}")
        if signals.role and signals.role[0] in features.audiences:
            said.append(f"Written for your role: {signals.role[1]}")
        if features.community in signals.communities:
            said.append(f"From your community: {signals.communities[features.community]}")
        if signals.organisation and features.organisation == signals.organisation[0]:
            said.append(f"From your organisation: {signals.organisation[1]}")
        if signals.region and features.region == signals.region[0]:
            said.append(f"In your region: {signals.region[1]}")
    if features.answered:
        said.append("Has an accepted answer")
    if features.helpful_marks:
        said.append("Members found its comments helpful")
    return said


def title_coverage(title, terms):
    """Return the share of the query's terms that begin a word of the title (so "posting" counts for "post")."""
    if not terms:
        return 0.0
    words = re.findall(r"\w+", title.lower())
    stems = [term[: max(4, len(term) - 2)] for term in terms]
    return sum(any(word.startswith(stem) for word in words) for stem in stems) / len(terms)


def most_boost(signals):
    """Return the most `boost` (and the title's words) can multiply a result's text relevance by, for this reader.

    Only what the reader told us can raise a result for them: without a role, say, no result
    is raised for its audience.
    """
    factor = 1.0 + FRESHNESS_BOOST + HELPFUL_BOOST * MAX_HELPFULNESS
    if signals is not None:
        factor += INTEREST_BOOST * min(2, len(signals.interests))
        factor += sum(
            lift
            for lift, told in [
                (ROLE_BOOST, signals.role),
                (COMMUNITY_BOOST, signals.communities),
                (ORGANISATION_BOOST, signals.organisation),
                (REGION_BOOST, signals.region),
            ]
            if told
        )
    return factor * (1.0 + TITLE_BOOST)


def reach(stop, signals):
    """Return how many of the engine's best matches can be among the first `stop` once re-ranked.

    The match at position N scores at most most_boost(signals) / (1 + POSITION_STEP * N), and each
    of the first `stop` at least 1 / (1 + POSITION_STEP * (stop - 1)): a match further down than
    this can never overtake them all, so it need not be read. The fewer signals a reader gave, the
    fewer matches are read.
    """
    most = most_boost(signals)
    last = (most * (1 + POSITION_STEP * (stop - 1)) - 1) / POSITION_STEP
    return math.ceil(last) + 1


def rerank(keys, features, signals, now=None, terms=()):
    """Order the engine's best matches (their keys, best first) by text rank times personal and general boosts.

    The engines' scores are not comparable (SQLite's bm25 falls as relevance rises, PostgreSQL's
    rank rises), so text relevance is taken from the engine's order: the first match scores 1 and
    each next one a little less, so that a boost lifts a result over a few close neighbours, never
    over a much better match. Returns [(key, score)], best first.
    """
    now = now or timezone.now()
    scored = []
    for position, key in enumerate(keys):
        item = features[key]
        text = (1.0 / (1.0 + POSITION_STEP * position)) * (1.0 + TITLE_BOOST * title_coverage(item.title, terms))
        scored.append((text * boost(item, signals, now), -position, key))
    scored.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [(key, score) for score, _, key in scored]


def vocabulary_names(kind, ids):
    """Return {id: name} for facet labels."""
    model = {"topics": Topic, "audiences": AudienceRole, "organisation": Organisation}[kind]
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "name"))
