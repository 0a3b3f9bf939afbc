"""An event opened in the timeline's panel has its own URL (pushed by HTMX): Back and
Forward may ask for it again, as a whole page, when the browser kept no copy."""

from datetime import date

import pytest

from tests.test_sharing import reported_event


@pytest.mark.django_db
def test_an_event_url_restored_from_history_is_the_whole_page(client):
    event = reported_event("قمة الدوحة", date(2025, 7, 1), "اجتمع القادة في الدوحة.")
    htmx = {"HX-Request": "true"}
    panel = client.get(event.get_absolute_url(), headers=htmx).content.decode()
    assert "<html" not in panel and "data-close-panel" in panel

    restored = client.get(
        event.get_absolute_url(), headers={**htmx, "HX-History-Restore-Request": "true"}
    ).content.decode()
    assert "<html" in restored
    assert f'<h1 id="event-title-{event.pk}" dir="auto">قمة الدوحة</h1>' in restored
    assert "data-close-panel" not in restored, "a page, not a panel with nothing to close"
