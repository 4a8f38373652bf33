"""Emails written from templates: the same sender, the same failure policy, everywhere the hub mails someone."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def templated_mail(*, subject, template, context, recipients, html_template=None, from_email=None, headers=None):
    """Return the email rendered from a plain-text template (and an HTML one, if given), ready to send."""
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(template, context),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
        headers=headers,
    )
    if html_template is not None:
        email.attach_alternative(render_to_string(html_template, context), "text/html")
    return email


def send_templated_mail(*, subject, template, context, recipients, from_email=None, fail_silently=False):
    """Send an email rendered from a template; return how many were sent (none when nobody is to get it).

    Failures raise, as `send_mail` does by default: callers that must carry on (reminders) catch them and
    say so, rather than a lost email going unnoticed.
    """
    email = templated_mail(
        subject=subject, template=template, context=context, recipients=recipients, from_email=from_email
    )
    return email.send(fail_silently=fail_silently)
