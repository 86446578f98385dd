"""Who is a moderator: one definition, the ``comments.moderate_comment`` permission (given to
the Moderators group by a migration; superusers have every permission)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

MODERATE_PERMISSION = "comments.moderate_comment"


def can_moderate(user):
    return user.is_active and user.has_perm(MODERATE_PERMISSION)


def moderators():
    """Every active user who can moderate, as a queryset (for emails to the team)."""
    permission = Permission.objects.filter(
        content_type__app_label="comments", codename="moderate_comment"
    )
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission),
            is_active=True,
        )
        .distinct()
    )
