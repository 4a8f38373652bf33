import pytest

from practice.markup import link_count, render_markdown


def test_markdown_is_rendered():
    html = render_markdown("We tried **live Q&A** on [our page](https://example.gov.uk/q).")

    assert "<strong>live Q&amp;A</strong>" in html
    assert 'href="https://example.gov.uk/q"' in html
    assert 'rel="nofollow ugc noopener"' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="https://example.org" onclick="alert(1)">x</a>',
        '<p style="position:fixed">cover</p>',
        "<iframe src=https://example.org></iframe>",
    ],
)
def test_nothing_executable_survives(hostile):
    html = render_markdown(hostile)

    for marker in ("<script", "onerror", "javascript:", "onclick", "style=", "<iframe", "<img"):
        assert marker not in html


def test_links_are_counted_as_rendered():
    assert link_count("See [one](https://a.example) and https://b.example and [two](https://c.example)") == 2
    assert link_count("") == 0


def test_one_reply_never_carries_into_the_next():
    # The converter is reused between replies: a link reference defined in one must not serve another.
    assert '<a href="https://a.example"' in render_markdown("See [the guide][g].\n\n[g]: https://a.example")
    assert render_markdown("See [the guide][g].") == "<p>See [the guide][g].</p>"
