"""Uploaded images are refused over a byte limit, over a pixel budget, and when their content is
not the image type their name claims; each with a clear form error, and nothing saved."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Author

pytestmark = pytest.mark.django_db


def image_file(name, size=(40, 40), fmt="PNG", mode="RGB", noise=False, append=b""):
    buffer = io.BytesIO()
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new(mode, size)
    image.save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue() + append)


def add_author(client, photo):
    return client.post(
        reverse("admin:articles_author_add"),
        {"name": "Ida Lund", "slug": "ida-lund", "short_bio": "Ida writes.", "photo": photo},
    )


def test_a_normal_portrait_is_accepted(client, editor):
    client.force_login(editor)
    response = add_author(client, image_file("ida.png"))
    assert response.status_code == 302
    assert Author.objects.get(slug="ida-lund").photo.name.endswith(".png")


def test_a_tiny_file_that_decodes_to_a_huge_bitmap_is_refused(client, editor):
    client.force_login(editor)
    bomb = image_file("bomb.png", size=(10_000, 10_000), mode="1")
    assert bomb.size < 100_000
    response = add_author(client, bomb)
    assert response.status_code == 200
    assert "10,000 × 10,000 pixels; the limit is 40,000,000 pixels" in response.content.decode()
    assert not Author.objects.filter(slug="ida-lund").exists()


def test_an_image_over_the_byte_limit_is_refused(client, editor, settings):
    settings.IMAGE_MAX_BYTES = 1024 * 1024
    client.force_login(editor)
    large = image_file("large.png", size=(800, 800), noise=True)
    assert large.size > settings.IMAGE_MAX_BYTES
    response = add_author(client, large)
    assert "the limit is 1.0\xa0MB" in response.content.decode()
    assert not Author.objects.filter(slug="ida-lund").exists()


def test_a_gif_with_a_script_named_jpg_is_refused(client, editor):
    client.force_login(editor)
    disguised = image_file("photo.jpg", fmt="GIF", append=b"<script>alert(1)</script>")
    response = add_author(client, disguised)
    assert "This file is a GIF file, but its name ends in .jpg" in response.content.decode()
    assert not Author.objects.filter(slug="ida-lund").exists()


def test_a_file_that_is_not_an_image_is_refused(client, editor):
    client.force_login(editor)
    response = add_author(client, SimpleUploadedFile("notes.png", b"just text"))
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not Author.objects.exists()
