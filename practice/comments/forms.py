"""The comment form members fill in: django-comments-xtd's form, with the name taken from their profile."""

from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django import forms
from django.contrib.contenttypes.models import ContentType

from hub.converters import parse_id
from practice.common.names import member_name

NOT_A_PUBLISHED_COMMENT = "You can only reply to a published comment on this page"


class MemberCommentForm(XtdCommentForm):
    """A comment or reply from a signed-in member: no name, email or web address to type in."""

    def __init__(self, target_object, *, user, parent=None, data=None, **kwargs):
        self.user = user
        if parent is not None:
            kwargs.setdefault("auto_id", f"id_reply_{parent.pk}_%s")
        super().__init__(target_object, data=data, comment=parent, **kwargs)
        for name in ("name", "email", "url"):
            del self.fields[name]
        comment = self.fields["comment"]
        comment.label = "Your reply" if parent is not None else "Your comment"
        comment.help_text = (
            "Plain text or Markdown, up to "
            f"{comment.max_length:,} characters. Other members will see the name on your profile."
        )
        comment.error_messages = {
            "required": "Enter your comment",
            "max_length": f"Your comment must be {comment.max_length:,} characters or fewer",
        }
        comment.widget.attrs.update({"class": "govuk-textarea", "rows": 5})
        followup = self.fields["followup"]
        followup.label = "Email me when someone else comments on this page"
        followup.widget.attrs["class"] = "govuk-checkboxes__input"

    def clean_reply_to(self):
        """Allow replies only to a published comment on this same page, and no deeper than settings allow."""
        parent_id = self.cleaned_data["reply_to"]
        if not parent_id:
            return 0
        # An id no comment can have is refused before the database is asked: SQLite cannot take one past 64 bits.
        if parse_id(str(parent_id)) is None:
            raise forms.ValidationError(NOT_A_PUBLISHED_COMMENT)
        content_type = ContentType.objects.get_for_model(self.target_object)
        parent = XtdComment.norel_objects.filter(
            pk=parent_id,
            content_type=content_type,
            object_pk=str(self.target_object.pk),
            is_public=True,
            is_removed=False,
        ).first()
        if parent is None:
            raise forms.ValidationError(NOT_A_PUBLISHED_COMMENT)
        if parent.level >= max_thread_level_for_content_type(content_type):
            raise forms.ValidationError("Replies cannot go deeper here: reply to the comment above it instead")
        return parent_id

    def clean(self):
        cleaned_data = super().clean()
        # The comment goes out under the member's own name and address, whatever the request says.
        cleaned_data.update(name=member_name(self.user)[:50], email=self.user.email, url="")
        return cleaned_data
