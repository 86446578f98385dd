from django.conf import settings
from django.db import models
from django.utils import timezone


class Flag(models.Model):
    class Reason(models.TextChoices):
        MISINFORMATION = "misinformation", "Medical misinformation"
        ABUSE = "abuse", "Abuse or harassment"
        SPAM = "spam", "Spam"
        OFF_TOPIC = "off_topic", "Off-topic"
        OTHER = "other", "Other"

    comment = models.ForeignKey("Comment", on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_user"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} flag on comment {self.comment_id}"
