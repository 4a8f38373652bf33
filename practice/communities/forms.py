"""The facilitators' form for inviting someone, by email address, to their community."""

from allauth.account.models import EmailAddress

from django import forms

from practice.models import Invitation, Membership


class InviteForm(forms.Form):
    """Invite an email address to a community, answering alike whether or not it has an account."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We email them the invitation. They accept it by signing in with this address, "
        "or by creating an account with it.",
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community

    def clean_email(self):
        # Refuse only what the members page already shows the facilitator: the addresses invited, the
        # community's own members, and requests to join with the address they are listed under. Any
        # other address is invited, so no answer tells whether it belongs to an account.
        email = self.cleaned_data["email"].lower()
        memberships = Membership.objects.filter(community=self.community)
        if Invitation.objects.filter(community=self.community, email=email).exists():
            raise forms.ValidationError(f"{email} has already been invited to this community.")
        confirmed_by = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user")
        if memberships.active().filter(member__in=confirmed_by).exists():
            raise forms.ValidationError(f"{email} is already a member of this community.")
        if memberships.filter(status=Membership.Status.REQUESTED, member__email__iexact=email).exists():
            raise forms.ValidationError(
                f"{email} has already asked to join: approve their request under Requests to join."
            )
        return email
