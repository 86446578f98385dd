"""Responsive images: AVIF and WebP renditions with a JPEG fallback, width and height always,
generated once, and no image (never an error) when the original is missing or corrupt."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles.revisions import save_article
from core import images
from demo.images import hero_image

pytestmark = pytest.mark.django_db


def hero_html(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    return re.search(r'<figure class="hero">(.*?)</figure>', html, re.S).group(1)


def test_the_hero_is_a_picture_in_modern_formats_with_dimensions(client, illustrated):
    html = hero_html(client, illustrated)
    assert '<source type="image/avif" srcset="' in html
    assert '<source type="image/webp" srcset="' in html
    img = re.search(r"<img [^>]*>", html).group(0)
    assert 'width="780" height="410"' in img and 'alt="A gradient"' in img
    assert " 390w" in img and " 1200w" in img and 'loading="eager"' in img
    for url in re.findall(r"/media/(renditions/[^ \"]+)", html):
        assert default_storage.exists(url), url


def test_image_bytes_at_phone_width_are_at_least_60_percent_smaller(client, illustrated):
    """What a 390 px screen downloads for the article (hero and author photo), before and now."""
    before = illustrated.hero_image.size + illustrated.author.photo.size
    html = client.get(illustrated.get_absolute_url()).content.decode()
    hero = re.search(r'type="image/avif" srcset="/media/(\S+) 390w', html).group(1)
    photo = re.search(r'type="image/avif" srcset="/media/(\S+) 1x', html).group(1)
    after = default_storage.size(hero) + default_storage.size(photo)
    assert after <= before * 0.4, (before, after)


def test_author_photos_are_sharp_on_high_density_screens(client, illustrated):
    """A photo always shown 96 (article) or 128 (author page) CSS pixels wide comes at 1× and
    2×, so a 2× screen never shows the 1× rendition enlarged."""
    pages = [(illustrated.get_absolute_url(), 96), (illustrated.author.get_absolute_url(), 128)]
    for url, shown in pages:
        html = client.get(url).content.decode()
        img = re.search(r'<img class="author-box__photo"[^>]*>', html).group(0)
        assert f'width="{shown}"' in img and "sizes=" not in img
        srcset = re.search(r'srcset="([^"]+)"', img).group(1)
        one, two = (candidate.split() for candidate in srcset.split(", "))
        assert one[0].endswith(f"-{shown}.jpg") and one[1] == "1x"
        assert two[0].endswith(f"-{2 * shown}.jpg") and two[1] == "2x"
        assert default_storage.exists(two[0].removeprefix("/media/"))
        assert f"-{2 * shown}.avif 2x" in html


def test_renditions_are_generated_once(client, illustrated, monkeypatch):
    client.get(illustrated.get_absolute_url())
    client.get("/")

    def refuse(*args, **kwargs):
        raise AssertionError("generated again")

    monkeypatch.setattr(images, "_generate", refuse)
    assert client.get(illustrated.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_missing_or_corrupt_original_gives_no_image_not_an_error(client, illustrated, damage):
    name = illustrated.hero_image.name
    default_storage.delete(name)
    if damage == "corrupt":
        default_storage.save(name, ContentFile(b"not an image at all"))
    response = client.get(illustrated.get_absolute_url())
    assert response.status_code == 200
    assert "<picture>" not in hero_html(client, illustrated)
    assert client.get("/").status_code == 200


def test_cards_use_small_renditions_and_load_lazily(client, illustrated):
    html = client.get(illustrated.tags.get().get_absolute_url()).content.decode()
    card = re.search(r'<article class="card.*?</article>', html, re.S).group(0)
    assert " 320w" in card and " 640w" in card and 'loading="lazy"' in card
    assert re.search(r'<img class="card__image"[^>]* width="\d+" height="\d+"', card)


def test_inline_body_images_become_lazy_responsive_pictures(client, article):
    name = default_storage.save(
        "inline/chart.jpg", hero_image("chart.jpg", ["#112233", "#ddeeff"], "c")
    )
    article.body += (
        f'<p><img src="/media/{name}" alt="A chart of sleep hours" width="1200" height="630"></p>'
        '<p><img src="https://elsewhere.example/x.png" alt="Elsewhere"></p>'
    )
    save_article(article, change_note="Added a chart.")
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('class="article__body prose"')[1].split("</div>")[0]
    assert '<source type="image/avif"' in body and 'alt="A chart of sleep hours"' in body
    assert re.search(r'<img src="/media/renditions/[^"]+" srcset="[^"]+ 390w', body)
    assert 'src="https://elsewhere.example/x.png" alt="Elsewhere" loading="lazy"' in body
    assert body.count('loading="lazy"') == 2
