"""Read a WordPress export (WXR 1.1 or 1.2) safely into plain Python objects.

The file comes from outside, so it is parsed with expat directly: a document type declaration or an
entity declaration stops the parse (no entity expansion, no external entities), and every text field
has a size cap.
"""

import dataclasses
import datetime as dt
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree  # parsed through expat with DTDs and entities refused  # nosec
from xml.parsers import expat

from django.utils import timezone

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CONTENT_CHARS = 2_000_000  # a post's body; anything longer is refused, not cut
MAX_TEXT_CHARS = 10_000  # any other field
MAX_TITLE_CHARS = 255

WP_NAMESPACES = ("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.1/")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class WXRError(Exception):
    """The file is not a WordPress export we can read safely."""


@dataclasses.dataclass
class Author:
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclasses.dataclass
class Comment:
    id: str
    parent_id: str
    author: str
    email: str
    url: str
    date: dt.datetime | None
    content: str
    approved: str  # "1", "0", "spam" or "trash"
    type: str  # "comment", "pingback" or "trackback"
    user_id: str


@dataclasses.dataclass
class Item:
    id: str
    title: str
    link: str
    guid: str
    slug: str
    date: dt.datetime | None
    creator: str
    content: str
    excerpt: str
    status: str
    comment_status: str
    post_type: str
    parent_id: str
    attachment_url: str
    categories: list  # (domain, nicename, name)
    comments: list
    oversized: list  # names of fields over their cap


@dataclasses.dataclass
class Export:
    title: str
    link: str
    description: str
    authors: dict  # login -> Author
    items: list


def _refuse_doctype(*args):
    raise WXRError("The file declares a document type. WordPress exports never do, so it was refused.")


def _refuse_entity(*args):
    raise WXRError("The file declares entities (a known attack on XML readers), so it was refused.")


def parse_xml(data):
    """Parse XML bytes into an ElementTree element, refusing document types and entity declarations."""
    if len(data) > MAX_FILE_BYTES:
        raise WXRError(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity

    def name(raw):
        return "{" + raw if "}" in raw else raw

    parser.StartElementHandler = lambda tag, attrs: builder.start(
        name(tag), {name(key): value for key, value in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise WXRError(
            f"The file is not well-formed XML ({expat.ErrorString(error.code)} at line {error.lineno})."
        ) from error
    return builder.close()


def _wordpress_namespace(root):
    """Return the "{uri}" prefix of the WordPress elements in this export (1.1 and 1.2 differ only there)."""
    for element in root.iter():
        for uri in WP_NAMESPACES:
            if element.tag.startswith("{" + uri + "}"):
                return "{" + uri + "}"
    raise WXRError("The file is XML but not a WordPress export (it has no WordPress elements).")


class _Reader:
    def __init__(self, wp):
        self.wp = wp
        self.excerpt = "{" + wp.strip("{}") + "excerpt/}encoded"

    def text(self, element, tag, *, limit=MAX_TEXT_CHARS, oversized=None):
        """Return a child's text, stripped; a field over its limit is cut and noted."""
        child = element.find(tag)
        value = (child.text or "").strip() if child is not None else ""
        if len(value) > limit:
            if oversized is not None:
                oversized.append(tag.rpartition("}")[2])
            value = value[:limit]
        return value

    def wp_text(self, element, name, **kwargs):
        return self.text(element, self.wp + name, **kwargs)

    def date(self, element, gmt_name, local_name, rss_date=None):
        for name in (gmt_name, local_name):
            value = self.wp_text(element, name)
            if value and not value.startswith("0000"):
                try:
                    parsed = dt.datetime.fromisoformat(value)
                except ValueError:
                    continue
                # WordPress's local times are in the blog's zone, which the export does not name: take ours.
                return parsed.replace(tzinfo=dt.UTC) if name == gmt_name else timezone.make_aware(parsed)
        if rss_date:
            try:
                return parsedate_to_datetime(rss_date)
            except (TypeError, ValueError):
                return None
        return None

    def author(self, element):
        return Author(
            login=self.wp_text(element, "author_login", limit=200),
            email=self.wp_text(element, "author_email", limit=254),
            display_name=self.wp_text(element, "author_display_name", limit=120),
            first_name=self.wp_text(element, "author_first_name", limit=150),
            last_name=self.wp_text(element, "author_last_name", limit=150),
        )

    def comment(self, element):
        return Comment(
            id=self.wp_text(element, "comment_id", limit=40),
            parent_id=self.wp_text(element, "comment_parent", limit=40),
            author=self.wp_text(element, "comment_author", limit=50),
            email=self.wp_text(element, "comment_author_email", limit=254),
            url=self.wp_text(element, "comment_author_url", limit=200),
            date=self.date(element, "comment_date_gmt", "comment_date"),
            content=self.wp_text(element, "comment_content", limit=MAX_TEXT_CHARS),
            approved=self.wp_text(element, "comment_approved", limit=20),
            type=self.wp_text(element, "comment_type", limit=20) or "comment",
            user_id=self.wp_text(element, "comment_user_id", limit=40),
        )

    def item(self, element):
        oversized = []
        return Item(
            id=self.wp_text(element, "post_id", limit=40),
            title=self.text(element, "title", limit=MAX_TITLE_CHARS),
            link=self.text(element, "link", limit=1000),
            guid=self.text(element, "guid", limit=1000),
            slug=self.wp_text(element, "post_name", limit=200),
            date=self.date(element, "post_date_gmt", "post_date", self.text(element, "pubDate", limit=100)),
            creator=self.text(element, DC_CREATOR, limit=200),
            content=self.text(element, CONTENT, limit=MAX_CONTENT_CHARS, oversized=oversized),
            excerpt=self.text(element, self.excerpt, oversized=oversized),
            status=self.wp_text(element, "status", limit=20),
            comment_status=self.wp_text(element, "comment_status", limit=20),
            post_type=self.wp_text(element, "post_type", limit=40),
            parent_id=self.wp_text(element, "post_parent", limit=40),
            attachment_url=self.wp_text(element, "attachment_url", limit=1000),
            categories=[
                (category.get("domain", ""), category.get("nicename", ""), (category.text or "").strip()[:120])
                for category in element.findall("category")
            ],
            comments=[self.comment(comment) for comment in element.findall(self.wp + "comment")],
            oversized=oversized,
        )


def read_export(data):
    """Read the bytes of a WordPress export into an Export, or raise WXRError saying what is wrong."""
    root = parse_xml(data)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise WXRError("The file is XML but not a WordPress export (no RSS channel).")
    reader = _Reader(_wordpress_namespace(root))
    authors = {author.login: author for author in map(reader.author, channel.findall(reader.wp + "author"))}
    return Export(
        title=reader.text(channel, "title", limit=MAX_TITLE_CHARS),
        link=reader.text(channel, "link", limit=1000),
        description=reader.text(channel, "description", limit=400),
        authors=authors,
        items=[reader.item(item) for item in channel.findall("item")],
    )
