"""The article change form: the editor's change note, minor flag and the version they loaded."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .archiving import linking_articles
from .drafts import is_live_now, publish_refusal
from .models import Article
from .revisions import has_changes, snapshot


def stale_message(current):
    """Who saved in between, when, and links to their version and to what they changed."""
    last = current.revisions.select_related("editor").order_by("-number").first()
    who = last.editor.display_name if last and last.editor else "someone else"
    when = last.created_at.strftime("%Y-%m-%d %H:%M UTC") if last else "just now"
    latest = reverse("admin:articles_article_change", args=[current.pk])
    changes = reverse("admin:articles_article_compare", args=[current.pk])
    previous = current.revisions.filter(number__lt=last.number).order_by("-number").first()
    diff_link = (
        format_html(
            ' · <a href="{}?from={}&amp;to={}" target="_blank">See what {} changed</a>',
            changes,
            previous.pk,
            last.pk,
            who,
        )  # fmt: skip
        if last and previous
        else ""
    )
    return format_html(
        "Not saved: {} saved this article at {}, after you opened it. Your text is still in "
        "the form below: copy your changes, then apply them to the latest version. "
        '<a href="{}" target="_blank">Open the latest version</a>{}',
        who, when, latest, diff_link,
    )  # fmt: skip


def label_date_and_time(field):
    """The admin's split date/time widget has one <label> for two inputs: name each one."""
    widgets = getattr(getattr(field, "widget", None), "widgets", None)
    if widgets and len(widgets) == 2:
        widgets[0].attrs["aria-label"] = f"{field.label}: date"
        widgets[1].attrs["aria-label"] = f"{field.label}: time"


class ArticleAdminForm(forms.ModelForm):
    change_note = forms.CharField(
        label="Change note (public)",
        max_length=300,
        required=False,
        help_text="Written for readers: a substantive change's note appears in the article's "
        "public update history, next to the new “last updated” date. Required unless the "
        "change is minor.",
    )
    is_minor = forms.BooleanField(
        label="Minor edit",
        required=False,
        help_text="Tick for a typo, formatting or link fix that does not change what the article "
        "tells readers. Minor edits keep the public “last updated” date and need no public note. "
        "Leave it unticked when advice, facts or sources changed.",
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    confirm_archive = forms.BooleanField(
        label="Yes, archive it",
        required=False,
        help_text="Archiving withdraws a live article from readers (410 Gone); tick to confirm.",
    )
    # "Save as draft" (articles/admin_drafts.py): the public note is needed when it is published.
    saving_draft = False

    class Meta:
        model = Article
        fields = [
            "title", "slug", "dek", "body", "hero_asset", "hero_image", "hero_alt", "hero_caption",
            "hero_credit", "author", "reviewer", "tags", "related", "status", "published_at",
            "featured", "regularly_updated", "comments_open", "review_interval_months",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        label_date_and_time(self.fields.get("published_at"))
        if "related" in self.fields and self.instance.pk:
            self.fields["related"].queryset = Article.objects.exclude(pk=self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            # Lock the row until the admin's transaction ends, so check and save are one step.
            current = Article.objects.select_for_update().filter(pk=self.instance.pk).first()
            if current is not None and loaded != current.version:
                raise ValidationError(stale_message(current), code="stale")
        self._clean_schedule(cleaned)
        self._clean_archive(cleaned)
        if cleaned.get("is_minor") and not self.instance.pk:
            self.add_error("is_minor", "The first version of an article cannot be a minor edit.")
        return cleaned

    def _clean_archive(self, cleaned):
        """Archiving a live article asks first, naming the published articles linking to it."""
        if cleaned.get("status") != Article.Status.ARCHIVED or cleaned.get("confirm_archive"):
            return
        if not self.instance.pk or not is_live_now(self.instance):
            return
        linking = [article.title for article in linking_articles(self.instance)]
        count = len(linking)
        linked = (
            f" {count} published article{' links' if count == 1 else 's link'} to it: "
            + "; ".join(f"“{title}”" for title in linking) + "."
            if linking else " No published article links to it."
        )  # fmt: skip
        self.add_error(
            "confirm_archive",
            "Archiving withdraws this article from readers (they get “410 Gone”)."
            + linked
            + " Tick “Yes, archive it” to confirm.",
        )

    def _clean_schedule(self, cleaned):
        """ "Scheduled" needs a future minute; "Published" with a future minute is scheduled."""
        status, when = cleaned.get("status"), cleaned.get("published_at")
        future = when is not None and when > timezone.now()
        if status == Article.Status.SCHEDULED and not future:
            self.add_error(
                "published_at",
                "A scheduled article needs a publication time in the future. To publish now, "
                "choose “Published”.",
            )
        elif status == Article.Status.PUBLISHED and future:
            cleaned["status"] = Article.Status.SCHEDULED

    def _post_clean(self):
        # The instance holds the cleaned, sanitized values only after the model's own
        # validation, so this is where "would this save change anything?" can be answered.
        super()._post_clean()
        self.nothing_to_save = False
        if not self.instance.pk or self.errors:
            return
        tags, related = self.cleaned_data.get("tags"), self.cleaned_data.get("related")
        if not has_changes(self.instance, tags=tags, related=related):
            self.nothing_to_save = True
            return
        if self.saving_draft:
            return  # a draft publishes nothing: the note and the checks come with publishing
        minor = self.cleaned_data.get("is_minor", False)
        if not minor and not self.cleaned_data.get("change_note"):
            self.add_error(
                "change_note",
                "Write a note for readers: a substantive change appears in the public update "
                "history with a new “last updated” date. For a typo or formatting fix, tick "
                "“Minor edit” instead.",
            )
        proposed = snapshot(self.instance, tags=tags, related=related)
        refusal = publish_refusal(self.instance, proposed, minor=minor)
        if refusal:
            self.add_error(None, refusal)


class RestoreForm(forms.Form):
    """Restoring is an edit like any other: the editor says whether readers should hear of it,
    and if so writes the public note themselves ("Restored revision #5" tells readers nothing)."""

    kind = forms.ChoiceField(
        choices=[
            ("minor", "Minor: readers are not told (a typo or formatting fix undone)"),
            (
                "substantive",
                "Substantive: readers see a new “last updated” date and the note below",
            ),
        ],  # fmt: skip
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the restore is minor or substantive."},
    )
    change_note = forms.CharField(max_length=300, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "substantive" and not cleaned.get("change_note"):
            self.add_error("change_note", "A substantive restore needs a note for readers: it "
                           "appears in the article's public update history.")  # fmt: skip
        return cleaned
