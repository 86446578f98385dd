"""Follow by email without an account. Every page here is personal (``/subscriptions/`` is in
``PRIVATE_URL_PREFIXES``: never cached). A signed link in the email is what lets someone manage
or remove an address; nobody can list or change another address's alerts without it."""

from allauth.core.ratelimit import consume
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import FrequencyForm, SubscribeForm
from .links import manage_token, subscriber_from_confirmation, subscriber_from_link


@csrf_exempt  # the form is on cached public pages, which set no cookie; double opt-in guards it
@require_POST
def subscribe(request):
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", {"form": form}, status=400)
    email = services.normalize_email(form.cleaned_data["email"])
    if not consume(request, action="subscribe", key=email):
        form.add_error(None, "Too many requests to subscribe from here or for this address. "
                             "Please try again in an hour.")  # fmt: skip
        return render(request, "subscriptions/subscribe.html", {"form": form}, status=429)
    subscription = services.subscribe(email, form.cleaned_data["follow"],
                                      form.cleaned_data["frequency"])  # fmt: skip
    return render(request, "subscriptions/check_email.html",
                  {"email": email, "subscription": subscription})  # fmt: skip


def _invalid_link(request):
    return render(request, "subscriptions/invalid_link.html", status=404)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows what would be confirmed (mail scanners follow links); POST confirms."""
    subscriber = subscriber_from_confirmation(token)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST":
        services.confirm(subscriber)
        messages.success(request, "Confirmed: we will email you when there is something new.")
        return redirect("subscriptions:manage", token=manage_token(subscriber))
    pending = subscriber.subscriptions.filter(confirmed_at__isnull=True)
    return render(request, "subscriptions/confirm.html",
                  {"subscriber": subscriber, "pending": pending})  # fmt: skip


@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = subscriber_from_link(token)
    if subscriber is None:
        return _invalid_link(request)
    form = FrequencyForm(initial={"frequency": subscriber.frequency})
    if request.method == "POST":
        if "remove" in request.POST:
            removed = services.remove_subscription(subscriber,
                                                   _number(request.POST.get("remove")))  # fmt: skip
            if not removed:
                messages.error(request, "That subscription was already removed.")
            elif subscriber.pk is None:
                return render(request, "subscriptions/unsubscribed.html")
            else:
                messages.success(request, "Removed. You will not hear about that any more.")
            return redirect("subscriptions:manage", token=token)
        form = FrequencyForm(request.POST)
        if form.is_valid():
            subscriber.frequency = form.cleaned_data["frequency"]
            subscriber.save(update_fields=["frequency"])
            messages.success(request, "Saved.")
            return redirect("subscriptions:manage", token=token)
    subscriptions = subscriber.subscriptions.select_related("article", "tag", "author")
    context = {"subscriber": subscriber, "subscriptions": subscriptions, "form": form,
               "token": token}  # fmt: skip
    return render(request, "subscriptions/manage.html", context,
                  status=400 if form.is_bound else 200)  # fmt: skip


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" with no token or cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (link scanners must not unsubscribe anyone); a bare POST unsubscribes."""
    subscriber = subscriber_from_link(token)
    if request.method == "POST":
        if subscriber is not None:
            services.unsubscribe(subscriber)
        return render(request, "subscriptions/unsubscribed.html")
    if subscriber is None:
        return _invalid_link(request)
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})


def _number(text):
    text = (text or "")[:12]
    return int(text) if text.isascii() and text.isdigit() else None
