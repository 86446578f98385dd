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
"""

import json
import pickle
import secrets

from django.core.cache import cache
from redis.exceptions import NoScriptError

STAMP_PREFIX = "stamp:"
_MARK = b"KE2"  # what an entry's header begins with; anything else under its key is stale
_VALUE = ":value"  # the value's key is the entry's key with this after it

# KEYS: the entries' keys; ARGV[1]: the prefix of the stamps' keys. Gives, for each key, the
# entry's header if it is in this format and every stamp it was kept with is still current,
# else false. (The values themselves stay out of the script: a long string costs Lua a copy.)
_FRESH_HEADERS = """
local found = {}
for i, key in ipairs(KEYS) do
  found[i] = false
  local header = redis.call('GET', key)
  if header and string.sub(header, 1, 3) == 'KE2' then
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
    made = [cache.make_key(key) for key in keys]

    def run(client, retried=False):
        global _script_sha
        if _script_sha is None:
            _script_sha = client.script_load(_FRESH_HEADERS)
        pipeline = client.pipeline(transaction=False)  # one round trip
        pipeline.evalsha(_script_sha, len(made), *made, cache.make_key(STAMP_PREFIX))
        pipeline.mget([key + _VALUE for key in made])
        try:
            return pipeline.execute()
        except NoScriptError:  # Redis restarted and forgot the script: load it again, once
            _script_sha = None
            if retried:
                raise
            return run(client, retried=True)

    headers, values = cache.on_redis(run, default=([], []))
    found = {}
    for key, header, value in zip(keys, headers, values, strict=False):
        if header and value is not None:
            header = json.loads(header[len(_MARK) :])
            # Our own bytes, written below: unpickling them is as safe as django-redis doing it.
            entry_id, value = pickle.loads(value)
            if entry_id == header["id"]:  # not replaced since its header was found fresh
                stamps = {name: int(stamp) for name, stamp in header["stamps"].items()}
                found[key] = (value, stamps, header["valid_until"])
    return found


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

    def run(client):
        transaction = client.pipeline(transaction=True)
        transaction.set(made, _MARK + json.dumps(header).encode(), px=milliseconds)
        transaction.set(made + _VALUE, pickle.dumps((entry_id, value), pickle.HIGHEST_PROTOCOL),
                        px=milliseconds)  # fmt: skip
        transaction.execute()

    cache.on_redis(run)
