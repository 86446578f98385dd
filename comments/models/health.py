"""What the policy looks for in health discussion (claim and crisis patterns, edited by staff)
and the helplines a commenter in crisis is shown."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .. import health, phrases


class HealthPatternQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_policy(self):
        """The active patterns as the pure policy reads them."""
        return tuple(
            health.Pattern(row.kind, row.phrase, float(row.weight), row.label)
            for row in self.active().order_by("kind", "id")
        )


class HealthPattern(models.Model):
    """One phrase the policy looks for: a treatment claim (held for a moderator) or crisis
    language (held, marked urgent, the commenter shown helplines)."""

    class Kind(models.TextChoices):
        CLAIM = health.CLAIM, "Treatment claim"
        CRISIS = health.CRISIS, "Crisis"

    class Weight(models.TextChoices):
        ALWAYS = "3.00", "Always holds (3)"
        FULL = "1.00", "Holds when the rest of the comment agrees (1)"
        HALF = "0.50", "Adds some weight (½)"
        QUARTER = "0.25", "Adds a little weight (¼)"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    phrase = models.TextField(
        max_length=3000,
        help_text="Words as a reader would write them; case, accents and endings do not matter "
        "(“cure” also finds “Cured”). a|b = either word; * = any one word; ... = a gap of up to "
        "five words; # = a number; ## = a number of four digits or more; word? = may be "
        "missing; join words with _ inside a choice (for_good|forever).",
    )
    weight = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        choices=Weight.choices,
        default=Weight.ALWAYS,
        help_text="What a match adds to the comment's score; the comment is held at 1. The "
        "model learned from labelled comments adds its own evidence, which a comment that "
        "reads clearly innocent (“years ago…”, “turned out to be…”) makes negative, by 2 at "
        "most: a pattern of weight 3 holds every comment it matches, unless negated.",
    )
    label = models.CharField(
        max_length=80, blank=True, help_text="What it is about, shown to moderators."
    )
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = HealthPatternQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.phrase[:60]}"

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        try:
            phrases.compile_phrase(self.phrase)
        except phrases.PatternError as error:
            raise ValidationError({"phrase": str(error)}) from None


class Helpline(models.Model):
    """A service a commenter in crisis is offered at once. When none is entered here, the
    ``CRISIS_HELPLINES`` setting's are shown."""

    name = models.CharField(max_length=120)
    serves = models.CharField(
        max_length=120, help_text="Who can call it, e.g. “United States” or “UK and Ireland”."
    )
    phone = models.CharField(max_length=40, blank=True)
    text = models.CharField(max_length=80, blank=True, help_text="e.g. “Text 988”.")
    url = models.URLField(blank=True)
    hours = models.CharField(max_length=80, blank=True, help_text="e.g. “24 hours, every day”.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.name} ({self.serves})"


def helplines():
    """The helplines to show: the admin's, or the ``CRISIS_HELPLINES`` setting's."""
    rows = list(Helpline.objects.all())
    return rows or [Helpline(**line) for line in settings.CRISIS_HELPLINES]
