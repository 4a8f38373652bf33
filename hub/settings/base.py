"""Settings shared by every environment: production-safe, configured from the environment.

Each integration switches on because its environment variable is set; the README lists them all.
"""

from pathlib import Path

import environ

from hub.csp import site_policy

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "practice",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
    "django_tasks_db",
    # Not routed (there is no Django admin site): wagtail-modeladmin's screens use its template tags.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "hub.csp.HubCSPMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
                "practice.context_processors.notifications",
            ],
        },
    },
]

# Database: a SQLite file in var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections bring nothing to SQLite and keep the file locked between requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # Memory-mapped reads and a 64 MB page cache: search joins full-text matches to pages row by row.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;"
        ),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's queries take milliseconds: starting parallel workers for one costs more than it saves
    # (a search count took 26 ms with them and 17 without at 100k items), and the server's cores are
    # better spent on other requests. DATABASE_PARALLEL_WORKERS sets another number per query.
    # Likewise compiling a query to machine code (JIT), which PostgreSQL does when it expects a query
    # to cost much: a blog post's "more posts" spent 343 of its 566 ms compiling at 100k items.
    # And the planner's default cost of reading a page at random (4, for spinning disks) makes it read
    # whole tables rather than look a listing's rows up in an index; 1.1 suits solid-state and cached
    # databases (a community blog's filters: 390 -> 255 ms at 100k items). DATABASE_RANDOM_PAGE_COST.
    workers = env.int("DATABASE_PARALLEL_WORKERS", default=0)
    jit = "on" if env.bool("DATABASE_JIT", default=False) else "off"
    page_cost = env.float("DATABASE_RANDOM_PAGE_COST", default=1.1)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", f"-c max_parallel_workers_per_gather={workers} -c jit={jit} -c random_page_cost={page_cost}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise each process keeps its own.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": "hub",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Search: Elasticsearch 9 or OpenSearch 3 when their URL is set (Elasticsearch if both are), the database otherwise.
SEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="practicehub_")
search_engines = {
    "ELASTICSEARCH_URL": "search.elastic.Elasticsearch9Backend",
    "OPENSEARCH_URL": "search.elastic.OpenSearch3Backend",
}
search_engine_url = next((name for name in search_engines if env.str(name, default="")), None)
# Wagtail's database search, ranked and limited inside SQLite FTS5 or PostgreSQL (search/backends/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
if search_engine_url:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": search_engines[search_engine_url],
            "URLS": [env.str(search_engine_url)],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": env.int("ELASTICSEARCH_TIMEOUT", default=5),
        },
        # Kept in step beside the cluster, so that search answers from it when the cluster is down.
        "database": WAGTAILSEARCH_BACKENDS["default"],
    }

# Email: EMAIL_URL (e.g. smtp+tls://user:password@smtp.example.org:587) or the usual settings.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Practice Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: our sources and the front-end build (make assets), served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "hub" / "static",
    VAR_DIR / "frontend",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Secure by default; the dev and test settings relax what needs HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail allows its own preview frames
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

SITE_ID = 1

# Wagtail
WAGTAIL_SITE_NAME = "Practice Hub"
# No Gravatar: editors' avatars never call a third party (and the admin CSP stays tight).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Events map: Leaflet draws tiles from this server ({s}, {z}, {x}, {y} are Leaflet's placeholders).
HUB_MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")

# Content Security Policy (django-csp): no inline script or style on the public site; see hub/csp.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": site_policy(HUB_MAP_TILE_URL)}
HUB_MAP_ATTRIBUTION = env.str("MAP_ATTRIBUTION", default="&copy; OpenStreetMap contributors")

# Comments (django-comments-xtd): replies nest three deep.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
# Only signed-in members comment; they may report comments and mark them helpful. Follow-up emails
# are sent by practice.comments.services (checked against access at send time), plain text, after commit.
COMMENT_MAX_LENGTH = 3000
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {"who_can_post": "users", "allow_flagging": True, "allow_feedback": True, "show_feedback": True}
}
COMMENTS_XTD_SEND_HTML_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_SALT = b"practice-hub-comments"
# A comment with more links than this waits for a moderator.
HUB_COMMENT_MAX_LINKS = 2

# Background work (notifications, digests) through django-tasks: run at once, in the same process, unless
# production's settings hand it to the database worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Hub staff groups: added to every community restriction, so editors see all communities' content.
HUB_STAFF_GROUPS = ["Editors", "Moderators"]

# Accounts (django-allauth): members sign in with their email address, confirmed before first use.
INSTALLED_APPS += ["allauth", "allauth.account"]
MIDDLEWARE += ["allauth.account.middleware.AccountMiddleware"]
# One way in: allauth's sign-in, which checks the address is confirmed and counts failed attempts. Its
# backend is Django's ModelBackend underneath, so groups and permissions work as before.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_ADAPTER = "practice.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "practice.accounts.forms.SignUpDetailsForm"
ACCOUNT_USER_DISPLAY = "practice.common.names.member_name"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_SIGNUP_REDIRECT_URL = "account_profile"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = WAGTAILADMIN_BASE_URL.partition(":")[0]
# Attempts per client address (ip) and per email address tried (key); too many answer 429. A reset
# link is mailed at most 3 times in 15 minutes to one address, whoever asks for it.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/m/ip,50/h/ip",
    "reset_password": "10/m/ip,30/h/ip,3/15m/key",  # rates, not a password  # nosec B105
}
# Behind a load balancer the client address is in X-Forwarded-For: say how many proxies are ours.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Wagtail's sign-in pages (admin and front end) send people to allauth's (hub/urls.py); addresses and
# passwords change only through allauth, where a new address counts once it is confirmed.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# API callers are the session's member or anonymous: HTTP Basic would be a sign-in without allauth's checks.
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"]}
# Discussions on the public site: how deep replies nest, and how long members may edit what they wrote.
HUB_REPLY_MAX_DEPTH = 3
HUB_EDIT_WINDOW_MINUTES = 30

# Rate limits beyond sign-in (hub/ratelimit.py, counted in the cache by allauth's limiter): per member
# for posting (comments, discussions, replies, edits, reports), following, booking and inviting (each
# invitation emails an address, account or not); per client address for the JSON search API and
# autocomplete. Past a limit the answer is 429 and nothing is written.
HUB_RATE_LIMITS = {
    "post": "20/m/user,200/h/user",
    "follow": "30/m/user,300/h/user",
    "booking": "20/m/user",
    "invite": "10/m/user,100/h/user",
    "search_api": "60/m/ip",
    "autocomplete": "120/m/ip",
}
# Uploads through the admin: images and documents by type and size (Wagtail checks both on upload;
# an image's pixel count is capped too, against decompression bombs). SVG is left out: it can carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
