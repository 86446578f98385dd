"""How the page cache (core/page_cache.py) stores what it keeps, and reads it back when fresh.

An entry is a value with the stamps of everything it shows, as they were when it was kept; it
is fresh while each of those stamps is unchanged. With Redis that takes one round trip: a
script compares the entries' stamps where they live, and the values come back with its answer,
so a page served from the cache costs a single request to Redis. With any other
Django cache (local memory, in development and tests) it takes two: the entries, then their
stamps.

In Redis an entry is two keys written together (a header with the stamps, and the value), each
carrying the entry's random id. The script and the read of the values are not one transaction
(MULTI/EXEC added about a fifth to a kept read: 165–172 against 127–148 µs here): another
server may replace the entry in between, so a value is used only when its id is the one of the
header found fresh.

Each process also holds the entries it read or wrote lately (``LocalEntries``). For those, a read
is a single MGET of their stamps, compared with the ones they were kept with: no script, and no
value crossing the network. Freshness is decided by the same rule, in Redis, on every read; an
entry found stale that way is read again from Redis, where another server may have kept it anew.
"""

import json
import pickle
import secrets
import threading
from collections import OrderedDict
from itertools import chain
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import NoScriptError, ResponseError

STAMP_PREFIX = "stamp:"
_MARK = b"KE3"  # what an entry's header begins with; anything else under its key is stale
_VALUE = ":value"  # the value's key is the entry's key with this after it

# KEYS: the entries' keys; ARGV[1]: the prefix of the stamps' keys. Gives, for each key, the
# entry's header if it is in this format and every stamp it was kept with is still current,
# else false. (The values themselves stay out of the script: a long string costs Lua a copy.)
_FRESH_HEADERS = """
local found = {}
for i, key in ipairs(KEYS) do
  found[i] = false
  local header = redis.call('GET', key)
  if header and string.sub(header, 1, 3) == 'KE3' then
    local ok, decoded = pcall(cjson.decode, string.sub(header, 4))
    if ok then
      local fresh = true
      for name, stamp in pairs(decoded.stamps) do
        if redis.call('GET', ARGV[1] .. name) ~= stamp then
          fresh = false
          break
        end
      end
      if fresh then found[i] = header end
    end
  end
end
return found
"""
_script_sha = None


class Held(NamedTuple):
    """An entry as this process holds it: pickled (every read gets its own copy, as from
    Redis), with its stamps and, ready to compare, the keys of those stamps and their values
    as Redis stores them."""

    pickled: bytes
    stamps: dict
    valid_until: float | None
    stamp_keys: list
    expected: list


class LocalEntries:
    """The entries this process read or wrote lately, by key: the least recently used go first
    once their values take more than ``settings.PAGE_CACHE_LOCAL_BYTES``."""

    def __init__(self):
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # the development server answers in threads

    def get_many(self, keys):
        with self._lock:
            found = {key: self._entries[key] for key in keys if key in self._entries}
            for key in found:
                self._entries.move_to_end(key)
            return found

    def put(self, key, held):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        with self._lock:
            self._forget(key)
            if len(held.pickled) > limit:
                return
            self._entries[key] = held
            self._bytes += len(held.pickled)
            while self._bytes > limit:
                self._forget(next(iter(self._entries)))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _forget(self, key):
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.pickled)


local_entries = LocalEntries()


def _held(pickled, stamps, valid_until):
    names = list(stamps)
    return Held(pickled, stamps, valid_until,
                [cache.make_key(STAMP_PREFIX + name) for name in names],
                [str(stamps[name]).encode() for name in names])  # fmt: skip


def _on_redis():
    return hasattr(cache, "on_redis")  # config.cache.FailoverRedisCache


def read_stamps(dependencies):
    """The current stamp (an integer) of each of ``dependencies`` that has one."""
    found = cache.get_many([STAMP_PREFIX + name for name in dependencies])
    return {key[len(STAMP_PREFIX) :]: int(stamp) for key, stamp in found.items()}


def read(keys):
    """``{key: (value, stamps, valid_until)}`` for the entries under ``keys`` whose stamps are
    all still current (whatever their ``valid_until``)."""
    if _on_redis():
        return _read_from_redis(keys)
    entries = cache.get_many(keys)
    current = read_stamps(set().union(*(entry["stamps"] for entry in entries.values())))
    return {
        key: (entry["value"], entry["stamps"], entry["valid_until"])
        for key, entry in entries.items()
        if all(current.get(name) == stamp for name, stamp in entry["stamps"].items())
    }


