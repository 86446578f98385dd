"""`make profile PAGE=/some/path/`: where one page's time goes, by pyinstrument, rendered
in-process against the bench database (run `make bench` once first) with production-like
settings, no edge in front (every request renders the page; fragments kept). Profile before
optimising. `--user NAME` profiles the page as that user sees it, logged in (the bench's
logged-in reader is `reader`)."""

import argparse
import os
import time

from bench.run import environment


def main(path, username=None):
    os.environ.update(environment("config.settings.dev", DEBUG="0", CACHE_PURGE=""))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    for _ in range(5):
        client.get(path)  # warm connections, templates and shared fragments
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    with profiler:
        for _ in range(50):
            client.get(path)
    each = (time.perf_counter() - started) / 50 * 1000
    print(profiler.output_text(color=False, unicode=False, show_all=False))
    print(f"{path}: {each:.1f} ms a request under the profiler (50 requests)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="/")
    parser.add_argument("--user", help="log this user in first (client.force_login)")
    arguments = parser.parse_args()
    main(arguments.path, arguments.user)
