"""Editors are those who hold `timeline.review_event`; the «Editors» group holds it.

Until now an editor was a member of «Editors» or any staff user; from now on the
permission decides (timeline/access.py), so the group gets it here. Staff users
outside the group are no longer editors unless given the permission (superusers
hold every permission).
"""

from django.db import migrations

EDITORS_GROUP = "Editors"


def grant(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Permissions are created after the last migration: make this one now.
    content_type, _ = ContentType.objects.get_or_create(app_label="timeline", model="event")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="review_event", defaults={"name": "مراجعة الأحداث"}
    )
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(permission)


def revoke(apps, schema_editor) -> None:
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="timeline", codename="review_event").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timeline", "0012_event_status_updated"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="event",
            options={
                "ordering": ["first_day", "id"],
                "permissions": [("review_event", "مراجعة الأحداث")],
                "verbose_name": "حدث",
                "verbose_name_plural": "الأحداث",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
