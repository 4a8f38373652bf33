"""Body blocks for practice content, one template each under templates/blocks/."""

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What we tried first", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    citation = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "We stopped posting press releases and started answering questions.",
            "citation": "A digital comms lead",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": blocks.BlockValidationError("Add alternative text for this image.")}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A link to the video, e.g. on YouTube or Vimeo.")
    title = blocks.CharBlock(max_length=200, help_text="What the video shows, for screen reader users.")

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"


class PageOrUrlBlock(blocks.StructBlock):
    """A link to either a page of the hub or a web address elsewhere, never both."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError("Choose a page or enter a web address, not both.")}
            )
        return value


class SeeAlsoLinkBlock(PageOrUrlBlock):
    text = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "link"


class SeeAlsoBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="See also")
    links = blocks.ListBlock(SeeAlsoLinkBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/see_also_block.html"
        preview_value = {"heading": "See also", "links": []}


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "blocks/attachment_block.html"


class CallToActionBlock(PageOrUrlBlock):
    text = blocks.CharBlock(max_length=120)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        preview_value = {"text": "Join the community", "url": "https://example.org/"}


class PostBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    see_also = SeeAlsoBlock()
    attachment = AttachmentBlock()
    call_to_action = CallToActionBlock()
