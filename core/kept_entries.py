"""How the page cache (core/page_cache.py) stores what it keeps, and reads it back when fresh.

An entry is a value with the stamps of everything it shows, as they were when it was kept; it
is fresh while each of those stamps is unchanged. With Redis that takes one round trip: a
script compares the entries' stamps where they live, and the values come back in the same
pipeline, so a page served from the cache costs a single request to Redis. With any other
Django cache (local memory, in development and tests) it takes two: the entries, then their
stamps.

In Redis an entry is two keys written together (a header with the stamps, and the value), each
carrying the entry's random id. The pipeline is not a transaction (MULTI/EXEC costs a third of
a kept page's time): another server may replace the entry between the script and the read of
the value, so a value is used only when its id is the one of the header found fresh.

An entry's value never changes under its id, so each process also keeps the values it read or
wrote lately (``LocalValues``): when the header found fresh names one of them, its bytes need not
cross the network again. Freshness is still decided in Redis on every read, so this changes
nothing of what is served, on any server.
"""

import json
import pickle
import secrets
import threading
from collections import OrderedDict

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


class LocalValues:
    """The pickled values of entries this process read or wrote lately, by key, with their ids:
    the least recently used go first once they take more than ``PAGE_CACHE_LOCAL_BYTES``. Kept
    pickled, so every read gets its own copy, as from Redis."""

    def __init__(self):
        self._values = OrderedDict()  # key: (entry id, pickled value)
        self._bytes = 0
        self._lock = threading.Lock()  # the development server answers in threads

    def get(self, key, entry_id):
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] != entry_id:
                return None
            self._values.move_to_end(key)
            return found[1]

    def put(self, key, entry_id, pickled):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        with self._lock:
            self._forget(key)
            if len(pickled) > limit:
                return
            self._values[key] = (entry_id, pickled)
            self._bytes += len(pickled)
            while self._bytes > limit:
                self._forget(next(iter(self._values)))

    def ids(self, keys):
        with self._lock:
            return {key: self._values[key][0] for key in keys if key in self._values}

    def clear(self):
        with self._lock:
            self._values.clear()
            self._bytes = 0

    def _forget(self, key):
        old = self._values.pop(key, None)
        if old is not None:
            self._bytes -= len(old[1])


local_values = LocalValues()


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
    made = dict(zip(keys, (cache.make_key(key) for key in keys), strict=True))
    held = local_values.ids(keys)
    # Values this process has not got: read in the same round trip, in case they are fresh.
    wanted = [key for key in keys if key not in held]
    headers, values = _fresh_headers(list(made.values()), [made[key] + _VALUE for key in wanted])
    fetched = dict(zip(wanted, values, strict=False))
    found, missing = {}, {}
    for key, header in zip(keys, headers, strict=False):
        if not header:
            continue
        header = json.loads(header[len(_MARK) :])
        pickled = local_values.get(key, header["id"])
        if pickled is None and fetched.get(key) is not None:
            pickled = _value_of(key, header["id"], fetched[key])
        if pickled is None:  # replaced by another server since this one last read it
            missing[key] = header
        else:
            found[key] = (pickled, header)
    if missing:
        values = cache.on_redis(lambda client: client.mget([made[key] + _VALUE for key in missing]))
        for (key, header), value in zip(missing.items(), values or [], strict=False):
            if value is not None and (pickled := _value_of(key, header["id"], value)) is not None:
                found[key] = (pickled, header)
    return {
        # Our own bytes, written below: unpickling them is as safe as django-redis doing it.
        key: (
            pickle.loads(pickled),
            {name: int(stamp) for name, stamp in header["stamps"].items()},
            header["valid_until"],
        )
        for key, (pickled, header) in found.items()
    }


def _fresh_headers(entry_keys, value_keys):
    """One round trip: the header of each entry that is fresh (else None), and the values under
    ``value_keys``. Sent on a connection of the pool as they are: redis-py's pipeline machinery
    costs as much as the round trip itself, and this is every kept page's path."""

    def run(client, retried=False):
        global _script_sha
        if _script_sha is None:
            _script_sha = client.script_load(_FRESH_HEADERS)
        prefix = cache.make_key(STAMP_PREFIX)
        commands = [("EVALSHA", _script_sha, len(entry_keys), *entry_keys, prefix)]
        if value_keys:
            commands.append(("MGET", *value_keys))
        headers, values = _send(client.connection_pool, commands) + ([] if value_keys else [[]])
        if isinstance(headers, NoScriptError):  # Redis restarted and forgot the script
            _script_sha = None
            if retried:
                raise headers
            return run(client, retried=True)  # load it again, once
        return headers, values

    return cache.on_redis(run, default=([], []))


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


def _value_of(key, entry_id, stored):
    """The pickled value in ``stored`` if it is entry ``entry_id``'s (else None), remembered."""
    stored_id, pickled = stored[: len(entry_id)].decode(), stored[len(entry_id) :]
    if stored_id != entry_id:
        return None
    local_values.put(key, entry_id, pickled)
    return pickled


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
        local_values.put(key, entry_id, pickled)
