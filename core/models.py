from django.db import models


class CacheGeneration(models.Model):
    """The current generation of a cache tag (core/fragments.py).

    A fragment is stored under a key made of the generations of the tags it shows. A change
    bumps its tags' generations in the transaction that makes it, so every server stops finding
    the old fragment the moment the change commits, whatever the cache was doing meanwhile: a
    Redis outage, a process that exited, a clock that disagrees. A tag never changed has no row
    (generation "0").
    """

    tag = models.CharField(max_length=200, primary_key=True)
    generation = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.tag} @ {self.generation}"
