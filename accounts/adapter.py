from allauth.account.adapter import DefaultAccountAdapter
from django.db import InterfaceError, OperationalError


class AccountAdapter(DefaultAccountAdapter):
    def authenticate(self, request, **credentials):
        """A database outage is not a wrong password: give back the failed-login slot that
        allauth took before trying, so nobody is locked out once the database is back."""
        try:
            return super().authenticate(request, **credentials)
        except (OperationalError, InterfaceError):
            self._rollback_login_failed_rl_usage()
            raise
