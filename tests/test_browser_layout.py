"""Phones and keyboards: no page scrolls sideways at 390 px, and the focus ring is visible
against whatever it sits on (WCAG 1.4.11: 3:1)."""

import re

import pytest
from django.urls import reverse

from articles.revisions import save_article
from comments.models import Comment, Flag
from subscriptions.links import manage_token
from subscriptions.models import Subscriber, Subscription
from tests.browser import log_in, screenshot
from tests.factories import PASSWORD, make_article, make_tag, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def overflow(page, url):
    page.goto(url)
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_no_page_scrolls_sideways_on_a_phone(live_server, browser_page, author):
    page, base = browser_page, live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    tag = make_tag("Sleep")
    article = make_article(author, title="Why do we yawn when others yawn near us?", tags=[tag])
    reader = make_user("reader")
    make_user("moderator", groups=["Moderators"], staff=True)
    make_user("editor", groups=["Editors"], staff=True)
    comment = Comment.objects.create(article=article, author=reader, body="A" * 300 + " long",
                                     status="pending")  # fmt: skip
    Flag.objects.create(comment=comment, user=make_user("flagger"), reason="misinformation",
                        note="Presented as fact.")  # fmt: skip
    article.revisions.update(created_at=article.published_at)
    article.body += "<p>" + "A much longer added paragraph about yawning. " * 8 + "</p>"
    update = save_article(article, change_note="Added what the latest studies found.")
    subscriber = Subscriber.objects.create(email="a-rather-long-address-for-a-phone@example.org")
    Subscription.objects.create(subscriber=subscriber, article=article)
    public = [
        "/",
        article.get_absolute_url(),
        reverse("articles:article_update", args=[article.slug, update.number]),
        reverse("subscriptions:manage", args=[manage_token(subscriber)]),
        "/search/?q=yawnning",
        tag.get_absolute_url(),
        author.get_absolute_url(),
        "/search/?q=yawn",
        "/tags/",
        "/pages/about/",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    wide = {url: overflow(page, f"{base}{url}") for url in public}
    log_in(page, base, "moderator", PASSWORD)
    for url in ["/moderation/", "/moderation/queue/all/", f"/moderation/comments/{comment.pk}/",
                f"/moderation/users/{reader.pk}/"]:  # fmt: skip
        wide[url] = overflow(page, f"{base}{url}")
    page.context.clear_cookies()
    log_in(page, base, "editor", PASSWORD)
    for url in [reverse("admin:articles_article_revisions", args=[article.pk]),
                reverse("admin:articles_article_compare", args=[article.pk]) + "?from="
                + str(article.revisions.order_by("number").first().pk) + "&to=current",
                reverse("admin:reviews_freshness")]:  # fmt: skip
        wide[url] = overflow(page, f"{base}{url}")
    too_wide = {url: pixels for url, pixels in wide.items() if pixels > 0}
    if too_wide:
        page.goto(f"{base}{next(iter(too_wide))}")
        screenshot(page, "layout-too-wide")
    assert not too_wide, f"wider than 390 px by: {too_wide}"


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css):
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


def test_the_focus_ring_has_3_to_1_contrast_where_it_sits(live_server, browser_page, article):
    page, base = browser_page, live_server.url
    page.goto(f"{base}{article.get_absolute_url()}")
    checked = 0
    for selector in [".skip-link", ".site-name", ".nav a", ".site-search button",
                     ".article__body a", ".site-footer a", "#comment-form a"]:  # fmt: skip
        element = page.locator(selector).first
        if not element.count():
            continue
        element.focus()
        outline, background = page.evaluate(
            """el => {
                const style = getComputedStyle(el);
                // The ring is drawn outside the element, on its parent's background.
                let node = el.parentElement, bg = 'rgba(0, 0, 0, 0)';
                while (node && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
                    bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
                }
                return [style.outlineColor, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg];
            }""",
            element.element_handle(),
        )
        ratio = contrast(rgb(outline), rgb(background))
        assert ratio >= 3, f"{selector}: focus {outline} on {background} is {ratio:.2f}:1"
        checked += 1
    assert checked >= 5
