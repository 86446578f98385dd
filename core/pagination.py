from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

from . import cache_tags, fragments


def paginate(request, queryset, per_page=None):
    """A page of ``queryset`` from ?page=; a bad or out-of-range page number is a 404."""
    paginator = Paginator(queryset, per_page or settings.ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page.") from error


def kept_page(request, name, items, collection, *, valid_until=None, alongside=None):
    """A page of a public list of ids, read once per change of ``collection`` (an item enters,
    leaves or moves) and kept as a fragment (core/fragments.py) until then or until
    ``valid_until()`` (a datetime or None) passes: the ids on the page, the length of the whole
    list (its slowest query on a big site) and ``alongside`` (``{name: queryset}`` shown with it,
    as ``page.alongside``). A list page whose fragment is kept costs one query (generations)."""
    number = str(request.GET.get("page", "1"))
    if not (number.isascii() and number.isdigit()):
        raise Http404("No such page.")
    collection_tag = cache_tags.tag_for(collection)

    def read():
        page = paginate(request, items)
        cache_tags.add(request, collection_tag)
        cache_tags.expires(request, valid_until() if valid_until else None)
        extra = {key: list(queryset) for key, queryset in (alongside or {}).items()}
        return {"ids": list(page.object_list), "count": page.paginator.count, "alongside": extra}

    kept = fragments.cached(request, f"list:{name}:{int(number)}", [collection_tag], read)
    paginator = Paginator(items, settings.ARTICLES_PER_PAGE)
    paginator.count = kept["count"]  # a cached_property: set, it is never queried
    page = Page(kept["ids"], paginator.validate_number(number), paginator)
    page.alongside = kept["alongside"]
    return page
