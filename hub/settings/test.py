"""Fast, self-contained test settings."""

from hub.settings.base import env
from hub.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Email stays in memory for the test to read, except when EMAIL_URL asks for files (filemail:////abs/folder):
# the browser tests' hub runs in processes of its own, so it writes what it sends there for them to read.
if not env.str("EMAIL_URL", default="").startswith("filemail:"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
