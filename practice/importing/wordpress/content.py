"""Turn a WordPress post's HTML into the blocks of our post body, cleaned on the way.

WordPress stores paragraphs as blank lines, wraps captions and galleries in shortcodes and marks
Gutenberg blocks with HTML comments. All of that is reduced to plain HTML, cleaned with nh3 to the
few tags our rich text allows, and split into paragraph, heading, quote and image blocks.
"""

import dataclasses
import html
import re

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

GUTENBERG_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CAPTION = re.compile(r"\[(?:caption|wp_caption)[^\]]*\](.*?)\[/(?:caption|wp_caption)\]", re.DOTALL | re.IGNORECASE)
# Shortcodes WordPress and its common plugins write; others are left as text rather than guess at brackets.
SHORTCODE = re.compile(
    r"\[/?(?:gallery|embed|audio|video|playlist|contact-form(?:-7)?|gravityform|su_\w+|vc_\w+|et_pb_\w+)"
    r"(?:\s[^\]]*)?\]",
    re.IGNORECASE,
)
BLOCK_TAG = re.compile(r"<(?:p|h[1-6]|ul|ol|blockquote|figure|div|table)\b", re.IGNORECASE)

# What survives cleaning: enough structure to split into blocks, nothing that runs or styles.
CLEAN_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "ul", "ol", "li",
    "a", "b", "strong", "i", "em", "img", "figure", "figcaption",
}  # fmt: skip
CLEAN_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = {"http", "https", "mailto"}
# What a paragraph block's rich text may hold (practice.blocks.RICH_TEXT_FEATURES).
RICH_TEXT_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li"}
HEADING_MAX = 120
QUOTE_CITATION_MAX = 200


@dataclasses.dataclass
class ImageRef:
    """An image the post shows, to be replaced by an image block once the file is fetched."""

    src: str
    alt: str
    caption: str


def wpautop(text):
    """Make paragraphs of text that WordPress would have split on blank lines."""
    if BLOCK_TAG.search(text):
        return text
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{part}</p>" for part in paragraphs)


def clean_html(text):
    """Strip WordPress markers and shortcodes and everything our pages must not carry."""
    text = GUTENBERG_COMMENT.sub("", text)
    text = CAPTION.sub(_caption_to_figure, text)
    text = SHORTCODE.sub("", text)
    text = wpautop(text)
    return nh3.clean(text, tags=CLEAN_TAGS, attributes=CLEAN_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def _caption_to_figure(match):
    inner = match.group(1)
    image = re.search(r"<img\b[^>]*>", inner, re.IGNORECASE)
    if image is None:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip()
    caption = re.sub(r"</?a\b[^>]*>", "", caption, flags=re.IGNORECASE)
    return f"<figure>{image.group(0)}<figcaption>{caption}</figcaption></figure>"


def rich_text(fragment):
    """Return HTML limited to what a paragraph block's rich text holds (bold and italic as b and i)."""
    fragment = re.sub(r"<(/?)strong\b", r"<\1b", fragment)
    fragment = re.sub(r"<(/?)em\b", r"<\1i", fragment)
    return nh3.clean(fragment, tags=RICH_TEXT_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel=None)


def plain(node):
    return " ".join(node.get_text(" ").split())


class BodyBuilder:
    """Collect the body blocks of one post, in order, merging runs of text into one paragraph block."""

    def __init__(self):
        self.blocks = []
        self.pending = []

    def text(self, fragment):
        if fragment.strip():
            self.pending.append(fragment)

    def flush(self):
        if self.pending:
            value = rich_text("".join(self.pending))
            if BeautifulSoup(value, "html.parser").get_text().strip():
                self.blocks.append(("paragraph", value))
            self.pending = []

    def add(self, block_type, value):
        self.flush()
        self.blocks.append((block_type, value))


def to_blocks(source):
    """Convert a post's HTML into a list of (block type, value), with ImageRef values for images."""
    soup = BeautifulSoup(clean_html(source), "html.parser")
    body = BodyBuilder()
    for node in list(soup.children):
        _convert(node, body)
    body.flush()
    return body.blocks


def plain_text(source):
    """Return the words of a piece of WordPress HTML on one line, for summaries and link texts."""
    return " ".join(html.unescape(nh3.clean(source, tags=set())).split())


def comment_text(source):
    """Turn a WordPress comment's HTML into the Markdown text our comments hold."""
    text = re.sub(r"<br\s*/?>", "\n", source, flags=re.IGNORECASE)
    text = re.sub(r"</p\s*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(
        r"<a\b[^>]*href=\"(https?://[^\"]+)\"[^>]*>(.*?)</a>", r"[\2](\1)", text, flags=re.IGNORECASE | re.DOTALL
    )
    text = html.unescape(nh3.clean(text, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _image(img, caption=""):
    src = (img.get("src") or "").strip()
    if not src:
        return None
    return ImageRef(src=src, alt=" ".join((img.get("alt") or "").split())[:250], caption=caption[:250])


def _convert(node, body):
    if isinstance(node, NavigableString):
        text = str(node)
        if text.strip():
            body.text(f"<p>{html.escape(text.strip())}</p>")
        return
    if not isinstance(node, Tag):
        return
    name = node.name
    if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        text = plain(node)
        if text:
            level = "h2" if name in {"h1", "h2"} else "h3"
            body.add("heading", {"text": text[:HEADING_MAX], "level": level})
    elif name == "blockquote":
        cite = node.find("cite")
        citation = plain(cite.extract())[:QUOTE_CITATION_MAX] if cite else ""
        paragraphs = [plain(p) for p in node.find_all("p")] or [plain(node)]
        quote = "\n\n".join(part for part in paragraphs if part)
        if quote:
            body.add("quote", {"quote": quote, "citation": citation})
    elif name == "figure":
        caption = node.find("figcaption")
        caption_text = plain(caption) if caption else ""
        for img in node.find_all("img"):
            ref = _image(img, caption_text)
            if ref:
                body.add("image", ref)
    elif name == "img":
        ref = _image(node)
        if ref:
            body.add("image", ref)
    elif name == "p" and node.find("img"):
        # An image inside a paragraph stands on its own between the text around it.
        for img in node.find_all("img"):
            ref = _image(img)
            img.extract()
            if ref:
                body.add("image", ref)
        body.text(str(node))
    elif name in {"p", "ul", "ol"}:
        body.text(str(node))
    else:
        body.text(f"<p>{node}</p>")
