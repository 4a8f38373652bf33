"""How django-allauth fits the hub: the sign-in email is also the (never shown) username."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter

from django.contrib.auth import get_user_model
from django.urls import reverse

from practice.common.addresses import absolute_url


class AccountAdapter(DefaultAccountAdapter):
    # Links in emails are built from BASE_URL, never from the Host header of whoever asked for them.
    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        return absolute_url(urlsplit(super().get_reset_password_from_key_url(key)).path)

    def populate_username(self, request, user):
        """Use the email address as the username, as imported and demo members have it."""
        email = (user.email or "").lower()
        user_model = get_user_model()
        max_length = user_model._meta.get_field("username").max_length
        if email and len(email) <= max_length and not user_model.objects.filter(username__iexact=email).exists():
            user.username = email
        else:
            super().populate_username(request, user)
