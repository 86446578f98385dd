"""The treatment-claim and crisis patterns staff start from (``comments.health``); they edit,
switch off and add to them in the admin. Added only where there are none yet."""

from django.db import migrations

from comments.health import DEFAULT_PATTERNS


def add_defaults(apps, schema_editor):
    HealthPattern = apps.get_model("comments", "HealthPattern")
    if HealthPattern.objects.exists():
        return
    HealthPattern.objects.bulk_create(
        HealthPattern(kind=kind, phrase=phrase, weight=f"{weight:.2f}", label=label)
        for kind, phrase, weight, label in DEFAULT_PATTERNS
    )


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_health_patterns_helplines_signals")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
