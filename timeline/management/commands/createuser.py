"""python manage.py createuser USERNAME --role reader|editor|admin [--email EMAIL]

The password is asked twice on a terminal; scripts put it in the environment
variable NEWSROOM_PASSWORD instead (never on the command line, where `ps` shows it).

Roles, as timeline/access.py decides them: a reader signs in and sees what anonymous
readers see; an editor is a member of the group «Editors» (the review queue, stories,
annotations, adding articles); an admin is staff and superuser (the Django admin too).
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Field

from timeline.access import EDITORS_GROUP

PASSWORD_VARIABLE = "NEWSROOM_PASSWORD"
ROLES = ("reader", "editor", "admin")


class Command(BaseCommand):
    help = (
        "Create a user with a role: reader, editor (group «Editors») or admin (staff and "
        f"superuser). The password is prompted for, or read from ${PASSWORD_VARIABLE}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, required=True)
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, role: str, email: str, **options) -> None:
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("The username is empty.")
        try:
            field = User._meta.get_field(User.USERNAME_FIELD)
            if isinstance(field, Field):
                field.run_validators(username)
        except ValidationError as exc:
            raise CommandError(f"{username!r}: {' '.join(exc.messages)}") from None
        if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        user = User(**{User.USERNAME_FIELD: username}, email=email)
        password = self.password()
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from None
        user.set_password(password)
        user.is_staff = user.is_superuser = role == "admin"
        with transaction.atomic():
            user.save()
            if role == "editor":
                # The group is made by migrate; get_or_create spares a confusing error
                # on a database migrated before the group existed.
                user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
        self.stdout.write(f"Created the {role} {username!r}. {WHAT_THEY_DO[role]}")

    def password(self) -> str:
        from_environment = os.environ.get(PASSWORD_VARIABLE)
        if from_environment is not None:
            return from_environment
        if not sys.stdin.isatty():
            raise CommandError(
                f"No terminal to ask for the password: set ${PASSWORD_VARIABLE} instead."
            )
        for _attempt in range(3):
            first = getpass.getpass("Password: ")
            if first and first == getpass.getpass("Password (again): "):
                return first
            self.stderr.write("The passwords are empty or differ; try again.")
        raise CommandError("No password given.")


WHAT_THEY_DO = {
    "reader": "They sign in at /accounts/login/ and see what every reader sees.",
    "editor": "They sign in at /accounts/login/ and review at /review/.",
    "admin": "They sign in at /admin/ (and review at /review/).",
}
