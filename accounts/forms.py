from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms


def drop_placeholders(form):
    """Labels say what a field is; a placeholder repeating them only vanishes as you type."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_placeholders(self)
        self.fields["username"].help_text = "Shown next to your comments: it is public."
        self.fields["email"].help_text = "Never shown. We send the link to verify it here."


class LoginForm(AllauthLoginForm):
    """allauth's login form, with a "Remember me" that says what it does and when not to use it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_placeholders(self)
        remember = self.fields.get("remember")
        if remember is not None:
            remember.label = "Remember me"
            remember.help_text = (
                "Only on a personal computer. Keeps you signed in for 30 days; "
                "leave it unticked on a shared or public computer and you are signed out "
                "when the browser closes."
            )


class DeleteAccountForm(forms.Form):
    """Deleting an account is final: the owner confirms with their password."""

    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password
