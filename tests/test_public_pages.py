"""What readers see: every public page, the article anatomy, drafts, tags and query counts."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag
from articles.revisions import save_article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def test_the_article_page_has_the_whole_anatomy(client, full_article):
    response = client.get(full_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    year = full_article.published_at.year
    for expected in (
        '<h1 class="article__title">What causes hiccups?</h1>',
        "Hiccups are a reflex. Here is what sets them off.",
        "<h2>Common triggers</h2>",
        f"Originally published in {year}, this post is regularly updated.",
        "Last updated on",
        "Added advice on hiccups lasting over 48 hours.",
        "Medical disclaimer.",
        "not a substitute for advice from a doctor",
        'href="/tags/',
        ">Digestion</a>",
        "About the author: Nadia Brooks, PhD",
        "Nadia writes about sleep research.",
        "Read more",
        "View all posts by Nadia Brooks",
        "Medically reviewed by",
        "Omar Haddad, MD",
        'id="comments"',
        "Comments Policy",
        '"@type": ["Article", "MedicalWebPage"]',
        '<link rel="canonical"',
    ):
        assert expected in html, expected


def test_the_hero_image_shows_alt_caption_and_credit(client, author, tmp_path, settings):
    from demo.images import hero_image

    settings.MEDIA_ROOT = tmp_path
    article = make_article(
        author, hero_alt="Knee X-ray", hero_caption="An X-ray.", hero_credit="© Ann Lee | Pics"
    )
    article.hero_image.save("hero.jpg", hero_image("hero.jpg", ["#000000", "#ffffff"], 1))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Knee X-ray"' in html
    assert "An X-ray." in html
    assert "© Ann Lee | Pics" in html


def test_drafts_are_404_to_the_public_and_previewable_by_editors(client, author, editor, reader):
    draft = make_article(author, status=Article.Status.DRAFT, title="Unfinished piece")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(reader)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not public. This article is a draft" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "Unfinished piece" not in client.get("/").content.decode()


def test_scheduled_articles_stay_hidden_until_their_time(client, author):
    article = make_article(author, published_at=timezone.now() + timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_empty_tag_list_of_the_old_site_never_appears(client, author):
    untagged = make_article(author)
    html = client.get(untagged.get_absolute_url()).content.decode()
    assert 'aria-label="Tags"' not in html
    assert not re.search(r"Tags:\s*,", html)


def test_a_tag_name_can_never_be_empty(db):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    with pytest.raises(ValidationError):
        Tag.objects.create(name="  \x00 ", slug="blank")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.bulk_create([Tag(name="", slug="empty")])  # bypasses save(): the DB refuses
    assert not Tag.objects.exists()


def test_the_update_line_is_honest_without_updates(client, author):
    article = make_article(author)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "not updated since" in html
    assert "Last updated" not in html


def test_home_lists_featured_and_latest(client, author):
    featured = make_article(author, title="A featured piece", featured=True)
    latest = make_article(author, title="A regular piece")
    html = client.get("/").content.decode()
    assert "Featured" in html
    assert featured.title in html and latest.title in html


def test_the_first_featured_card_is_large_and_its_picture_loads_at_once(client, illustrated):
    illustrated.featured = True
    save_article(illustrated, change_note="", minor=True)
    older = timezone.now() - timedelta(days=90)
    make_article(illustrated.author, title="Second featured", featured=True, published_at=older)
    featured = client.get("/").content.decode().split('id="latest-heading"')[0]
    cards = re.findall(r'<article class="([^"]+)">(.*?)</article>', featured, re.S)
    assert [css for css, _ in cards] == ["card card--large", "card"]
    assert 'loading="eager"' in cards[0][1] and 'fetchpriority="high"' in cards[0][1]
    tag_page = client.get(illustrated.tags.get().get_absolute_url()).content.decode()
    assert "card--large" not in tag_page and 'loading="lazy"' in tag_page


def test_kept_cards_show_each_change_to_their_article_author_or_tags(client, author):
    """Cards are rendered once and kept (articles.fragments): every change shows at once anyway,
    on every list, with the whole-page cache off as here."""
    tag = make_tag("Sleep")
    article = make_article(author, title="Is napping good for you?", tags=[tag])
    lists = ("/", tag.get_absolute_url(), author.get_absolute_url())

    def every_list_shows(text):
        return all(text in client.get(url).content.decode() for url in lists)

    assert every_list_shows("Is napping good for you?") and every_list_shows(">Sleep<")
    tag.name = "Sleep and rest"
    tag.save()
    assert every_list_shows(">Sleep and rest<")
    author.credentials = "RD"
    author.save()
    assert every_list_shows(author.byline) and author.byline.endswith("RD")
    article.title = "Are naps good for adults?"
    save_article(article, change_note="", minor=True)
    assert every_list_shows("Are naps good for adults?")
    assert not any("Is napping good" in client.get(url).content.decode() for url in lists)
    article.tags.add(make_tag("Naps"))
    assert every_list_shows(">Naps<")


def test_only_a_change_to_a_listed_card_renders_the_lists_cards_again(author, editor):
    """A list's cards are kept together under ``cards``: a published article's edit moves it, a
    draft's edit and a change of related articles (no card shows them) do not."""
    from articles.models import Article
    from core.models import CacheGeneration

    def cards():
        return CacheGeneration.objects.filter(tag="cards").values_list("generation", flat=True)

    live = make_article(author, title="Is coffee bad for you?")
    draft = make_article(author, title="Is tea better?", status=Article.Status.DRAFT)
    neighbour = make_article(author, title="How much caffeine is too much?")
    before = list(cards())
    draft.title = "Is green tea better?"
    save_article(draft, editor=editor, change_note="")
    live.related.add(neighbour)
    assert list(cards()) == before
    live.title = "Is coffee good for you?"
    save_article(live, editor=editor, change_note="")
    assert list(cards()) != before


