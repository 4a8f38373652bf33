"""What the Wagtail page editor is sent to add a blog post, for tests that write posts as facilitators do."""

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from practice.models import BlogPostPage
from practice.models.choices import SecurityLevel


def add_url(parent, model=BlogPostPage):
    """Return the editor's address for adding a page of the model under the parent."""
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def post_form(title, action="action-publish", **fields):
    """Return the post editor's form data for a post, with the fields given, sent with the button `action`."""
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": "What we learned.",
            "date": "2026-03-11 09:30",
            "body": streamfield([("paragraph", rich_text("<p>We tried it and it worked.</p>"))]),
            "tags": "",
            "security_level": SecurityLevel.PUBLIC,
            "comments_open": "on",
        }
    )
    data.update(fields)
    data[action] = action
    return data
