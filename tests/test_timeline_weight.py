"""The timeline's own JavaScript and CSS stay small (TimelineJS3 ships 76 KB gzipped)."""

import gzip

from tests.conftest import REPO

OWN_ASSETS = ("static/timeline/timeline.css", "static/timeline/timeline.js")


def test_own_js_and_css_stay_under_15_kb_gzipped():
    total = sum(len(gzip.compress((REPO / path).read_bytes(), 9)) for path in OWN_ASSETS)
    assert total < 15 * 1024, f"{total} bytes gzipped"
