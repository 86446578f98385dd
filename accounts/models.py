from django.contrib.auth.models import AbstractUser
from django.db import models

EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"


class User(AbstractUser):
    """The site's user. Custom from the first migration so fields can be added later."""

    notify_on_reply = models.BooleanField(
        "email me when someone replies to my comment",
        default=True,
    )
    return_to = models.CharField(
        max_length=500,
        blank=True,
        help_text="The page a new member signed up from: confirming their email address "
        "takes them back there, on whichever device they confirm it.",
    )
    notify_on_decision = models.BooleanField(
        "email me when a moderator decides on one of my held comments",
        default=True,
    )
    notify_on_review_due = models.BooleanField(
        "email me when my medical reviews are due",
        default=True,
        help_text="For clinicians who review articles: a digest before and on the due date.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    def in_group(self, name):
        # Reads the prefetched/cached group names once per request object.
        if not hasattr(self, "_group_names"):
            self._group_names = set(self.groups.values_list("name", flat=True))
        return name in self._group_names


class AccountDeletion(models.Model):
    """A record that an account was deleted at its owner's request, without personal data:
    only the former id, when, and what happened to the things they left (their comments)."""

    former_user_id = models.PositiveBigIntegerField()
    deleted_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"Account #{self.former_user_id} deleted {self.deleted_at:%Y-%m-%d}"
