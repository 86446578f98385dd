"""Every image articles and authors already use becomes a library asset (the same stored file,
not a copy), with the alt text, caption and credit it had where it was used."""

import hashlib
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.db import migrations


def digest(name):
    sha = hashlib.sha256()
    try:
        with default_storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 16), b""):
                sha.update(chunk)
    except OSError:
        return None  # the file is gone: nothing to put in the library
    return sha.hexdigest()


def into_the_library(apps, schema_editor):
    Asset = apps.get_model("library", "Asset")
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    found = set(Asset.objects.values_list("sha256", flat=True))

    def add(name, alt, caption="", credit=""):
        sha = digest(name)
        if sha is None or sha in found:
            return
        found.add(sha)
        Asset.objects.create(
            file=name, kind="image", title=PurePosixPath(name).stem.replace("-", " ")[:200],
            alt=alt[:250], decorative=not alt, caption=caption[:300], credit=credit[:200],
            sha256=sha, description="Moved into the library from where it was used.",
        )  # fmt: skip

    for article in Article.objects.exclude(hero_image="").iterator():
        add(article.hero_image.name, article.hero_alt, article.hero_caption, article.hero_credit)
    for author in Author.objects.exclude(photo="").iterator():
        add(author.photo.name, f"Portrait of {author.name}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_coauthors"),
        ("library", "0001_media_library"),
    ]

    operations = [migrations.RunPython(into_the_library, migrations.RunPython.noop)]