def _read_from_redis(keys):
    held = local_entries.get_many(keys)
    others = [key for key in keys if key not in held]
    found, stale = {}, []

    def commands(script):
        listed = []
        if held:  # their stamps, now
            listed.append(
                ("MGET", *chain.from_iterable(entry.stamp_keys for entry in held.values()))
            )
        if others:  # the fresh ones' headers, and their values in case they are fresh
            listed += _reading(script, others)
        return listed

    replies = _run(commands)
    if replies is None:  # Redis unreachable
        return {}
    if held:
        current, position = replies.pop(0), 0
        for key, entry in held.items():
            count = len(entry.stamp_keys)
            if current[position : position + count] == entry.expected:
                found[key] = entry
            else:  # changed since it was kept; kept anew in Redis since, perhaps
                stale.append(key)
            position += count
    if others:
        found.update(_kept_in_redis(others, *replies))
    if stale and (replies := _run(lambda script: _reading(script, stale))) is not None:
        found.update(_kept_in_redis(stale, *replies))
    return {
        # Our own bytes, written below: unpickling them is as safe as django-redis doing it.
        key: (pickle.loads(entry.pickled), entry.stamps, entry.valid_until)
        for key, entry in found.items()
    }


def _reading(script, keys):
    """The commands that give the headers of the fresh entries under ``keys``, and the values."""
    made = [cache.make_key(key) for key in keys]
    return [
        ("EVALSHA", script, len(made), *made, cache.make_key(STAMP_PREFIX)),
        ("MGET", *(key + _VALUE for key in made)),
    ]


def _kept_in_redis(keys, headers, values):
    """``{key: Held}`` for the entries whose header was found fresh and whose value is the one
    written with it (another server may have replaced the entry in between); held from now on."""
    found = {}
    for key, header, stored in zip(keys, headers, values, strict=True):
        if not header or stored is None:
            continue
        header = json.loads(header[len(_MARK) :])
        entry_id = header["id"]
        if stored[: len(entry_id)].decode() != entry_id:
            continue
        stamps = {name: int(stamp) for name, stamp in header["stamps"].items()}
        found[key] = _held(stored[len(entry_id) :], stamps, header["valid_until"])
        local_entries.put(key, found[key])
    return found


def _run(commands):
    """The replies to ``commands(script)``, sent at once in one round trip (None while Redis is
    unreachable). On a connection of the pool as they are: redis-py's pipeline machinery added
    about an eighth to every kept read (182 against 160 µs here)."""

    def run(client, retried=False):
        global _script_sha
        if _script_sha is None:
            _script_sha = client.script_load(_FRESH_HEADERS)
        replies = _send(client.connection_pool, commands(_script_sha))
        errors = [reply for reply in replies if isinstance(reply, ResponseError)]
        if errors and isinstance(errors[0], NoScriptError) and not retried:  # Redis restarted
            _script_sha = None
            return run(client, retried=True)  # load the script again, once
        if errors:
            raise errors[0]  # a RedisError: the cache steps aside for a while
        return replies

    return cache.on_redis(run)


def _send(pool, commands):
    """The replies to ``commands``, sent at once; a command's error is its reply."""
    connection = pool.get_connection()
    try:
        connection.send_packed_command(connection.pack_commands(commands))
        replies = []
        for _ in commands:
            try:
                replies.append(connection.read_response())
            except ResponseError as error:  # the reply was read whole: the next one follows
                replies.append(error)
        return replies
    except BaseException:
        connection.disconnect()  # whatever is left unread on it must not reach another caller
        raise
    finally:
        pool.release(connection)


def write(key, value, stamps, valid_until, timeout):
    """Keep ``value`` under ``key`` for ``timeout`` seconds, with the ``stamps`` it was rendered
    under (``{dependency: stamp}``)."""
    if not _on_redis():
        cache.set(key, {"value": value, "stamps": stamps, "valid_until": valid_until}, timeout)
        return
    # Stamps as strings: Redis' Lua reads JSON numbers as doubles, and compares strings.
    entry_id = secrets.token_hex(8)
    header = {"id": entry_id, "stamps": {name: str(stamp) for name, stamp in stamps.items()},
              "valid_until": valid_until}  # fmt: skip
    milliseconds = max(1, int(timeout * 1000))
    made = cache.make_key(key)

    pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    def run(client):
        transaction = client.pipeline(transaction=True)
        transaction.set(made, _MARK + json.dumps(header).encode(), px=milliseconds)
        transaction.set(made + _VALUE, entry_id.encode() + pickled, px=milliseconds)
        transaction.execute()
        return True

    if cache.on_redis(run, default=False):
        local_entries.put(key, _held(pickled, stamps, valid_until))
