"""Lists of cards, written like a `{% for %}` loop with its `{% empty %}`.

    {% load card_tags %}
    {% card_list post in posts filters=filter_form clear_url=clear_url things="posts" everything="every post" %}
      {% include "practice/includes/page_card.html" with entry=post date=post.date %}
    {% empty %}
      No posts you can read yet.
    {% endcard_list %}

The page says what each card shows and what to say when there is none; components/card_list.html draws
the list around them. `{% card_section %}` draws the same in a section under a heading of its own
(components/card_section.html). Each gives its template only its `name=value` pairs, as
`{% include ... with ... only %}` does; the templates say which they take.
"""

from django import template
from django.template.base import token_kwargs
from django.utils.safestring import mark_safe

register = template.Library()


class CardsNode(template.Node):
    child_nodelists = ("card", "empty")

    def __init__(self, template_name, name, entries, extra, card, empty):
        self.template_name = template_name
        self.name = name
        self.entries = entries
        self.extra = extra
        self.card = card
        self.empty = empty

    def render(self, context):
        entries = self.entries.resolve(context, ignore_failures=True) or []
        cards = []
        with context.push():
            for entry in entries:
                context[self.name] = entry
                cards.append(self.card.render(context))
        empty = "" if cards else self.empty.render(context).strip()
        values = {key: value.resolve(context) for key, value in self.extra.items()}
        values["cards"] = mark_safe("".join(cards))  # noqa: S308 - rendered by the template engine  # nosec
        values["empty"] = mark_safe(empty)  # noqa: S308 - rendered by the template engine  # nosec
        values["entries"] = entries
        return context.template.engine.get_template(self.template_name).render(context.new(values))


def cards_tag(template_name):
    """Return a tag that renders `template_name` with a card per entry, or the words for none."""

    def parse(parser, token):
        bits = token.split_contents()
        tag, end = bits[0], f"end{bits[0]}"
        if len(bits) < 4 or bits[2] != "in":
            raise template.TemplateSyntaxError(f"'{tag}' starts like a for loop: {tag} entry in entries")
        extra = token_kwargs(bits[4:], parser)
        if len(extra) != len(bits[4:]):
            raise template.TemplateSyntaxError(f"'{tag}' takes name=value pairs after its entries")
        card = parser.parse(("empty", end))
        empty = template.NodeList()
        if parser.next_token().contents == "empty":
            empty = parser.parse((end,))
            parser.delete_first_token()
        return CardsNode(template_name, bits[1], parser.compile_filter(bits[3]), extra, card, empty)

    return parse


register.tag("card_list", cards_tag("components/card_list.html"))
register.tag("card_section", cards_tag("components/card_section.html"))
