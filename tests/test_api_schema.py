"""The API's OpenAPI schema, tested by schemathesis against the running app: whatever
the generated input, no server error, and responses that match the schema."""

from datetime import date

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from timeline.models import Event, Place, Story

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api_data() -> None:
    """A little data behind the API, committed so that the server thread sees it."""
    place = Place.objects.create(name="طهران")
    story = Story.objects.create(title="الملف", slug="file", published=True)
    for n in range(5):
        event = Event.objects.create(
            title=f"اجتماع رقم {n}",
            first_day=date(2025, 7, 1 + n),
            last_day=date(2025, 7, 1 + n),
            status=Event.Status.CONFIRMED,
        )
        event.places.add(place)
        story.events.add(event)


CHECKS = [response_schema_conformance, status_code_conformance, negative_data_rejection]


def test_the_api_never_answers_with_a_server_error(live_server, api_data):
    # The schema as the running server publishes it; every operation, fuzzed.
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
            case.validate_response(response, checks=CHECKS)

        check()
