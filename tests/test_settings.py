"""Deployment guards: production settings, migrations in step, a cache outage is harmless."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/9"  # only named: these commands read nothing from it


def manage(*args, **env):
    return python("manage.py", *args, **env)


def python(*args, **env):
    unwanted = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG", "SITE_DOMAIN", "REDIS_URL"}
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_refuses_to_start_without_its_domain():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(64))
    assert result.returncode != 0
    assert "Set the SITE_DOMAIN environment variable." in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    """Kept pages and parts of pages in each worker's own memory would outlive a change made
    through another worker."""
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(64), SITE_DOMAIN="news.example.org")
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable." in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = manage("check", SECRET_KEY="changeme")
    assert result.returncode != 0
    assert "SECRET_KEY must be a long random value" in result.stderr


def test_production_passes_the_deploy_checklist():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64), SITE_DOMAIN="news.example.org", REDIS_URL=REDIS_URL,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_app_servers_code_is_out_of_the_garbage_collectors_way():
    """config/wsgi.py freezes what a process keeps for its whole life (Django, the apps, the
    views), so full collections stop walking it on requests' time."""
    result = python(
        "-c", "import gc, config.wsgi, articles.views; print(gc.get_freeze_count())",
        SECRET_KEY=secrets.token_urlsafe(64), SITE_DOMAIN="news.example.org", REDIS_URL=REDIS_URL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000


def test_seed_demo_refuses_to_run_in_production():
    result = manage(
        "seed_demo", SECRET_KEY=secrets.token_urlsafe(64), SITE_DOMAIN="news.example.org",
        REDIS_URL=REDIS_URL,
    )  # fmt: skip
    assert result.returncode != 0
    assert "seed_demo refuses to run with production settings" in result.stderr


@pytest.mark.django_db
def test_no_model_changes_are_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_a_cache_outage_does_not_take_pages_down(client, dead_redis, article, reader):
    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200
    # Logging in uses the cache for allauth's rate limits.
    response = client.post(reverse("account_login"), {"login": "reader", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_rate_limits_still_apply_during_a_cache_outage(client, dead_redis, reader):
    """allauth locks an account after 5 failed logins; the stand-in cache keeps counting."""
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "reader", "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": "reader", "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_redis_is_the_shared_cache_when_it_is_up(redis_cache):
    from django.core.cache import cache

    cache.set("probe", "shared", 10)
    assert redis_cache.exists(cache.make_key("probe"))
    assert not cache.redis_is_down
