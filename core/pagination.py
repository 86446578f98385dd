import re

from django.conf import settings
from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404

from . import cache_tags, fragments

# A page number as the site writes it in its own links: ASCII digits, no sign, space or leading
# zero, and few enough digits for int() (longer strings are slow or refused).
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def page_number(request, param="page"):
    """The page number in ?``param``= (1 when absent), for every paginated list on the site.

    Anything else is a 404: "+1", "1 ", "01", fullwidth digits and the like are not links the
    site makes, and each spelling of a page would otherwise be one more cached copy of it."""
    value = request.GET.get(param)
    if value is None:
        return 1
    if not PAGE_NUMBER.fullmatch(value):
        raise Http404("No such page.")
    return int(value)


def paginate(request, queryset, per_page=None):
    """A page of ``queryset`` from ?page=; a bad or out-of-range page number is a 404."""
    paginator = Paginator(queryset, per_page or settings.ARTICLES_PER_PAGE)
    try:
        return paginator.page(page_number(request))
    except EmptyPage as error:
        raise Http404("No such page.") from error


def kept_page(request, name, items, collection, *, valid_until=None, alongside=None):
    """A page of a public list of ids, read once per change of ``collection`` (an item enters,
    leaves or moves) and kept as a fragment (core/fragments.py) until then or until
    ``valid_until()`` (a datetime or None) passes: the ids on the page, the length of the whole
    list (its slowest query on a big site) and what ``alongside()`` returns (``{name: queryset}``
    shown with it, as ``page.alongside``). ``items()`` and ``alongside()`` build the querysets
    only when the page is read from the database: building one costs more than reading the kept
    page. A list page whose fragment is kept costs one query (generations)."""
    number = page_number(request)  # a bad one is a 404, never kept
    fragment_name, (collection_tag,) = kept_page_fragment(request, name, collection)

    def read():
        page = paginate(request, items())
        cache_tags.add(request, collection_tag)
        cache_tags.expires(request, valid_until() if valid_until else None)
        extra = {
            key: list(queryset) for key, queryset in (alongside() if alongside else {}).items()
        }
        return {"ids": list(page.object_list), "count": page.paginator.count, "alongside": extra}

    kept = fragments.cached(request, fragment_name, [collection_tag], read)
    paginator = Paginator(kept["ids"], settings.ARTICLES_PER_PAGE)
    paginator.count = kept["count"]  # a cached_property: set, it is never counted
    page = Page(kept["ids"], paginator.validate_number(number), paginator)
    page.alongside = kept["alongside"]
    return page


def kept_page_fragment(request, name, collection):
    """The fragment ``kept_page`` keeps a page in: ``(name, tags)``, for a page that reads it
    with its other fragments (``fragments.prefetch``)."""
    return f"list:{name}:{page_number(request)}", [cache_tags.tag_for(collection)]
