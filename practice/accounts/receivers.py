"""A confirmed email address at a known public-sector domain makes its member verified."""

from allauth.account.signals import email_confirmed

from django.dispatch import receiver

from .services import member_profile_verify


@receiver(email_confirmed)
def verify_member_by_email_domain(sender, request, email_address, **kwargs):
    member_profile_verify(email_address=email_address)
