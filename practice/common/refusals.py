"""Pages that turn a request down: they say why, with the 4xx status that tells machines the same."""

from django.template.response import TemplateResponse

REFUSED_TEMPLATE = "practice/refused.html"


def refusal(
    request, message="", *, status, heading="We could not do that", back=None, template=REFUSED_TEMPLATE, **context
):
    """Return a page saying why the request was turned down and where to go instead.

    `back` is a (url, text) pair for the way back; without one the page offers search and the home page.
    A refusal with more to say than a message (how to join, how to sign in) names its own template.
    """
    back_url, back_text = back or (None, None)
    context = {"heading": heading, "message": message, "back_url": back_url, "back_text": back_text, **context}
    return TemplateResponse(request, template, context, status=status)
