"""The facilitators' form for inviting a member to their community."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import Membership

REFUSALS = {
    Membership.Status.ACTIVE: "{name} is already a member of this community.",
    Membership.Status.INVITED: "{name} has already been invited to this community.",
    Membership.Status.REQUESTED: "{name} has already asked to join: approve their request under Requests to join.",
}


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The address they use to sign in to Practice Hub.",
        error_messages={
            "required": "Enter the email address of the member to invite",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community
        self.invitee = None

    def clean_email(self):
        email = self.cleaned_data["email"]
        User = get_user_model()
        invitee = (
            User.objects.filter(is_active=True)
            .filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
            .distinct()
            .first()
        )
        if invitee is None:
            raise forms.ValidationError(
                "No member has that email address. They need to create an account on Practice Hub first."
            )
        membership = Membership.objects.filter(community=self.community, member=invitee).first()
        if membership is not None and membership.status in REFUSALS:
            raise forms.ValidationError(REFUSALS[membership.status].format(name=email))
        self.invitee = invitee
        return email
