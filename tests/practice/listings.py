"""Reading a listing page as a reader sees it: the titles on its cards, in order."""

import re

CARD_TITLE = re.compile(r'hub-card__title"><a class="govuk-link" href="[^"]*">([^<]*)</a>')


def card_titles(response, after=None):
    """Return the titles of the cards on the page, in order; given `after`, of those after that text (none without)."""
    content = response.content.decode()
    if after is not None:
        content = content.partition(after)[2]
    return CARD_TITLE.findall(content)


def listed(client, url, titles=card_titles):
    """Return the status code of the page at url and the titles `titles` reads on it."""
    response = client.get(url)
    return response.status_code, titles(response)


def anonymous_then_member(client, url, member):
    """Return the page at url as an anonymous reader sees it, then as the member does (who stays signed in)."""
    anonymous = client.get(url).content.decode()
    client.force_login(member)
    return anonymous, client.get(url).content.decode()
