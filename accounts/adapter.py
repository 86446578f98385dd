from allauth.account.adapter import DefaultAccountAdapter
from django.db import InterfaceError, OperationalError
from django.utils.http import url_has_allowed_host_and_scheme


class AccountAdapter(DefaultAccountAdapter):
    def authenticate(self, request, **credentials):
        """A database outage is not a wrong password: give back the failed-login slot that
        allauth took before trying, so nobody is locked out once the database is back."""
        try:
            return super().authenticate(request, **credentials)
        except (OperationalError, InterfaceError):
            self._rollback_login_failed_rl_usage()
            raise

    def save_user(self, request, user, form, commit=True):
        """Remember where the new member came from (?next=), for after email confirmation."""
        user = super().save_user(request, user, form, commit=False)
        target = request.POST.get("next") or request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            user.return_to = target[:500]
        if commit:
            user.save()
        return user

    def get_email_verification_redirect_url(self, email_address):
        """Back to the article they signed up from, even when the link is opened on another
        device; once used, it is forgotten."""
        user = email_address.user
        if user.return_to:
            target, user.return_to = user.return_to, ""
            user.save(update_fields=["return_to"])
            return target
        return super().get_email_verification_redirect_url(email_address)
