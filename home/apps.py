from urllib.parse import urlparse

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.urls import register_converter

from hub.converters import IdConverter


def sync_sites_framework(sender, **kwargs):
    """Keep django.contrib.sites (used in emails' links) in step with the hub's public address."""
    Site = apps.get_model("sites", "Site")
    domain = urlparse(settings.WAGTAILADMIN_BASE_URL).netloc
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME})


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site"

    def ready(self):
        post_migrate.connect(sync_sites_framework, sender=self)
        # Before any URL conf is read: ours, and the admin URLs our hooks add, name ids `<id:...>`.
        register_converter(IdConverter, "id")