def test_a_kept_home_page_reads_the_cache_twice_its_list_then_all_its_cards(
    client, author, cache_reads
):
    """The home view names the cards its template will ask for (``prefetch_cards``: the featured
    ones leading large, then the latest); if the two stopped agreeing, each list of cards would
    cost a cache read of its own."""
    for number in range(6):
        make_article(author, featured=number < 3)
    client.get("/")
    reads = cache_reads
    reads.clear()
    assert "Featured" in client.get("/").content.decode()
    assert len(reads) == 2 and len(reads[1]) == 2


def test_a_kept_author_page_reads_the_cache_twice_its_parts_then_its_cards(
    client, author, clinician, cache_reads
):
    """The author page reads its own kept parts, its list's ids and the articles they reviewed
    (reviews/apps.py names them) in one cache read, then its cards in another; each still shows
    what changed."""
    from tests.factories import make_review

    articles = [make_article(author, title=f"Sleep question {number}") for number in range(2)]
    make_review(articles[0], clinician)
    url = clinician.get_absolute_url()
    make_article(clinician, title="Why do we yawn?")
    client.get(url)
    reads = cache_reads
    reads.clear()
    html = client.get(url).content.decode()
    assert "Why do we yawn?" in html and "Sleep question 0" in html
    assert len(reads) == 2 and len(reads[0]) == 3
    make_review(articles[1], clinician)
    assert "Sleep question 1" in client.get(url).content.decode()


def test_home_is_paginated(client, author, settings):
    settings.ARTICLES_PER_PAGE = 2
    for number in range(5):
        make_article(author, title=f"Piece number {number}")
    page_two = client.get("/?page=2")
    assert page_two.status_code == 200
    assert "Page 2 of 3" in page_two.content.decode()
    assert client.get("/?page=9").status_code == 404
    assert client.get("/?page=abc").status_code == 404


