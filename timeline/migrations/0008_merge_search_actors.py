from django.db import migrations


class Migration(migrations.Migration):
    """Joins the search migration and the actors migration, made side by side."""

    dependencies = [
        ("timeline", "0006_issue14_search"),
        ("timeline", "0007_actors_salience_kinds"),
    ]

    operations = []
