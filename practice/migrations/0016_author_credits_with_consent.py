"""Credits wait for consent: a member named as a co-author is asked (CreditRequest) and told (a notification).

Existing authors stay credited, as consented: BlogPostPage.authors keeps meaning the credited authors and
none of its rows change, so there is no data to move. Only credits asked for from now on wait for an answer.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0015_invitations_by_email_address"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="reason",
            field=models.CharField(
                choices=[
                    ("page", "You follow this"),
                    ("community", "You follow its community"),
                    ("member", "You follow this member"),
                    ("topic", "You follow one of its topics"),
                    ("credited", "You are named only if you accept"),
                ],
                max_length=12,
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="verb",
            field=models.CharField(
                choices=[
                    ("thread_started", "started a discussion:"),
                    ("replied", "replied in"),
                    ("answer_accepted", "marked an accepted answer in"),
                    ("published", "published"),
                    ("commented", "commented on"),
                    ("credit_requested", "asked to credit you as an author of"),
                ],
                max_length=20,
            ),
        ),
        migrations.CreateModel(
            name="CreditRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "member",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="credit_requests",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "post",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="credit_requests",
                        to="practice.blogpostpage",
                    ),
                ),
                (
                    "requested_by",
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
                    models.UniqueConstraint(fields=("post", "member"), name="one_credit_request_per_author")
                ],
            },
        ),
    ]
