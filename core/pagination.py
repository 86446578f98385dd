from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from . import page_cache


def paginate(request, queryset, per_page=None, *, count_key=None, count_depends_on=(),
             count_valid_until=None):  # fmt: skip
    """A page of ``queryset`` from ?page=; a bad or out-of-range page number is a 404.

    With ``count_key``, the number of items (a full scan of the list, the slowest query on a
    big site) is kept in the page cache until one of ``count_depends_on`` changes or
    ``count_valid_until()`` (a datetime or None) passes.
    """
    paginator = Paginator(queryset, per_page or settings.ARTICLES_PER_PAGE)
    if count_key:
        count = page_cache.fetch(f"count:{count_key}")
        if count is None:
            count = paginator.count
            until = count_valid_until() if count_valid_until else None
            page_cache.keep(f"count:{count_key}", count, count_depends_on,
                            page_cache.started(request), until and until.timestamp())  # fmt: skip
        paginator.count = count  # a cached_property: set, it is never queried
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page.") from error
