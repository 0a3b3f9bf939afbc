"""Settings for bench/load.py's server: the site's own, plus a trivial view to compare with."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
