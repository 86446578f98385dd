from django import forms

from .models import Flag


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 6, "aria-describedby": "comment-help"}),
        # Length is the policy's rule (with its own message); this only stops absurd posts.
        max_length=50_000,
        strip=False,
        error_messages={"required": "Write something before posting."},
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label="Edit your comment",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50_000,
        strip=False,
        error_messages={"required": "Write something, or delete the comment instead."},
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a reason for flagging this comment."},
    )
    note = forms.CharField(max_length=300, required=False, label="Note for moderators (optional)")


class PreferencesForm(forms.Form):
    notify_on_reply = forms.BooleanField(
        required=False, label="Email me when someone replies to one of my comments"
    )
    notify_on_decision = forms.BooleanField(
        required=False,
        label="Email me when a moderator approves or rejects one of my held comments",
    )
    notify_on_review_due = forms.BooleanField(
        required=False, label="Email me when my medical reviews are coming due"
    )

    def __init__(self, *args, reviewer=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not reviewer:  # only clinicians with an author page get review reminders
            del self.fields["notify_on_review_due"]


class AppealForm(forms.Form):
    text = forms.CharField(
        label="Why should we look again?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="You can appeal each decision once. A moderator who did not decide it reads "
        "your appeal.",
    )
