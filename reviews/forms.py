"""The reader's side of feedback: a report form with a honeypot, no account, no CAPTCHA."""

from django import forms

from core.sanitizer import clean_plain_text


class HoneypotMixin(forms.Form):
    # Hidden from people (and from screen readers); bots filling every field fill it too.
    website = forms.CharField(required=False, label="Leave this empty")

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class HelpfulForm(HoneypotMixin):
    answer = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")])


class ReportForm(HoneypotMixin):
    message = forms.CharField(
        label="What is out of date or wrong?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Tell us what the article says and what you think is wrong, with a link to "
        "newer guidance if you have one. Please don't include personal or medical details.",
        error_messages={"required": "Tell us what is out of date or wrong."},
    )

    def clean_message(self):
        message = clean_plain_text(self.cleaned_data["message"])
        if not message:
            raise forms.ValidationError("Tell us what is out of date or wrong.")
        return message
