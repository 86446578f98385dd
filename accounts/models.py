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

    @property
    def is_editor(self):
        return self.is_superuser or self.in_group(EDITORS_GROUP)

    @property
    def is_moderator(self):
        return self.is_superuser or self.in_group(MODERATORS_GROUP)
