"""Reader feedback on an article, from anyone, with no account. Private pages: nothing here is
cached or shown to other readers (settings.PRIVATE_URL_PREFIXES covers /feedback/)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import Article

from .feedback import TooMuchFeedback, record_feedback
from .forms import HelpfulForm, ReportForm
from .models import ReaderFeedback


def _article(slug):
    return get_object_or_404(Article.objects.published(), slug=slug)


def _address(request):
    return request.META.get("REMOTE_ADDR", "")


def _too_many(request, article):
    return render(request, "reviews/feedback_thanks.html",
                  {"article": article, "too_many": True}, status=429)  # fmt: skip


# The Yes / No buttons sit on the public article page, which carries no CSRF token so that it
# can be cached for everyone. Forging this vote needs no victim: anyone can send it anyway,
# and the rate limit and honeypot apply to it as to everyone.
@csrf_exempt
@require_POST
def helpful(request, slug):
    article = _article(slug)
    form = HelpfulForm(request.POST)
    if not form.is_valid():
        return render(request, "reviews/feedback_thanks.html",
                      {"article": article, "invalid": True}, status=400)  # fmt: skip
    answer = form.cleaned_data["answer"]
    if not form.is_bot:
        kind = ReaderFeedback.Kind.HELPFUL if answer == "yes" else ReaderFeedback.Kind.NOT_HELPFUL
        try:
            record_feedback(article, kind=kind, address=_address(request))
        except TooMuchFeedback:
            return _too_many(request, article)
    return render(request, "reviews/feedback_thanks.html", {"article": article, "answer": answer})


@require_http_methods(["GET", "POST"])
def report(request, slug):
    article = _article(slug)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot:
            try:
                record_feedback(article, kind=ReaderFeedback.Kind.REPORT,
                                address=_address(request),
                                message=form.cleaned_data["message"])  # fmt: skip
            except TooMuchFeedback:
                return _too_many(request, article)
        return render(request, "reviews/feedback_thanks.html",
                      {"article": article, "reported": True})  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "reviews/feedback_report.html", {"article": article, "form": form},
                  status=status)  # fmt: skip
