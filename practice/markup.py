"""Members' writing (threads, replies, comments) as safe HTML: Markdown rendered, then sanitised."""

import functools
import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LINK_SCHEMES = {"http", "https", "mailto"}


_converters = threading.local()


def _converter():
    """Return this thread's Markdown converter: building one costs more than converting a reply with it."""
    if not hasattr(_converters, "markdown"):
        _converters.markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return _converters.markdown


# A worker renders the same replies for every reader of a thread: it keeps the last few thousand.
@functools.lru_cache(maxsize=4096)
def render_markdown(text):
    """Return sanitised HTML for a member's Markdown: no scripts, styles, images or foreign attributes."""
    html = _converter().reset().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def link_count(text):
    """Count the links a piece of writing carries, as rendered (for holding link-heavy posts for review)."""
    return render_markdown(text).count("<a ")
