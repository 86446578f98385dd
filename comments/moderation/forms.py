"""Every POST of the moderation area goes through one of these forms."""

import re

from django import forms

from .decisions import MODERATOR_ACTIONS

ACTIONS = {  # value: (label in the action menu, success message for n comments)
    "approve": ("Approve", "Approved {n}."),
    "reject": ("Reject (give a reason)", "Rejected {n}."),
    "spam": ("Mark as spam", "Marked {n} as spam."),
    "remove": ("Remove", "Removed {n}."),
    "restore": ("Restore the previous status", "Restored {n}."),
    "dismiss_flags": ("Dismiss flags", "Dismissed the flags on {n}."),
}
assert set(ACTIONS) == set(MODERATOR_ACTIONS), "every workflow action needs a label"
AUTHOR_ACTIONS = {  # bulk actions on the authors of the ticked comments: (label, days, message)
    "suspend_authors": ("Suspend their authors for 7 days (give a reason)", 7,
                        "Suspended {n} for 7 days."),
    "ban_authors": ("Ban their authors (give a reason)", None, "Banned {n}."),
}  # fmt: skip
SANCTION_DAYS = {"1": 1, "7": 7, "30": 30, "ban": None}  # None: banned for good
_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only: "²" is a character, not a number


def action_choices():
    return [(value, label) for value, (label, _) in ACTIONS.items()] + [
        (value, label) for value, (label, _, _) in AUTHOR_ACTIONS.items()
    ]


class ModerationActionForm(forms.Form):
    """The queue's one form, posted two ways: a per-item button (``single="<id>:<action>"``
    with that item's ``reason-<id>``), or the bulk controls (``selected`` ids, ``action``,
    ``reason``). Cleaned, both give ``ids``, ``action`` and ``reason``."""

    NOTHING_CHANGED = " Nothing was changed."

    def __init__(self, data):
        super().__init__(data)
        self.raw_single = data.get("single", "")
        self.raw_selected = data.getlist("selected")

    def clean(self):
        data = self.data
        if self.raw_single:
            raw_id, _, action = self.raw_single.partition(":")
            raw_ids, reason = [raw_id], data.get(f"reason-{raw_id}", "")
        else:
            raw_ids, action = self.raw_selected, data.get("action", "")
            reason = data.get("reason", "")
        if action not in ACTIONS and action not in AUTHOR_ACTIONS:
            raise forms.ValidationError("Choose an action to apply." + self.NOTHING_CHANGED)
        if any(not _ID.fullmatch(raw.strip()) for raw in raw_ids):
            raise forms.ValidationError(
                "Comments are chosen by their number (like 42)." + self.NOTHING_CHANGED
            )
        if not raw_ids:
            raise forms.ValidationError("Select at least one comment." + self.NOTHING_CHANGED)
        return {"ids": {int(raw) for raw in raw_ids}, "action": action, "reason": reason}

    @property
    def is_author_action(self):
        return self.cleaned_data["action"] in AUTHOR_ACTIONS


class SanctionForm(forms.Form):
    """Suspend a commenter for a number of days, or ban them."""

    duration = forms.ChoiceField(
        choices=[
            ("1", "Suspend for 1 day"),
            ("7", "Suspend for 7 days"),
            ("30", "Suspend for 30 days"),
            ("ban", "Ban until lifted by a moderator"),
        ],
        error_messages={
            "required": "Choose a suspension of 1, 7 or 30 days, or a ban.",
            "invalid_choice": "Choose a suspension of 1, 7 or 30 days, or a ban.",
        },
    )
    reason = forms.CharField(max_length=300, required=False, strip=True)

    @property
    def days(self):
        return SANCTION_DAYS[self.cleaned_data["duration"]]


class ContextNoteForm(forms.Form):
    body = forms.CharField(
        label="Editor's note",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown under the comment. Say briefly why the claim is wrong or unproven.",
    )
    link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="Link to the evidence or one of our articles (optional)",
    )

    def clean_link(self):
        link = self.cleaned_data["link"]
        if link and not link.startswith(("https://", "http://")):
            raise forms.ValidationError("Give a web address starting with https://.")
        return link
