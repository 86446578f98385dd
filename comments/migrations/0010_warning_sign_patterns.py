"""Warning-sign crisis patterns added to the defaults (giving things away, "won't be around much
longer", "it'll all be over soon", fever on chemotherapy …) for sites whose patterns were
seeded before them. A site that already has a phrase keeps its own row."""

from django.db import migrations

ADDED = [
    ('crisis', 'give|gave|giving|given away my? things|stuff|belongings|possessions|pets|cat|dog|guitar|clothes|books', "1.00", 'warning signs'),
    ('crisis', 'not|never be around|here ... much|very longer|long', "1.00", 'suicidal thoughts'),
    ('crisis', 'all be? over soon|tonight|tomorrow|shortly', "1.00", 'suicidal thoughts'),
    ('crisis', 'checking|check out ... for_good|permanently|early|soon|next_week|tonight', "1.00", 'suicidal thoughts'),
    ('crisis', 'see you on the other side', "0.50", 'saying goodbye'),
    ('crisis', 'finish|finishing the job', "0.50", 'suicidal thoughts'),
    ('crisis', 'my last comment|post|message|words', "0.50", 'saying goodbye'),
    ('crisis', 'made|make|making my peace', "0.50", 'saying goodbye'),
    ('crisis', 'train|railway tracks|track|line|bridge ... walk|minutes|away|near|think', "0.50", 'suicidal thoughts'),
    ('crisis', 'hosepipe|exhaust|fumes|charcoal', "0.50", 'suicidal thoughts'),
    ('crisis', 'when|after|once i|she|he be? gone', "0.50", 'suicidal thoughts'),
    ('crisis', 'chemo|chemotherapy|neutrophils|neutropenic ... temperature|fever|shivering|shakes|shaking|rigors', "1.00", 'sepsis signs'),
    ('crisis', 'temperature|fever|shivering|shakes|shaking ... chemo|chemotherapy|neutrophils|neutropenic', "1.00", 'sepsis signs'),
    ('crisis', 'breathing ... slow|shallow|slowing|rattling|gurgling|stopped', "0.50", 'trouble breathing'),
    ('crisis', 'stopped|stop|not responding|waking', "0.50", 'collapse'),
]


def add_patterns(apps, schema_editor):
    HealthPattern = apps.get_model("comments", "HealthPattern")
    if not HealthPattern.objects.exists():
        return  # 0005 seeded nothing (a fresh database seeds every default there)
    have = set(HealthPattern.objects.values_list("kind", "phrase"))
    HealthPattern.objects.bulk_create(
        HealthPattern(kind=kind, phrase=phrase, weight=weight, label=label)
        for kind, phrase, weight, label in ADDED
        if (kind, phrase) not in have
    )


class Migration(migrations.Migration):
    dependencies = [("comments", "0009_health_pattern_weight_always")]

    operations = [migrations.RunPython(add_patterns, migrations.RunPython.noop)]
