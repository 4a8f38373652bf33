"""Invitations go to an email address and reach whoever confirms it, rather than to an account."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def invitations_from_memberships(apps, schema_editor):
    """Address each unanswered invitation to its member's main confirmed address (or their account's)."""
    Membership = apps.get_model("practice", "Membership")
    Invitation = apps.get_model("practice", "Invitation")
    EmailAddress = apps.get_model("account", "EmailAddress")
    invited = Membership.objects.filter(status="invited").select_related("member")
    for membership in invited:
        confirmed = (
            EmailAddress.objects.filter(user=membership.member, verified=True).order_by("-primary", "pk").first()
        )
        email = (confirmed.email if confirmed else membership.member.email).lower()
        if email:
            invitation, _ = Invitation.objects.get_or_create(
                community_id=membership.community_id, email=email, defaults={"invited_by": membership.invited_by}
            )
            # Keep the date it was sent, not the date of this migration.
            Invitation.objects.filter(pk=invitation.pk).update(created_at=membership.created_at)
    invited.delete()


def memberships_from_invitations(apps, schema_editor):
    """Give each invitation back to the member who confirmed its address, where there is one."""
    Membership = apps.get_model("practice", "Membership")
    Invitation = apps.get_model("practice", "Invitation")
    EmailAddress = apps.get_model("account", "EmailAddress")
    for invitation in Invitation.objects.all():
        address = EmailAddress.objects.filter(email__iexact=invitation.email, verified=True).first()
        if address is not None:
            Membership.objects.get_or_create(
                community_id=invitation.community_id,
                member_id=address.user_id,
                defaults={"status": "invited", "invited_by_id": invitation.invited_by_id},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0014_members_leave_the_editor"),
        ("account", "0009_emailaddress_unique_primary_email"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Invitation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(max_length=254)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "community",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="practice.communitypage",
                    ),
                ),
                (
                    "invited_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("community", "email"), name="one_invitation_per_address")
                ],
            },
        ),
        migrations.RunPython(invitations_from_memberships, memberships_from_invitations),
        migrations.RemoveField(model_name="membership", name="invited_by"),
        migrations.AlterField(
            model_name="membership",
            name="status",
            field=models.CharField(
                choices=[("active", "Active"), ("requested", "Asked to join"), ("declined", "Declined")],
                default="active",
                max_length=12,
            ),
        ),
    ]
