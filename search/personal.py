"""Personalisation: what we know of a reader, and how what we know of a result raises it for them.

The same boosts serve every backend (search.features holds them, with their weights): the database
backends re-rank the engine's best text matches with `rerank`, and the Elasticsearch and OpenSearch
backends turn them into function_score clauses (search.elastic). Either way, `reasons` explains
each result in the reader's terms.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from practice.models import Membership
from search.features import FRESHNESS, FRESHNESS_HALF_LIFE_DAYS, GENERAL, HELPFULNESS, PERSONAL

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
        + FRESHNESS.weight * freshness(features.date, now)
        + HELPFULNESS.weight * min(features.helpfulness, HELPFULNESS.most)
    )
    if signals is not None:
        for each in PERSONAL:
            factor += each.lift(len(each.matched(features, signals)))
    return factor


def reasons(features, signals):
    """Say, in the reader's terms, why a result was shown where it is."""
    said = []
    if signals is not None:
        for each in PERSONAL:
            names = each.matched(features, signals)
            if names:
                said.append(each.said(names))
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
    factor = 1.0 + sum(each.weight * each.most for each in GENERAL)
    if signals is not None:
        factor += sum(each.lift(len(each.told(signals))) for each in PERSONAL)
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
