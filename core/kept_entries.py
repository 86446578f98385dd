"""How the page cache (core/page_cache.py) stores what it keeps, and reads it back when fresh.

An entry is a value with the stamps of everything it shows, as they were when it was kept; it
is fresh while each of those stamps is unchanged. With Redis that takes one round trip: a
script reads the entries and compares their stamps where they live, so a page served from the
cache costs a single request to Redis. With any other Django cache (local memory, in
development and tests) it takes two: the entries, then their stamps.
"""

import json
import pickle

from django.core.cache import cache

STAMP_PREFIX = "stamp:"
_MARK = b"KE1"  # what an entry in this format begins with; anything else under a key is stale

# KEYS: the entries' keys; ARGV[1]: the prefix of the stamps' keys. Gives, for each key, the
# entry if it is in this format and every stamp it was kept with is still current, else false.
_FRESH_ENTRIES = """
local found = {}
for i, key in ipairs(KEYS) do
  found[i] = false
  local raw = redis.call('GET', key)
  local cut = raw and string.sub(raw, 1, 3) == 'KE1' and string.find(raw, '\\n', 4, true)
  if cut then
    local ok, header = pcall(cjson.decode, string.sub(raw, 4, cut - 1))
    if ok then
      local fresh = true
      for name, stamp in pairs(header.stamps) do
        if redis.call('GET', ARGV[1] .. name) ~= stamp then
          fresh = false
          break
        end
      end
      if fresh then found[i] = raw end
    end
  end
end
return found
"""
_script = None


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
    def run(client):
        global _script
        if _script is None:
            _script = client.register_script(_FRESH_ENTRIES)
        made = [cache.make_key(key) for key in keys]
        return _script(keys=made, args=[cache.make_key(STAMP_PREFIX)], client=client)

    found = {}
    for key, raw in zip(keys, cache.on_redis(run, default=[]) or [], strict=False):
        if raw:
            cut = raw.index(b"\n")
            header = json.loads(raw[len(_MARK) : cut])
            stamps = {name: int(stamp) for name, stamp in header["stamps"].items()}
            # Our own bytes, written below: unpickling them is as safe as django-redis doing it.
            found[key] = (pickle.loads(raw[cut + 1 :]), stamps, header["valid_until"])
    return found


def write(key, value, stamps, valid_until, timeout):
    """Keep ``value`` under ``key`` for ``timeout`` seconds, with the ``stamps`` it was rendered
    under (``{dependency: stamp}``)."""
    if not _on_redis():
        cache.set(key, {"value": value, "stamps": stamps, "valid_until": valid_until}, timeout)
        return
    # Stamps as strings: Redis' Lua reads JSON numbers as doubles, and compares strings.
    header = {"stamps": {name: str(stamp) for name, stamp in stamps.items()},
              "valid_until": valid_until}  # fmt: skip
    entry = (
        _MARK + json.dumps(header).encode() + b"\n" + pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    )
    milliseconds = max(1, int(timeout * 1000))
    cache.on_redis(lambda client: client.set(cache.make_key(key), entry, px=milliseconds))
