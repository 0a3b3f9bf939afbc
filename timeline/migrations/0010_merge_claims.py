from django.db import migrations


class Migration(migrations.Migration):
    """Joins the claim-token migration and the events' migrations, made side by side."""

    dependencies = [
        ("timeline", "0007_article_claim_token"),
        ("timeline", "0009_event_news_order"),
    ]

    operations = []
