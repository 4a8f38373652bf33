"""Highlighted snippets: the passage of a result that best shows why it matched."""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.fields import RichTextField, StreamField

SNIPPET_LENGTH = 220
TEXT_FIELDS = ("summary", "body", "editors_note", "description", "intro", "reply_text")
# Read only when the page's own text does not show the query's words: it costs a query per page.
COMMENT_FIELD = "comment_text"


def query_terms(query):
    """Return the words of a query worth marking, longest first so that longer matches win."""
    words = {word for word in re.findall(r"\w+", query.lower()) if len(word) > 1}
    return sorted(words, key=len, reverse=True)


def page_text(page):
    """Return the plain text a reader would read on the page, field by field."""
    parts = []
    fields = {field.name: field for field in page._meta.get_fields()}
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if not value:
            continue
        field = fields.get(name)
        if isinstance(field, StreamField):
            value = strip_tags(" ".join(field.stream_block.get_searchable_content(value)))
        elif isinstance(field, RichTextField):
            value = strip_tags(value)
        # Plain text fields are shown as members typed them (escaped later), tags and all.
        parts.append(str(value))
    return " ".join(" ".join(parts).split())


def _term_pattern(terms):
    # A term matches at the start of a word, so that "post" marks "posting" (what stemming found).
    return re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE)


def highlight(text, terms):
    """Escape text, then mark the query's terms in it. Never mark before escaping."""
    escaped = escape(text)
    if not terms:
        return mark_safe(escaped)  # noqa: S308 - escaped above  # nosec
    pattern = _term_pattern([escape(term) for term in terms])
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))  # noqa: S308  # nosec


def html_text(value):
    """Return the plain text of sanitised HTML (an aggregated entry's summary), entities decoded."""
    return " ".join(html.unescape(strip_tags(value)).split())


def snippet(page, query):
    """Return the best passage of the page for the query, escaped and highlighted.

    A page found by one of its published comments shows the passage of the comments that matched.
    """
    terms = query_terms(query)
    text = page_text(page)
    comments = getattr(page, COMMENT_FIELD, None)
    if terms and comments is not None and not _term_pattern(terms).search(f"{page.title} {text}"):
        text = " ".join(f"{text} {comments()}".split())
    return text_snippet(text, query)


def text_snippet(text, query):
    """Return the best passage of a plain text for the query, escaped and highlighted."""
    terms = query_terms(query)
    if not text:
        return highlight("", terms)
    start = 0
    if terms:
        match = _term_pattern(terms).search(text)
        if match and match.start() > SNIPPET_LENGTH // 3:
            start = text.rfind(" ", 0, match.start() - SNIPPET_LENGTH // 3) + 1
    passage = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        passage = passage.rsplit(" ", 1)[0] + " …"
    if start > 0:
        passage = "… " + passage
    return highlight(passage, terms)
