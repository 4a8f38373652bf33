"""A titled section of cards, written like a `{% for %}` loop with its `{% empty %}`.

    {% load card_tags %}
    {% card_section post in latest_posts heading="Latest posts" id="posts-heading" %}
      {% include "practice/includes/page_card.html" with entry=post heading_level=3 date=post.date %}
    {% empty %}
      No posts yet.
    {% endcard_section %}

The page says what each card shows and what to say when there is none; components/card_section.html
draws the section, its heading and the list around them.
"""

from django import template
from django.template.base import token_kwargs
from django.utils.safestring import mark_safe

register = template.Library()

SECTION_TEMPLATE = "components/card_section.html"


class CardSectionNode(template.Node):
    def __init__(self, name, entries, options, card, empty):
        self.name = name
        self.entries = entries
        self.options = options
        self.card = card
        self.empty = empty

    def render(self, context):
        entries = self.entries.resolve(context, ignore_failures=True) or []
        cards = []
        with context.push():
            for entry in entries:
                context[self.name] = entry
                cards.append(self.card.render(context))
        # Both were rendered by the template engine, which escaped what they show.
        rendered = {
            "cards": mark_safe("".join(cards)),  # noqa: S308  # nosec
            "empty": mark_safe("" if cards else self.empty.render(context).strip()),  # noqa: S308  # nosec
        }
        options = {key: value.resolve(context) for key, value in self.options.items()}
        section = context.template.engine.get_template(SECTION_TEMPLATE)
        return section.render(context.new({**options, **rendered}))


@register.tag
def card_section(parser, token):
    """Render a section headed `heading` (`id`, `size` "l" or "m"): a card per entry, or the words for none."""
    bits = token.split_contents()
    if len(bits) < 4 or bits[2] != "in":
        raise template.TemplateSyntaxError(f"'{bits[0]}' starts like a for loop: {bits[0]} entry in entries")
    options = token_kwargs(bits[4:], parser)
    if len(options) != len(bits[4:]) or not {"heading", "id"} <= options.keys() <= {"heading", "id", "size"}:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes heading=, id= and optionally size=")
    card = parser.parse(("empty", "endcard_section"))
    empty = template.NodeList()
    if parser.next_token().contents == "empty":
        empty = parser.parse(("endcard_section",))
        parser.delete_first_token()
    return CardSectionNode(bits[1], parser.compile_filter(bits[3]), options, card, empty)
