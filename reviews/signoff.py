"""Clinician sign-off: a substantive draft of an article with a named medical reviewer is sent
to that clinician (email through the task queue, with the share link and the diff against the
last reviewed version); only they, logged in as themselves, approve it or ask for changes.
With ``MEDICAL_SIGNOFF_REQUIRED`` a substantive change to a reviewed article cannot be published
without their approval of exactly that content, and publishing it records a ``MedicalReview``
of the new revision in their name."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from articles.diff import diff_snapshots
from articles.preview import share_url
from articles.revisions import snapshot as snapshot_of
from core.site import absolute_url

from .models import MedicalReview, SignOff, clinician_of

# Publication details, not what the clinician reviewed: approving the content is enough.
NOT_REVIEWED = ("status", "published_at", "featured")


def content(snapshot):
    return {key: value for key, value in snapshot.items() if key not in NOT_REVIEWED}


def last_reviewed_snapshot(article):
    review = (
        MedicalReview.objects.filter(article=article)
        .select_related("revision")
        .order_by("-reviewed_on", "-id")
        .first()
    )
    return review.revision.snapshot if review else None


def diff_as_text(old, new):
    """The changes for an email: each changed field, its added (+) and removed (-) lines."""
    out = []
    for change in diff_snapshots(old, new):
        lines = [line for line in change.lines if line.kind in ("added", "removed", "changed")]
        if not lines:
            continue
        out.append(f"{change.label}:")
        sign = {"added": "+", "removed": "-", "changed": "~"}
        out += [f"  {sign[line.kind]} {strip_tags(line.html).strip()}" for line in lines]
    return "\n".join(out) or "No differences in the text."


def send_for_review(article, draft, *, by):
    """Ask the article's named reviewer to sign off ``draft``; returns the ``SignOff``."""
    reviewer = article.reviewer
    if reviewer is None:
        raise ValidationError("Name a medical reviewer on the article first.")
    if draft.is_minor:
        raise ValidationError("This draft is marked as a minor edit: it needs no medical review.")
    user = reviewer.user
    if user is None or not user.email:
        raise ValidationError(
            f"{reviewer.byline} has no account with an email address to send the request to."
        )
    with transaction.atomic():
        SignOff.objects.filter(article=article, status=SignOff.Status.PENDING).update(
            status=SignOff.Status.WITHDRAWN
        )
        sign_off = SignOff.objects.create(
            article=article, reviewer=reviewer, snapshot=draft.snapshot, requested_by=by
        )
        reviewed = last_reviewed_snapshot(article) or snapshot_of(article)
        send_mail(
            f"[{settings.SITE_NAME}] Please review: {draft.snapshot['title']}",
            f"{by.display_name if by else 'An editor'} asks you to review a change to "
            f"“{article.title}” before it is published.\n\n"
            f"Read the draft (no login needed): {absolute_url(share_url(draft))}\n"
            f"Approve it or ask for changes (log in as yourself): "
            f"{absolute_url(reverse('admin:reviews_signoff_decide', args=[sign_off.pk]))}\n\n"
            f"What changed since the version you last reviewed:\n\n"
            f"{diff_as_text(reviewed, draft.snapshot)}\n",
            None,
            [user.email],
        )
    return sign_off


def decide(sign_off, *, user, approve, note=""):
    """The named clinician's decision; nobody else's counts."""
    clinician = clinician_of(user)
    if clinician is None or clinician.pk != sign_off.reviewer_id:
        raise PermissionDenied("Only the clinician asked can decide.")
    if sign_off.status != SignOff.Status.PENDING:
        raise ValidationError("This request was decided or withdrawn already.")
    if not approve and not note.strip():
        raise ValidationError("Say what needs to change: your note goes to the editor.")
    sign_off.status = SignOff.Status.APPROVED if approve else SignOff.Status.CHANGES_REQUESTED
    sign_off.note = note
    sign_off.decided_at = timezone.now()
    sign_off.save(update_fields=["status", "note", "decided_at"])
    return sign_off


def approval_of(article, snapshot):
    """The approved sign-off of exactly this content, if any."""
    wanted = content(snapshot)
    for sign_off in SignOff.objects.filter(article=article, status=SignOff.Status.APPROVED):
        if content(sign_off.snapshot) == wanted:
            return sign_off
    return None


def publish_check(article, snapshot, *, minor):
    """Registered with articles.drafts.PUBLISH_CHECKS: the message refusing a publication, or
    None. A substantive change to a reviewed article needs its clinician's approval."""
    if minor or not settings.MEDICAL_SIGNOFF_REQUIRED or article.pk is None:
        return None
    if not MedicalReview.objects.filter(article=article).exists():
        return None
    if approval_of(article, snapshot) is not None:
        return None
    return (
        "This substantive change to a medically reviewed article needs the clinician's "
        "approval first: save it as a draft and send it for medical review."
    )


def record_approved_publication(revision):
    """When approved content is published, the clinician's review of exactly that revision."""
    if revision.is_minor:
        return None
    sign_off = approval_of(revision.article, revision.snapshot)
    if sign_off is None:
        return None
    review = MedicalReview.objects.create(
        article=revision.article,
        reviewer=sign_off.reviewer,
        reviewed_on=timezone.localdate(sign_off.decided_at),
        outcome=MedicalReview.Outcome.UPDATED,
        notes=sign_off.note,
        revision=revision,
        recorded_by=sign_off.reviewer.user,
    )
    sign_off.status = SignOff.Status.PUBLISHED
    sign_off.review = review
    sign_off.save(update_fields=["status", "review"])
    return review
