"""Redis as the shared cache, with a per-process stand-in while Redis is unreachable.

django-redis can ignore connection errors, but "ignored" means every ``add`` fails, and
django-allauth's rate limiter then cannot take its lock and answers 429 to every login. Here a
failed Redis call switches the process to a local-memory cache for ``RETRY_AFTER`` seconds, so
pages, logins and rate limits keep working (per process) until Redis is back. Rendered
fragments are safe in the stand-in too: their keys carry generations kept in the database
(core/fragments.py), so a change made meanwhile on another server is never hidden.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django_prometheus.cache.backends.redis import RedisCache  # counts hits and misses
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FAILURES = (ConnectionInterrupted, RedisError, OSError)


class FailoverRedisCache(RedisCache):
    RETRY_AFTER = 30.0  # seconds between attempts to reach Redis again

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": False}}
        super().__init__(server, params)
        self._fallback = LocMemCache(
            f"redis-failover-{id(self)}", {"TIMEOUT": self.default_timeout}
        )
        self._redis_down_until = 0.0

    @property
    def redis_is_down(self):
        return time.monotonic() < self._redis_down_until

    def went_down(self, error):
        logger.warning("Redis unreachable (%s); using a local cache for %ss.", error,
                       self.RETRY_AFTER)  # fmt: skip
        self._redis_down_until = time.monotonic() + self.RETRY_AFTER


def _with_failover(name):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if self.redis_is_down:
            return getattr(self._fallback, name)(*args, **kwargs)
        try:
            return redis_method(self, *args, **kwargs)
        except FAILURES as error:
            self.went_down(error)
            return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in ("get", "set", "add", "delete", "get_many", "set_many", "delete_many", "has_key",
              "incr", "decr", "touch", "clear"):  # fmt: skip
    setattr(FailoverRedisCache, _name, _with_failover(_name))
