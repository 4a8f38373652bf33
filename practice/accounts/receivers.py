"""A confirmed email address at a known public-sector domain makes its member verified, whichever comes first."""

from allauth.account.signals import email_confirmed, email_removed

from django.db.models.signals import post_save
from django.dispatch import receiver

from practice.accounts.services import member_profile_reverify, member_profile_verify, organisation_verify_members
from practice.models import Organisation


@receiver(email_confirmed)
def verify_member_by_email_domain(sender, request, email_address, **kwargs):
    member_profile_verify(email_address=email_address)


@receiver(email_removed)
def unverify_member_without_a_public_sector_address(sender, request, user, email_address, **kwargs):
    member_profile_reverify(user=user)


@receiver(post_save, sender=Organisation)
def verify_members_at_new_domains(sender, instance, raw, **kwargs):
    if not raw:
        organisation_verify_members(organisation=instance)
