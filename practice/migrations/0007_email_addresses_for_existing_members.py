"""Record the addresses of members added before self sign-up as confirmed, so they can sign in by email.

Until then members were only added by administrators and `import_members`, who vouch for them.
"""

from django.db import migrations


def vouch_existing_addresses(apps, schema_editor):
    User = apps.get_model("auth", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    taken = {email.lower() for email in EmailAddress.objects.values_list("email", flat=True)}
    addresses = []
    for user in User.objects.exclude(email="").exclude(pk__in=EmailAddress.objects.values("user_id")).order_by("pk"):
        email = user.email.lower()
        if email not in taken:  # an address shared by two accounts stays with the older one
            taken.add(email)
            addresses.append(EmailAddress(user=user, email=email, verified=True, primary=True))
    EmailAddress.objects.bulk_create(addresses)


class Migration(migrations.Migration):
    dependencies = [
        ("account", "0009_emailaddress_unique_primary_email"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("practice", "0006_following_notifications_digests"),
    ]

    operations = [migrations.RunPython(vouch_existing_addresses, migrations.RunPython.noop)]
