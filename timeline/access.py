"""Who may see what, in small named checks the views and templates share."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

EDITORS_GROUP = "Editors"


def is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Staff, or a member of the «Editors» group: they also see unconfirmed events."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.groups.filter(name=EDITORS_GROUP).exists()
