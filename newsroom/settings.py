"""Settings for the newsroom timeline, all from the environment.

Every variable is optional except SECRET_KEY outside DEBUG. A value that cannot be
read stops the process at start with a message naming the variable.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...]) -> str:
    """One of `choices` (the first is the default); anything else stops the process."""
    value = os.environ.get(name, "").strip().lower() or choices[0]
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


# On by default so that a fresh clone's manage.py commands just work; production
# sets DEBUG=0, and then SECRET_KEY (below) and ALLOWED_HOSTS must be given.
DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required unless DEBUG=1. Set SECRET_KEY to a long random string."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "axes",
    # The admin's from–to date filters.
    "rangefilter",
    # Only for the static files django-ninja ships (Swagger UI): with "ninja" installed
    # /api/docs loads them from STATIC_URL instead of a CDN, so the docs work offline.
    "ninja",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves collected static files from gunicorn itself: no shared disk, no nginx needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.language_middleware",
    "newsroom.middleware.refuse_unreadable_input",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records who made each change in the history of events, annotations and stories.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
    # After every other middleware's process_view: it may call the view itself (a
    # reader's GET is retried while the database restarts), else answers 503.
    "newsroom.middleware.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "timeline.reader.context_processors.roles",
                "timeline.reader_cache.csrf_placeholder",
            ],
        },
    },
]

# SQLite needs no setup; DATABASE_URL (postgres://user@host:5432/name) switches engines.
_database_url = os.environ.get("DATABASE_URL", "").strip()
try:
    _default_db = dj_database_url.parse(
        _database_url or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before each request reuses it: after a database
        # restart the first request reconnects instead of failing on the dead one.
        conn_health_checks=True,
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if _default_db["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker write to the same file: WAL lets readers go
    # on during a write, IMMEDIATE makes writers queue instead of failing.
    _default_db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that worker processes started by tests share it; one
    # per test run, so that two runs in one checkout do not trip over each other.
    _default_db["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}
DATABASES = {"default": _default_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Outside DEBUG, static files are hashed and compressed by `collectstatic` (whitenoise)
# and cached for ever by browsers. STATIC_MANIFEST=0 (the tests) skips collectstatic.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Event images (timeline/images.py): uploaded or fetched once, re-encoded, kept
# through the default storage (STORAGES["default"]). MEDIA_ROOT must be one volume
# every web host shares, or STORAGES["default"] an object store; see README,
# «Production». Django serves MEDIA_URL itself only with SERVE_MEDIA (default: DEBUG).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "").strip() or BASE_DIR / "media")
MEDIA_URL = os.environ.get("MEDIA_URL", "").strip() or "/media/"
if not MEDIA_URL.endswith("/"):
    raise ImproperlyConfigured(f"MEDIA_URL={MEDIA_URL!r} must end with a slash.")
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
_media = urlparse(MEDIA_URL)
_MEDIA_ORIGIN = [f"{_media.scheme}://{_media.netloc}"] if _media.scheme else []
# Limits on an image file (bytes) and on its pixels (width × height, decoded): a
# small file can claim a huge picture (a decompression bomb).
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 10_000_000, minimum=10_000)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000, minimum=10_000)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "timeline:review"
LOGOUT_REDIRECT_URL = "timeline:timeline"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# How many proxies (load balancers) of ours stand in front of the web processes; the
# client's address is then read from X-Forwarded-For (newsroom/client_ip.py). 0: no
# proxy, the header is ignored (a client could put anything in it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip"

# Content-Security-Policy on every response: scripts only from our own static files
# (no inline script, no eval), nothing from other origins, no framing.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # The timeline axis places its marks with style attributes (computed offsets).
    "style-src-attr": [CSP.UNSAFE_INLINE],
    # Images from MEDIA_URL's own origin too, when it names another (an object store).
    "img-src": [CSP.SELF, "data:", *_MEDIA_ORIGIN],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The origins whose pages may show our embeds (/embed/…) in an iframe, e.g.
# "https://www.example.org,https://*.example.net": sent as the embeds'
# Content-Security-Policy frame-ancestors. Every other page refuses all framing
# (X-Frame-Options: DENY and frame-ancestors 'none'); with none listed, so do embeds.
_ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?", re.IGNORECASE)


def env_origins(name: str) -> list[str]:
    """Origins such as https://example.org or http://127.0.0.1:8001 (no path, no «*» alone)."""
    origins = env_list(name, [])
    for origin in origins:
        if not _ORIGIN.fullmatch(origin):
            raise ImproperlyConfigured(
                f"{name}: {origin!r} is not an origin; write scheme://host[:port] "
                "(https://example.org, https://*.example.org), comma-separated, no path."
            )
    return [origin.lower() for origin in origins]


EMBED_ALLOWED_ORIGINS = env_origins("EMBED_ALLOWED_ORIGINS")

