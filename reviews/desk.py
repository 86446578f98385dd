"""The editor's desk: what waits on whom. "My drafts", "Waiting for my review" (clinicians),
"Sent for review" and "Scheduled", each a queryset, counted on the admin index."""

from articles.models import Article, Draft

from .models import SignOff, clinician_of

OPEN = (SignOff.Status.PENDING, SignOff.Status.APPROVED, SignOff.Status.CHANGES_REQUESTED)


def desk(user):
    clinician = clinician_of(user)
    waiting = SignOff.objects.none()
    if clinician is not None:
        waiting = SignOff.objects.filter(reviewer=clinician, status=SignOff.Status.PENDING)
    return {
        "my_drafts": Draft.objects.filter(editor=user).select_related("article"),
        "waiting": waiting.select_related("article", "requested_by"),
        "sent": SignOff.objects.filter(requested_by=user, status__in=OPEN).select_related(
            "article", "reviewer"
        ),
        "scheduled": Article.objects.scheduled().select_related("author").order_by("published_at"),
    }


SECTIONS = {
    "my_drafts": "My drafts",
    "waiting": "Waiting for my review",
    "sent": "Sent for review",
    "scheduled": "Scheduled",
}


def counts(user):
    """``(name, label, count)`` for each list: one count query each."""
    lists = desk(user)
    return [(name, label, lists[name].count()) for name, label in SECTIONS.items()]
