"""The forms members fill in to start, reply to and edit discussions."""

from django import forms

from hub.converters import ModelIdsChoiceField
from practice.models import Topic
from practice.models.choices import COMMUNITY_FLOOR, SecurityLevel, strictest

TITLE_LENGTH = 150
MESSAGE_LENGTH = 10_000
MARKDOWN_HINT = "You can use Markdown: *italic*, **bold**, [a link](https://www.gov.uk), and lists starting with -."


def message_field(label, *, missing):
    return forms.CharField(
        label=label,
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HINT,
        error_messages={
            "required": missing,
            "max_length": f"{label} must be {MESSAGE_LENGTH:,} characters or fewer",
        },
    )


def levels_allowed(community):
    """Return the security levels a thread in the community may have: its floor and anything stricter."""
    floor = COMMUNITY_FLOOR[community.access_level]
    return [level for level in SecurityLevel if strictest(level, floor) == level]


def level_label(level, community):
    return {
        SecurityLevel.PUBLIC: "Anyone, including people who are not signed in",
        SecurityLevel.MEMBERS: "Anyone signed in to Practice Hub",
        SecurityLevel.COMMUNITY: f"Members of {community.title} only",
    }[level]


class ThreadForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=TITLE_LENGTH,
        help_text="Ask a question or say what you would like to discuss, in a sentence.",
        error_messages={
            "required": "Enter a title for your discussion",
            "max_length": f"Title must be {TITLE_LENGTH} characters or fewer",
        },
    )
    body = message_field("Your message", missing="Enter your message")
    topics = ModelIdsChoiceField(
        label="Topics",
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose any that fit, so members who follow them can find your discussion.",
        error_messages={
            "invalid_choice": "Choose topics from the list",
            "invalid_pk_value": "Choose topics from the list",
            "invalid_list": "Choose topics from the list",
        },
    )
    security_level = forms.ChoiceField(
        label="Who can read this discussion",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose who can read this discussion from the list"},
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community
        allowed = levels_allowed(community)
        self.fields["security_level"].choices = [(level.value, level_label(level, community)) for level in allowed]
        self.fields["security_level"].initial = allowed[0].value
        if len(allowed) == 1:
            self.fields["security_level"].help_text = f"Only members of {community.title} can read its discussions."

    def clean_security_level(self):
        # Left empty, a thread is as open as its community allows.
        return self.cleaned_data["security_level"] or self.fields["security_level"].initial


class ReplyForm(forms.Form):
    body = message_field("Your reply", missing="Enter your reply")


class ThreadEditForm(forms.Form):
    body = message_field("Your message", missing="Enter your message")
