"""{% card_list %} and {% card_section %}: a card per entry, the words for none, escaping, mistakes in use."""

import pytest

from django.template import Context, Template, TemplateSyntaxError


def render(source, **context):
    return Template("{% load card_tags %}" + source).render(Context(context))


def test_a_card_per_entry_in_one_list_with_each_entry_escaped():
    html = render(
        "{% card_list name in names list_class='govuk-list' %}<li>{{ name }}</li>{% empty %}None{% endcard_list %}",
        names=["Ada", "<script>alert(1)</script>"],
    )
    assert '<ul class="govuk-list hub-card-list">' in html
    assert "<li>Ada</li>" in html and "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in html
    assert "None" not in html


def test_no_entries_say_so_in_the_pages_own_words():
    html = render(
        "{% card_list name in names %}<li>{{ name }}</li>{% empty %}No posts yet.{% endcard_list %}", names=[]
    )
    assert '<p class="govuk-body">No posts yet.</p>' in html and "<ul" not in html
    assert render("{% card_list name in missing %}<li>{{ name }}</li>{% endcard_list %}").strip() == ""


def test_a_section_has_its_heading_and_the_loop_variable_stays_inside():
    html = render(
        "{% card_section topic in topics heading='Topics' id='topics-heading' size='m' %}"
        "<li>{{ topic }}</li>{% endcard_section %}{{ topic|default:'outside' }}",
        topics=["Video"],
    )
    assert '<section aria-labelledby="topics-heading">' in html
    assert '<h2 class="govuk-heading-m" id="topics-heading">Topics</h2>' in html
    assert "<li>Video</li>" in html and html.rstrip().endswith("outside")


@pytest.mark.parametrize(
    "source",
    [
        "{% card_list names %}x{% endcard_list %}",
        "{% card_list name of names %}x{% endcard_list %}",
        "{% card_list name in names heading %}x{% endcard_list %}",
    ],
)
def test_a_tag_written_wrong_says_how_to_write_it(source):
    with pytest.raises(TemplateSyntaxError):
        render(source)
