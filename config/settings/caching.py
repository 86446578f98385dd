"""Cache headers, purging the edge by cache tag, and fragments (core/cache_tags.py,
core/purge.py, core/fragments.py)."""

from .env import env_bool, env_int, env_list, env_str

# Anonymous public pages: browsers revalidate every time (cheap with the ETag). A page that
# declared its cache tags (core/cache_tags.py) may be kept by the edge (Varnish, a CDN) for
# EDGE_MAX_AGE seconds, because every change purges exactly the pages it touched; any other
# public response only for PUBLIC_S_MAXAGE seconds.
PUBLIC_CACHE_CONTROL = {
    "max_age": env_int("PUBLIC_MAX_AGE", 0),
    "s_maxage": env_int("PUBLIC_S_MAXAGE", 60),
    "stale_while_revalidate": env_int("PUBLIC_STALE_WHILE_REVALIDATE", 30),
}
EDGE_MAX_AGE = env_int("EDGE_MAX_AGE", 60 * 60 * 24)
# Purging the edge by cache tag (core/purge.py), through the task queue: a comma-separated list
# of backends (varnish, fastly, cloudflare); empty = no edge in front.
CACHE_PURGE = env_list("CACHE_PURGE", [])
CACHE_PURGE_REPEAT_SECONDS = env_int("CACHE_PURGE_REPEAT_SECONDS", 5)
CACHE_PURGE_TIMEOUT = env_int("CACHE_PURGE_TIMEOUT", 10)
VARNISH_PURGE_URL = env_list("VARNISH_PURGE_URL", [])
VARNISH_SOFT_PURGE = env_bool("VARNISH_SOFT_PURGE", False)
FASTLY_API_URL = env_str("FASTLY_API_URL", "https://api.fastly.com")
FASTLY_SERVICE_ID = env_str("FASTLY_SERVICE_ID", "")
FASTLY_API_TOKEN = env_str("FASTLY_API_TOKEN", "")
FASTLY_SOFT_PURGE = env_bool("FASTLY_SOFT_PURGE", False)
CLOUDFLARE_API_URL = env_str("CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4")
CLOUDFLARE_ZONE_ID = env_str("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = env_str("CLOUDFLARE_API_TOKEN", "")
# How long a fragment (core/fragments.py) may take cache memory once nothing reads it; a change
# makes it unreachable at once whatever this says.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 60 * 60 * 6)
