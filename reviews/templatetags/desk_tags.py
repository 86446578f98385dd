"""The editor's desk on admin pages: ``{% desk_counts %}`` on the admin index and
``{% sign_off_status article %}`` on an article's change form (the articles app knows nothing
of sign-off)."""

from django import template

from reviews.desk import counts
from reviews.models import SignOff

register = template.Library()


@register.inclusion_tag("admin/reviews/desk_counts.html", takes_context=True)
def desk_counts(context):
    request = context["request"]
    return {"counts": counts(request.user)}


@register.simple_tag
def latest_sign_off(article):
    if article is None or article.pk is None:
        return None
    return SignOff.objects.filter(article=article).select_related("reviewer").first()
