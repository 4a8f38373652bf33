"""Forms for members' own accounts: the extra sign-up question, the profile, deleting the account."""

from django import forms

from hub.converters import ModelIdsChoiceField
from practice.accounts.names import normalise_display_name
from practice.accounts.services import member_profile_create
from practice.models import AudienceRole, MemberProfile, Organisation, Region, Topic

DISPLAY_NAME_HELP = "Shown beside what you write, e.g. Priya Shah."


class DisplayNameField(forms.CharField):
    """The name a member is shown by, asked the same way at sign-up and on the profile, and normalised."""

    def __init__(self, **kwargs):
        super().__init__(
            label="Your name",
            max_length=MemberProfile._meta.get_field("display_name").max_length,
            help_text=DISPLAY_NAME_HELP,
            error_messages={"required": "Enter your name"},
            **kwargs,
        )

    def clean(self, value):
        return normalise_display_name(super().clean(value))


class SignUpDetailsForm(forms.Form):
    """What django-allauth's sign-up form asks besides the email address and password."""

    display_name = DisplayNameField()

    def signup(self, request, user):
        """Called by allauth once the user is saved: give them their profile."""
        member_profile_create(user=user, display_name=self.cleaned_data["display_name"])


class ProfileForm(forms.ModelForm):
    """A member's own profile, and how much of it others see."""

    display_name = DisplayNameField()
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), required=False, label="Organisation", empty_label="Not given"
    )
    role = forms.ModelChoiceField(AudienceRole.objects.all(), required=False, label="Job role", empty_label="Not given")
    region = forms.ModelChoiceField(Region.objects.all(), required=False, label="Region", empty_label="Not given")
    interests = ModelIdsChoiceField(
        Topic.objects.all(),
        required=False,
        label="Interests",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
    )
    bio = forms.CharField(
        label="About you",
        required=False,
        max_length=MemberProfile._meta.get_field("bio").max_length,
        help_text="A few lines about your work, up to 1,000 characters.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    is_public = forms.BooleanField(required=False, label="Show my profile page to everyone")
    show_organisation = forms.BooleanField(required=False, label="Show my organisation on my profile page")

    class Meta:
        model = MemberProfile
        fields = [
            "display_name",
            "organisation",
            "role",
            "region",
            "interests",
            "bio",
            "is_public",
            "show_organisation",
        ]


class AccountDeleteForm(forms.Form):
    """Deleting an account: the member's password, and whether their comments and replies go too."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )
    delete_contributions = forms.BooleanField(required=False, label="Also delete my comments and replies")

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not right")
        return password
