"""Argument types shared by the management commands."""

from datetime import date

from django.core.management.base import CommandError


def publication_day(value: str) -> date:
    """A --published value: a date written YYYY-MM-DD, or a clear error."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not a date in the form YYYY-MM-DD.") from None
