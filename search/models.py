"""What editors curate for search (best bets, synonyms), what members choose, and what search records."""

import hashlib
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel

MAX_QUERY_LENGTH = 200


def normalise_query(text):
    """Return a query as the reports group it: lower case, single spaces."""
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


class BestBetQuerySet(models.QuerySet):
    def current(self, now=None):
        """Return the best bets running now: started (or no start) and not yet ended."""
        now = now or timezone.now()
        return self.filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now)).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )


class BestBet(models.Model):
    """A page an editor puts first for a search, for a while."""

    query = models.CharField(
        max_length=MAX_QUERY_LENGTH, help_text="The search it answers, e.g. ‘LGR’. Case and spacing do not matter."
    )
    page = models.ForeignKey("practice.PracticePage", on_delete=models.CASCADE, related_name="+")
    note = models.CharField(
        max_length=250, blank=True, help_text="Optional: why this is the best place to start, shown with the result."
    )
    starts_at = models.DateTimeField(null=True, blank=True, help_text="Leave empty to start now.")
    ends_at = models.DateTimeField(help_text="Best bets end, so that none outlives its usefulness.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    objects = BestBetQuerySet.as_manager()

    panels = [
        FieldPanel("query"),
        FieldPanel("page"),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "best bet"
        ordering = ["query", "sort_order", "pk"]
        indexes = [models.Index(fields=["query", "ends_at"])]

    def __str__(self):
        return f"{self.query} → {self.page}"

    def clean(self):
        self.query = normalise_query(self.query)
        if not self.query:
            raise ValidationError({"query": "Give the search this best bet answers."})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end must come after the start."})


class SynonymSet(models.Model):
    """Words and phrases that mean the same to our readers, e.g. LGR and local government reorganisation."""

    terms = models.TextField(
        help_text="One word or phrase per line, all meaning the same thing (an acronym and its expansion, "
        "or a council's name variants)."
    )
    note = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = "synonyms"
        verbose_name_plural = "synonyms"
        ordering = ["terms"]

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        return self.terms_in(self.terms)

    @staticmethod
    def terms_in(text):
        """Return the terms of a set's text, one a line, in lower case and single-spaced."""
        return [" ".join(line.lower().split()) for line in text.splitlines() if line.strip()]

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases, one per line."})
        if any(not re.fullmatch(r"[\w' &-]+", term) for term in terms):
            raise ValidationError({"terms": "Use letters, numbers, spaces, hyphens, ampersands and apostrophes only."})
        self.terms = "\n".join(dict.fromkeys(terms))


class SearchPreference(models.Model):
    """A member's choice about how search treats them."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="search_preference")
    personalise = models.BooleanField(
        default=True, help_text="Raise results that match your interests, role, communities and region."
    )

    def __str__(self):
        return f"{self.user}: {'personalised' if self.personalise else 'not personalised'}"


class QueryLog(models.Model):
    """One search someone ran, with how many results it found: the source of the editors' reports."""

    query = models.CharField(max_length=MAX_QUERY_LENGTH, db_index=True)
    result_count = models.PositiveIntegerField()
    # The reader's audience role at the time, for click-through by role; never who they are.
    role = models.ForeignKey(
        "practice.AudienceRole", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_in = models.BooleanField(default=False)
    source = models.CharField(max_length=10, default="page", choices=[("page", "Search page"), ("api", "API")])
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.query} ({self.result_count})"


class ResultClick(models.Model):
    """A reader followed a result from a logged search."""

    search = models.ForeignKey(QueryLog, on_delete=models.CASCADE, related_name="clicks")
    page = models.ForeignKey("practice.PracticePage", null=True, on_delete=models.SET_NULL, related_name="+")
    item = models.ForeignKey(
        "practice.ExternalItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="entry from the wider public sector",
    )
    position = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.search.query} → #{self.position}"


def hash_token(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A member's key for the search API from another system; only its hash is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="search_api_tokens")
    name = models.CharField(max_length=80, help_text="What uses this key, e.g. ‘intranet search’.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    def __str__(self):
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, *, user, name):
        """Create a token and return it with its key, which is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(key))
        return token, key

    @classmethod
    def user_for_key(cls, key):
        token = cls.objects.select_related("user").filter(key_hash=hash_token(key), user__is_active=True).first()
        if token is None:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


class RankingFeatures(models.Model):
    """What re-ranking reads of one indexed object, written beside its index entry by the database backends.

    The database backends re-rank a search's best text matches with personal and general boosts
    (search.personal): reading each candidate's topics, organisation, date and signs of helpfulness
    from the page tables took six queries per search. The Elasticsearch backends keep the same facts
    in their documents; ours keep them here, written in the same transaction as the entry and as
    often (search.receivers indexes a page again when its replies, comments or helpful marks change),
    and read with one query by the entry's own key. Like the entry, a row can fall behind a change
    that indexes nothing again (a post's author moving organisation) until `update_index`. An object
    indexed before this table existed has no row until it is indexed again; search reads its
    features from the page tables meanwhile.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=50)  # as the index entry keeps it
    title = models.TextField()
    community_id = models.IntegerField(null=True)
    organisation_id = models.IntegerField(null=True)
    region_id = models.IntegerField(null=True)
    date = models.DateTimeField(null=True)
    helpfulness = models.PositiveSmallIntegerField(default=0)
    answered = models.BooleanField(default=False)
    helpful_marks = models.PositiveIntegerField(default=0)
    topics = models.JSONField(default=list)
    audiences = models.JSONField(default=list)

    class Meta:
        verbose_name_plural = "ranking features"
        constraints = [
            # Object first: a search looks its candidates up by key, among its model's several page types.
            models.UniqueConstraint(fields=["object_id", "content_type"], name="search_rankingfeatures_entry"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"
