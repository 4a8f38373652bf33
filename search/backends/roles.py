"""The part each indexed field plays in ranking: title, summary or body."""

from django.utils.functional import cached_property

from wagtail.search import index

from search.word_forms import index_text

TITLE = "title"
SUMMARY = "summary"
BODY = "body"


class PreparedFieldsMixin:
    """A backend indexer that reads each of the object's search fields once, for role_texts and its own use."""

    @cached_property
    def prepared(self):
        """Return (declared field, field, value) for every value of the object's search fields."""
        # modelsearch's PostgreSQL indexer gives (field, weight, value), its SQLite one (field, value).
        return [
            (declared, field, value)
            for declared in self.search_fields
            for field, *_weight, value in self.prepare_field(self.obj, declared)
        ]


def field_role(field, *, related=False):
    """Return the ranking role of a search field.

    The object's own `title` is the title (a related object's title is not); any other field
    boosted above 1 (a page's summary, a resource's editor's note...) ranks as summary; the rest
    is body.
    """
    if field.field_name == "title" and not related:
        return TITLE
    if field.boost is not None and field.boost > 1:
        return SUMMARY
    return BODY


def role_texts(prepared):
    """Return searchable text gathered by role, {role: [text, ...]}, from a backend indexer's fields.

    `prepared` holds (indexed field, field, value) triples: the field declared in search_fields,
    the field the value came from (itself, or a sub-field of RelatedFields) and its text. Each text
    is followed by the other forms of its words (search.word_forms.index_text).
    """
    texts = {TITLE: [], SUMMARY: [], BODY: []}
    for declared, field, value in prepared:
        if isinstance(field, index.SearchField) and value.strip():
            role = field_role(field, related=isinstance(declared, index.RelatedFields))
            texts[role].append(index_text(value.strip()))
    return texts
