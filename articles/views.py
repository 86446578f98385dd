from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from core import fragments
from core.cache_tags import add, tag_for
from core.pagination import kept_page, kept_page_fragment, paginate

from .caching import AUTHOR_PAGE_FRAGMENTS, LISTING, TOPICS, next_publication, page_key
from .fragments import (
    CARDS_READ_BY,
    article_content,
    author_content,
    author_page_fragment,
    prefetch_cards,
    public_article,
)
from .models import Article, Author, Page, Tag
from .search import alternatives, clean_query, search_articles, snippet, suggestion, synonym_sets
from .updates import changes_in, public_update


def can_preview(user):
    return user.is_authenticated and user.is_staff and user.has_perm("articles.change_article")


def listing_page(request, articles, collection, name=None, alongside=None):
    """A page of a list of published articles (``articles()``: their ids, in order; built only
    when the kept page is stale, core.pagination.kept_page), kept until the list changes
    (``collection`` changes) or a scheduled article goes live; the cards themselves are kept
    rendered (articles.fragments)."""
    # The list's generations and its cards' in one query (articles.fragments).
    fragments.prefetch(request, [tag_for(collection), *CARDS_READ_BY])
    return kept_page(
        request, name or tag_for(collection), articles, collection,
        valid_until=lambda: next_publication(request), alongside=alongside,
    )  # fmt: skip


@require_safe
def home(request):
    def featured():
        return Article.objects.published().filter(featured=True).values_list("pk", flat=True)[:3]

    def latest():  # featured articles lead page one and are not repeated under "Latest"
        return Article.objects.published().exclude(pk__in=featured()).values_list("pk", flat=True)

    page = listing_page(request, latest, LISTING, "home",
                        alongside=lambda: {"featured": featured()})  # fmt: skip
    context = {"page": page, "featured": page.alongside["featured"] if page.number == 1 else []}
    prefetch_cards(request, (context["featured"], 3, True), (page.object_list, 3, False))
    return render(request, "articles/home.html", context)


@require_safe
def article_detail(request, slug):
    article = public_article(request, slug)
    if article is None:
        # Only now ask about permissions: readers' requests never load them.
        if can_preview(request.user):
            article = Article.objects.for_detail_page().filter(slug=slug).first()
        if article is None:
            if Article.objects.filter(slug=slug, status=Article.Status.ARCHIVED).exists():
                return render(request, "articles/gone.html", status=410)
            raise Http404("No such article.")
    return render_article(request, article)


def render_article(request, article, *, status=200, extra_context=None):
    """The article page. ``article`` comes from ``for_detail_page()``.

    Other apps add to the page through ``extra_context`` and their own template tags: the
    comments app re-renders it with a refused comment's form (status 400) this way.
    """
    context = {"article": article, "content": article_content(request, article)}
    response = render(
        request, "articles/article_detail.html", {**context, **(extra_context or {})}, status=status
    )
    if not article.is_public or request.user.is_authenticated:
        # Drafts and pages showing a reader's own pending comments must never be cached.
        add_never_cache_headers(response)
    return response


@require_safe
def article_update(request, slug, number):
    """What changed in one public update of an article, for readers: its note, then the
    removed and added passages. Not indexed: the article itself is the page to find."""
    article = get_object_or_404(Article.objects.published().select_related("author"), slug=slug)
    update = public_update(article, number)
    add(request, article)
    context = {"article": article, "update": update, "changes": changes_in(update)}
    return render(request, "articles/article_update.html", context)


@require_safe
def tag_list(request):
    tags = (
        Tag.objects.topics()
        .annotate(
            article_count=Count("articles", filter=Q(articles__in=Article.objects.published()))
        )
        .filter(article_count__gt=0)
    )
    add(request, TOPICS, LISTING)
    return render(request, "articles/tag_list.html", {"tags": tags})


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag.objects.topics(), slug=slug)
    page = listing_page(
        request,
        lambda: Article.objects.published().filter(tags=tag).values_list("pk", flat=True),
        tag,
    )
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


@require_safe
def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    # The page's own fragments, its list's, and what other apps show here (the articles they
    # reviewed): their generations in one query, their kept values in one cache read.
    others = [part for parts in AUTHOR_PAGE_FRAGMENTS for part in parts(request, author)]
    named = [author_page_fragment(author), kept_page_fragment(request, tag_for(author), author)]
    fragments.prefetch(request, CARDS_READ_BY, [*named, *others])
    page = listing_page(
        request, lambda: Article.objects.published().by(author).values_list("pk", flat=True), author
    )
    context = {"author": author, "page": page, "content": author_content(request, author)}
    return render(request, "articles/author_detail.html", context)


@require_safe
def page_detail(request, slug):
    pages = Page.objects.all()
    if not request.user.has_perm("articles.change_page"):
        pages = pages.published()
    page = get_object_or_404(pages, slug=slug)
    add(request, page_key(page.slug))
    response = render(request, "articles/page_detail.html", {"page": page})
    if not page.is_public:
        add_never_cache_headers(response)  # an editor's preview of a draft
    return response


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    synonyms = synonym_sets() if query else []

    def results_for(text):
        # Results show a snippet of the body, so it is loaded here (and only here) for a list.
        results = search_articles(text, synonyms).for_listing().defer(None)
        return paginate(request, results.defer("search_vector"))

    page = results_for(query) if query else None
    searched, suggested = query, None
    if page is not None and not page.paginator.count:
        suggested = suggestion(query, synonyms)
        if suggested:
            page, searched = results_for(suggested), suggested
    if page is not None:
        marked = " ".join(alternatives(searched, synonyms))
        for article in page.object_list:
            article.snippet = snippet(article, marked)
    popular = []
    if page is None or not page.paginator.count:
        popular = (
            Tag.objects.topics()
            .annotate(
                article_count=Count("articles", filter=Q(articles__in=Article.objects.published()))
            )
            .filter(article_count__gt=0)
            .order_by("-article_count", "name")[:8]
        )
    context = {"query": query, "suggested": suggested, "page": page, "popular_tags": popular,
               "page_params": urlencode({"q": query})}  # fmt: skip
    return render(request, "articles/search.html", context)


@require_safe
def opensearch(request):
    """The OpenSearch description browsers use to add the site's search."""
    return render(
        request, "articles/opensearch.xml",
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )  # fmt: skip