def test_tag_pages(client, article):
    tag = article.tags.get()
    listing = client.get(reverse("articles:tag_list"))
    assert listing.status_code == 200 and tag.name in listing.content.decode()
    detail = client.get(tag.get_absolute_url())
    assert detail.status_code == 200
    assert article.title in detail.content.decode()
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_author_page_has_full_bio_and_articles(client, article):
    response = client.get(article.author.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nadia spent ten years in a sleep laboratory." in html
    assert 'id="bio"' in html
    assert article.title in html


def test_the_kept_author_page_shows_each_change_to_the_author(client, article):
    """The author's portrait, name, biography and structured data are kept with the page
    (articles.fragments.author_content) until the author changes."""
    author, url = article.author, article.author.get_absolute_url()
    assert "Nadia spent ten years" in client.get(url).content.decode()
    author.name, author.full_bio = "Nadia Okafor-Lee", "<p>Nadia now runs a sleep clinic.</p>"
    author.save()
    html = client.get(url).content.decode()
    assert "Nadia now runs a sleep clinic." in html and "Nadia spent ten years" not in html
    assert "<h1>Nadia Okafor-Lee" in html and '"name": "Nadia Okafor-Lee"' in html


def test_pages_sitemap_and_robots(client, article):
    for slug in ("about", "disclaimer", "comments-policy"):
        assert client.get(reverse("articles:page_detail", args=[slug])).status_code == 200
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert article.get_absolute_url() in sitemap.content.decode()
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


def test_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_friendly_500_without_a_stack_trace(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database exploded")

    monkeypatch.setattr("articles.views.Article.objects.published", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "database exploded" not in html and "Traceback" not in html


def test_every_public_page_has_exactly_one_h1(client, full_article):
    urls = [
        "/",
        full_article.get_absolute_url(),
        "/tags/",
        full_article.tags.first().get_absolute_url(),
        full_article.author.get_absolute_url(),
        "/pages/about/",
        "/pages/disclaimer/",
        "/pages/comments-policy/",
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        "/no-such-page/",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1\b", html)) == 1, url


def test_templates_have_no_inline_scripts_or_handlers(client, full_article):
    """A strict Content-Security-Policy can be turned on: no inline code anywhere public."""
    for url in ("/", full_article.get_absolute_url(), "/tags/", reverse("account_login")):
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script\b([^>]*)>", html)
        assert all('type="application/ld+json"' in attrs for attrs in scripts), url
        assert not re.search(r"\son[a-z]+\s*=", html), url


def grow(article, *, tags, revisions, related, editor):
    for _ in range(tags):
        article.tags.add(make_tag())
    for number in range(revisions):
        article.body += f"<p>Update {number}.</p>"
        save_article(article, editor=editor, change_note=f"Update {number}")
    for _ in range(related):
        article.related.add(make_article(article.author))


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_article_page_query_count_does_not_grow(
    client, author, editor, django_assert_max_num_queries
):
    """A kept page asks only for the generations of its fragments (core/fragments.py), the
    article's own narrow row among them (articles.fragments.public_article: the request after
    the first one keeps it). The first request: 1 the narrow row, 2 the generations. Rendering
    the page's own parts (articles.fragments), only after a change: 3 the article with its
    author and reviewer, 4 tags, 5 sources, 6 public updates, 7 explicit related, 8 tag-based
    related fallback, 9 the next scheduled publication (when the related articles may change by
    themselves), 10 disclaimer text, 11 latest medical review, 12 the body (its responsive
    version is kept too), 13 the further authors on the byline. The comment section: 14
    moderation settings, 15 the article author's account (the "author" badge), 16 top-level
    comment count, 17 approved comment count (with comments, the top-level page and their
    replies: see test_comments_page.py); kept for anonymous readers."""
    small = make_article(author, tags=[make_tag()])
    grow(small, tags=1, revisions=1, related=1, editor=editor)
    large = make_article(author, tags=[make_tag()])
    grow(large, tags=25, revisions=40, related=2, editor=editor)
    counts = {}
    for name, article in (("small", small), ("large", large)):
        url = article.get_absolute_url()
        first = count_queries(client, url, django_assert_max_num_queries, 17)
        count_queries(client, url, django_assert_max_num_queries, 2)
        kept = count_queries(client, url, django_assert_max_num_queries, 1)
        counts[name] = (first, kept)
    assert counts["small"] == counts["large"]


def test_the_kept_article_row_follows_its_article_and_its_address(client, author, editor):
    """The page keeps the article's row, found through the id last seen at its address
    (articles.fragments.public_article): a change to the article, to its address or to which
    article holds that address shows on the next request."""
    from freezegun import freeze_time

    article = make_article(author, title="Is napping good for you?", slug="napping")
    for _ in range(2):  # read, then kept
        assert "Is napping good for you?" in client.get("/articles/napping/").content.decode()
    article.title = "Are naps good for you?"
    save_article(article, editor=editor, change_note="A clearer title.")
    assert "Are naps good for you?" in client.get("/articles/napping/").content.decode()
    article.slug = "naps"
    save_article(article, editor=editor, change_note="A shorter address.", minor=True)
    assert client.get("/articles/napping/").status_code == 404
    assert "Are naps good for you?" in client.get("/articles/naps/").content.decode()

    taken = make_article(author, title="Napping at work", slug="napping")
    assert "Napping at work" in client.get("/articles/napping/").content.decode()
    taken.status = Article.Status.ARCHIVED
    save_article(taken, editor=editor, change_note="Withdrawn.", minor=True)
    assert client.get("/articles/napping/").status_code == 410

    later = timezone.now() + timedelta(days=1)
    article.status, article.published_at = Article.Status.SCHEDULED, later
    save_article(article, editor=editor, change_note="Held back a day.", minor=True)
    assert client.get("/articles/naps/").status_code == 404
    with freeze_time(later + timedelta(minutes=1)):  # live at its minute, kept row or not
        assert "Are naps good for you?" in client.get("/articles/naps/").content.decode()
        Article.objects.filter(pk=article.pk).delete()
        assert client.get("/articles/naps/").status_code == 404


def test_the_kept_article_content_shows_every_change_at_once(
    client, author, editor, clinician, regular
):
    """The article without its comments is rendered once per change (articles.fragments) and
    shared by every reader, logged in or not: each change below shows on the next request."""
    from freezegun import freeze_time

    from articles.models import Page
    from tests.factories import make_review

    sleep = make_tag("Sleep")
    article = make_article(author, title="Is napping good for you?", tags=[sleep])
    neighbour = make_article(author, title="How long should a nap be?", tags=[sleep])
    client.force_login(regular)  # never served from the whole-page cache
    url = article.get_absolute_url()

    def page():
        return client.get(url).content.decode()

    assert "How long should a nap be?" in page()
    article.body = "<p>Naps of twenty minutes help most adults.</p>"
    save_article(article, editor=editor, change_note="Added advice on nap length.")
    assert "Naps of twenty minutes" in page()
    neighbour.title = "What is the best length for a nap?"
    save_article(neighbour, change_note="", minor=True)
    assert "What is the best length for a nap?" in page()
    sleep.name = "Sleep and rest"
    sleep.save()
    assert ">Sleep and rest<" in page()
    make_review(article, clinician)
    assert "Medically reviewed by" in page() and clinician.name in page()
    Page.objects.update_or_create(slug="disclaimer", defaults={
        "title": "Medical disclaimer", "summary": "Talk to your own doctor first."})  # fmt: skip
    assert "Talk to your own doctor first." in page()
    soon = timezone.now() + timedelta(hours=1)
    make_article(author, title="Do naps help night shifts?", tags=[sleep], published_at=soon)
    assert "Do naps help night shifts?" not in page()
    with freeze_time(soon + timedelta(minutes=1)):
        assert "Do naps help night shifts?" in page()  # live at its minute, without a save


def test_a_preview_of_a_draft_is_never_kept(client, author, editor):
    draft = make_article(author, title="A draft about sleep", status=Article.Status.DRAFT)
    client.force_login(editor)
    assert "A draft about sleep" in client.get(draft.get_absolute_url()).content.decode()
    Article.objects.filter(pk=draft.pk).update(title="A retitled draft")  # no signal at all
    assert "A retitled draft" in client.get(draft.get_absolute_url()).content.decode()


def test_listing_query_counts_do_not_grow(client, author, django_assert_max_num_queries):
    """A list page reads the generations of its list and of its cards kept together in one
    query (core/fragments.py); then, once per change of the list, its articles' ids with the
    length of the list (and the featured ones on the home page, and when the next scheduled
    article goes live); once per change of any card, the generations of each card, and each
    card once per change of what it shows (its articles with their authors, then their tags,
    then their further authors). Kept, the home page costs that one query; a tag's page reads
    its tag too, an author's their author (the articles they reviewed are kept too)."""
    tag = make_tag("Shared")
    for number in range(6):  # three featured, three more under "Latest"
        make_article(author, tags=[tag, make_tag()], featured=number < 3)
    urls = {"/": (13, 1), tag.get_absolute_url(): (10, 2), author.get_absolute_url(): (12, 2),
            "/tags/": (1, 1)}  # fmt: skip

    def counts():
        cache.clear()
        return {
            url: (count_queries(client, url, django_assert_max_num_queries, first),
                  count_queries(client, url, django_assert_max_num_queries, kept))
            for url, (first, kept) in urls.items()
        }  # fmt: skip

    few = counts()
    for _ in range(25):
        make_article(author, tags=[tag, make_tag(), make_tag()], featured=True)
    assert counts() == few


def test_one_date_style_on_home_article_and_queue(client, article, moderator):
    from comments.models import Comment

    Comment.objects.create(article=article, author=moderator, body="Dated.", status="approved")
    day = article.published_at.strftime("%-d %B %Y")
    pages = {"/": client.get("/").content.decode(),
             "article": client.get(article.get_absolute_url()).content.decode()}  # fmt: skip
    client.force_login(moderator)
    pages["queue"] = client.get("/moderation/queue/all/").content.decode()
    for name, html in pages.items():
        shown = re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", html)
        assert shown, name
        for text in shown:
            assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}(, \d{2}:\d{2})?", text), (name, text)
    assert day in pages["article"]


def test_featured_articles_are_not_repeated_under_latest(client, author):
    featured = make_article(author, title="The featured piece", featured=True)
    make_article(author, title="An ordinary piece")
    html = client.get("/").content.decode()
    latest = html.split('id="latest-heading"')[1]
    assert featured.title in html.split('id="latest-heading"')[0]
    assert featured.title not in latest and "An ordinary piece" in latest


def test_the_site_has_a_favicon_and_a_touch_icon(client, db):
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in html
    assert 'rel="apple-touch-icon" href="/static/apple-touch-icon.png"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_a_same_day_update_shows_its_public_note(client, author, editor):
    from freezegun import freeze_time

    from articles.revisions import save_article

    with freeze_time("2026-05-04 09:00"):
        article = make_article(author, title="Sunburn: what helps", published_at=None)
    with freeze_time("2026-05-04 15:30"):
        article.body += "<p>Cool showers help; butter does not.</p>"
        save_article(article, editor=editor, change_note="Added what not to put on a burn.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Added what not to put on a burn." in html
    assert "Update history (1 update)" in html
    assert "Published and updated on" in html and "not updated since" not in html
    assert "Last updated" not in html  # the public date keeps day granularity


def test_every_page_frame_links_where_it_says(client, db, editor):
    """The header, footer and <head> links (reversed once per process) point at their pages,
    and the <head>'s static files at the files."""
    from django.templatetags.static import static

    page = client.get("/").content.decode()
    for path in ("favicon.svg", "apple-touch-icon.png", "css/site.css", "css/print.css"):
        assert f'href="{static(path)}"' in page, path
    assert client.get("/no-such-page/").content.decode().count(static("css/site.css")) == 1
    for address in [
        reverse("articles:feed"), reverse("articles:feed_atom"), reverse("articles:opensearch"),
        reverse("articles:search"), reverse("articles:tag_list"), reverse("account_signup"),
        *(reverse("articles:page_detail", args=[slug])
          for slug in ("about", "disclaimer", "comments-policy", "privacy")),
    ]:  # fmt: skip
        assert f'="{address}"' in page, address
    assert f'href="{reverse("account_login")}?next=/"' in page
    client.force_login(editor)
    page = client.get("/").content.decode()
    for address in [reverse("admin:index"), reverse("comments:preferences"),
                    reverse("account_logout")]:  # fmt: skip
        assert f'="{address}"' in page, address
