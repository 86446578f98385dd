import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm
from .models import AccountDeletion
from .signals import account_deleting

logger = logging.getLogger(__name__)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """The owner deletes their account: personal data goes, an audit record stays."""
    user = request.user
    form = DeleteAccountForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        former_id = user.pk
        with transaction.atomic():
            answers = account_deleting.send(sender=type(user), user=user)
            summary = "; ".join(str(answer) for _, answer in answers if answer)
            AccountDeletion.objects.create(former_user_id=former_id, summary=summary[:500])
            user.delete()  # email addresses, flags, sessions and sanctions go with it
        logout(request)
        logger.info("Account %s deleted by its owner: %s", former_id, summary or "nothing kept")
        messages.success(request, "Your account and your personal data were deleted.")
        return redirect("articles:home")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "keeps_comments": settings.DELETED_ACCOUNT_COMMENTS == "keep"}
    return render(request, "account/delete.html", context, status=status)
