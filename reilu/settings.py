"""Settings, read from the environment; the defaults run on one machine with SQLite."""

import os
import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("REILU_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envsecret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE."""
    if value := os.environ.get(name):
        return value
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return None


def local_secret_key() -> str:
    """A key generated once into var/, so a newcomer's sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = envbool("REILU_DEBUG")
PRODUCTION = envbool("REILU_PRODUCTION")
SECRET_KEY = envsecret("REILU_SECRET_KEY") or local_secret_key()
ALLOWED_HOSTS = os.environ.get("REILU_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
BASE_URL = os.environ.get("REILU_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [BASE_URL]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    # Listed so django-ninja serves its API docs viewer from its own static files: without
    # it, ninja renders a page that loads Swagger UI from a CDN with an inline script.
    "ninja",
    "reilu",
    "reilu.employers",
    "reilu.jobs",
    "reilu.applications",
    "reilu.messaging",
    "reilu.interviews",
    "reilu.voice",
    "reilu.talent",
    "reilu.seekers",
    "reilu.privacy",
    "reilu.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "reilu.errors.CandidateLinkMiddleware",
]
CSRF_FAILURE_VIEW = "reilu.errors.csrf_failure"

ROOT_URLCONF = "reilu.urls"
WSGI_APPLICATION = "reilu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reilu.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'reilu.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and a busy timeout let the web and the worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # secure_delete: erased personal data is overwritten, not left in free pages.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("TEST", {})["NAME"] = None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache shared by every process (rate limits must hold across web workers): Django's
# database cache; its table is made by `manage.py createcachetable` after `migrate`.
# It also holds the stored page renderings (reilu.pagecache): one per status page, job page
# and first list pages per language. Django's default of 300 entries would drop them
# constantly; past MAX_ENTRIES a third is dropped on the next write (each write counts the
# rows, so the limit is not set higher than needed).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "reilu_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("REILU_CACHE_MAX_ENTRIES", 50_000)},
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("REILU_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The same client address as the rate limits (REILU_RATELIMIT_IP_META_KEY behind a proxy).
AXES_CLIENT_IP_CALLABLE = "reilu.limits.client_ip"
AXES_RESET_ON_SUCCESS = True
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"

LANGUAGE_CODE = os.environ.get("REILU_LANGUAGE", "en")
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "reilu" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
TIME_ZONE = os.environ.get("REILU_TIME_ZONE", "Europe/Helsinki")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request otherwise
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Uploaded CVs live outside every public path; only an authorised view serves them.
        "OPTIONS": {"location": VAR_DIR / "uploads", "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
REILU_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": os.environ.get("REILU_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Mail: EMAIL_URL (smtp://user:pass@host:port, add ?tls=True or ?ssl=True). Without one, a
# debug instance keeps mail in the development mailbox page (/dev/mailbox/).
_email_url = os.environ.get("EMAIL_URL")
if _email_url:
    vars().update(dj_email_url.parse(_email_url))
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("REILU_FROM_EMAIL", "Reilu <noreply@reilu.localhost>")
EMAIL_TIMEOUT = 10
REILU_DEV_MAILBOX = DEBUG and not _email_url
REILU_MESSAGE_MAX_ATTEMPTS = envint("REILU_MESSAGE_MAX_ATTEMPTS", 8)
REILU_MESSAGE_RETRY_BASE_SECONDS = envint("REILU_MESSAGE_RETRY_BASE_SECONDS", 30)
# Deciding more applications than this at once hands the end-of-process work (surveys,
# feedback offers) to a background task written in the same transaction.
REILU_INLINE_PROCESS_END_LIMIT = envint("REILU_INLINE_PROCESS_END_LIMIT", 200)

# The conversation with the contact person (reilu.applications.thread): a question's
# promised answer in working days (Finnish public holidays skipped), and its longest text.
REILU_THREAD_ANSWER_DAYS = envint("REILU_THREAD_ANSWER_DAYS", 2)
REILU_THREAD_MAX_CHARS = 4000
# Replies by email (`reilu inbound`, docs/deployment.md). The domain of the reply addresses
# (reply+<token>@REILU_REPLY_DOMAIN) whose mail reaches the inbound listener; empty: mail
# to candidates carries the contact person's address as Reply-To, as before.
REILU_REPLY_DOMAIN = os.environ.get("REILU_REPLY_DOMAIN", "").strip().lower()
REILU_INBOUND_HOST = os.environ.get("REILU_INBOUND_HOST", "127.0.0.1")
REILU_INBOUND_PORT = envint("REILU_INBOUND_PORT", 2525)
# Larger mail is refused (552) before it is read in full; attachments are dropped.
REILU_INBOUND_MAX_BYTES = envint("REILU_INBOUND_MAX_BYTES", 1024 * 1024)

# Privacy (reilu.privacy). Hired candidates' applications are employment records: kept
# REILU_HIRED_RETENTION_MONTHS after the decision (default 48), then erased like the rest.
REILU_HIRED_RETENTION_MONTHS = envint("REILU_HIRED_RETENTION_MONTHS", 48)
# Rate limits per client address ("N/s|m|h|d", fixed windows), counted exactly in the
# database (reilu.limits; in Redis when CACHES is Redis). Behind a proxy set
# REILU_RATELIMIT_IP_META_KEY (e.g. "HTTP_X_FORWARDED_FOR") so the real client is counted.
REILU_RATES = {
    "apply": os.environ.get("REILU_RATE_APPLY", "20/h"),
    "status": os.environ.get("REILU_RATE_STATUS", "120/m"),
    "contact": os.environ.get("REILU_RATE_CONTACT", "30/h"),
    # "Lost your status link?": per client, and per email address asked about.
    "status_links": os.environ.get("REILU_RATE_STATUS_LINKS", "10/h"),
    "status_links_address": os.environ.get("REILU_RATE_STATUS_LINKS_ADDRESS", "3/h"),
    # Staff "forgot password": per client IP, and per email address asked for.
    "password_reset": os.environ.get("REILU_RATE_PASSWORD_RESET", "10/h"),
    "password_reset_address": os.environ.get("REILU_RATE_PASSWORD_RESET_ADDRESS", "3/h"),
    "signin": os.environ.get("REILU_RATE_SIGNIN", "10/h"),
    # Seekers' sign-in codes typed in: per client, and per email address tried.
    "signin_code": os.environ.get("REILU_RATE_SIGNIN_CODE", "30/h"),
    "signin_code_address": os.environ.get("REILU_RATE_SIGNIN_CODE_ADDRESS", "10/h"),
    # Failed staff sign-ins from one address, whatever the usernames (axes locks each one).
    "login_failures": os.environ.get("REILU_RATE_LOGIN_FAILURES", "20/h"),
    # A candidate's questions to the contact person: per client, and per application
    # (whichever way they come: the status page, the API or email).
    "thread": os.environ.get("REILU_RATE_THREAD", "20/h"),
    "thread_application": os.environ.get("REILU_RATE_THREAD_APPLICATION", "10/d"),
}
RATELIMIT_ENABLE = envbool("REILU_RATELIMIT", True)
# django-ratelimit supplies only the Ratelimited exception and the middleware that answers
# it with this view; its cache-based counting is not used, so its cache checks do not apply.
RATELIMIT_VIEW = "reilu.privacy.views.ratelimited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
if ip_key := os.environ.get("REILU_RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = ip_key

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("REILU_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("REILU_LOG_LEVEL", "INFO")},
    "loggers": {"django_tasks_db": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Uploads on an S3-compatible object store (several web machines; docs/deployment.md).
# Needs `pip install 'django-storages[s3]'`; credentials come from the usual AWS_* variables.
if _bucket := os.environ.get("REILU_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": os.environ.get("REILU_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
