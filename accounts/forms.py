from allauth.account.forms import LoginForm as AllauthLoginForm


class LoginForm(AllauthLoginForm):
    """allauth's login form, with a "Remember me" that says what it does and when not to use it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        remember = self.fields.get("remember")
        if remember is not None:
            remember.label = "Remember me"
            remember.help_text = (
                "Only on a personal computer. Keeps you signed in for 30 days; "
                "leave it unticked on a shared or public computer and you are signed out "
                "when the browser closes."
            )