# HTTPS in production. Cookies are secure whenever DEBUG is off; the redirect, HSTS
# and the proxy header are set from the environment (see README, «Production»).
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a decision for the owner of the whole domain (browsers only take
    # a registered domain, with every subdomain, onto their list), not for this app
    # on a subdomain such as timeline.example.org; SECURE_HSTS_PRELOAD=1 sets it.
    "security.W021",
]
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_header:
    # e.g. "X-Forwarded-Proto: https", set only behind a proxy that always sends it.
    _name, _sep, _value = _proxy_header.partition(":")
    if not _sep or not _name.strip() or not _value.strip():
        raise ImproperlyConfigured(
            f"SECURE_PROXY_SSL_HEADER={_proxy_header!r} must look like 'X-Forwarded-Proto: https'."
        )
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _name.strip().upper().replace("-", "_"),
        _value.strip(),
    )

# Articles longer than this are refused at ingest (characters of cleaned text).
ARTICLE_MAX_CHARS = env_int("ARTICLE_MAX_CHARS", 2_000_000, minimum=1_000)
# A form posting the longest article must get through to the form's own message: the
# article form is multipart (UTF-8 as it is), at most 4 bytes a character, plus room
# for the other fields. Beyond it Django answers 400 (templates/400.html).
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_CHARS * 4 + 64 * 1024
# A worker's claim on an article older than this (seconds) is taken to be dead, and
# the sweep re-queues articles left queued or processing for longer.
ARTICLE_PROCESSING_TIMEOUT = env_int("ARTICLE_PROCESSING_TIMEOUT", 600, minimum=1)
# Fetching an article or a feed by URL.
FETCH_TIMEOUT = env_int("FETCH_TIMEOUT", 15, minimum=1)
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5_000_000, minimum=1_000)
FETCH_USER_AGENT = os.environ.get("FETCH_USER_AGENT", "newsroom-timeline/1.0")
# Off in production: URLs that resolve to private or loopback addresses are refused.
FETCH_ALLOW_PRIVATE_HOSTS = env_bool("FETCH_ALLOW_PRIVATE_HOSTS", False)
FEED_POLL_INTERVAL = env_int("FEED_POLL_INTERVAL", 900, minimum=10)

# Celery. With no REDIS_URL, tasks run in-process when enqueued (no worker needed).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and urlparse(REDIS_URL).scheme not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(
        f"REDIS_URL={REDIS_URL!r} must start with redis://, rediss:// or unix://"
    )
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"

# One cache for every web host: Redis when there is one, else this process's memory.
CACHES = {
    "default": (
        {
            # Django's, each Redis client made once (newsroom/cache.py).
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs must not hang readers: give up quickly and render
            # from the database (timeline/reader_cache.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Seconds an anonymous reader's page is served from the cache (0: never cached).
READER_CACHE_SECONDS = env_int("READER_CACHE_SECONDS", 60, minimum=0)
# Seconds a page is kept beyond that, to be served when the database cannot answer
# (a restart, a failover): readers get a slightly older page instead of an error.
READER_STALE_SECONDS = env_int("READER_STALE_SECONDS", 3600, minimum=0)
# When the database cannot be reached, an anonymous reader's GET is tried again for
# up to this many seconds (newsroom/middleware.py) before the answer is 503.
DATABASE_RETRY_SECONDS = env_int("DATABASE_RETRY_SECONDS", 3, minimum=0)
# Seconds between a reader page's checks for new events (timeline/reader/live.py): a check
# is one small request, answered 304 from the cache while nothing changed.
LIVE_POLL_SECONDS = env_int("LIVE_POLL_SECONDS", 15, minimum=1)

CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "newsroom")
# Publishing gives up after a few seconds when Redis is down; the article stays
# queued and the sweep sends it later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-articles": {
        "task": "timeline.pipeline.tasks.requeue_stale_articles",
        "schedule": max(30, ARTICLE_PROCESSING_TIMEOUT // 2),
    },
    "poll-feeds": {"task": "timeline.pipeline.tasks.poll_feeds", "schedule": FEED_POLL_INTERVAL},
}

# LOG_FORMAT=json: one JSON object a line (production, log collectors); plain for people.
# Every line carries the article being processed (timeline/log_context.py).
LOG_FORMAT = env_choice("LOG_FORMAT", ("plain", "json"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "timeline.log_context.ContextFilter"}},
    "formatters": {
        "main": {"()": "timeline.log_context.formatter", "kind": LOG_FORMAT},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "main",
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}


# The reader timeline: how dates are written, and how many events a page of the list holds.
# Month names «تموز/يوليو» (both), «تموز» (syriac) or «يوليو» (egyptian); digits 2025 or ٢٠٢٥.
TIMELINE_MONTH_NAMES = env_choice("TIMELINE_MONTH_NAMES", ("both", "syriac", "egyptian"))
TIMELINE_DIGITS = env_choice("TIMELINE_DIGITS", ("western", "eastern"))
TIMELINE_PAGE_SIZE = env_int("TIMELINE_PAGE_SIZE", 30, minimum=5)
