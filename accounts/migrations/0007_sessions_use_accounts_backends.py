"""Sessions remember the backend that signed their user in, and only a backend still in
AUTHENTICATION_BACKENDS may load that user: those made before the accounts' own backends
(Django's and allauth's, which they replace) are moved over, so nobody is signed out by the change.
A copy kept in the session cache is dropped, so that the database's is read next."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.cache import caches
from django.db import migrations
from django.utils import timezone
from django.utils.module_loading import import_string

REPLACED = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}


def move(paths):
    def run(apps, schema_editor):
        Session = apps.get_model("sessions", "Session")
        store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
        prefix = getattr(store, "cache_key_prefix", None)  # the cache and cached_db engines
        sessions = Session.objects.using(schema_editor.connection.alias)
        for session in sessions.filter(expire_date__gt=timezone.now()).iterator(chunk_size=1000):
            data = store().decode(session.session_data)
            if data.get(BACKEND_SESSION_KEY) not in paths:
                continue
            data[BACKEND_SESSION_KEY] = paths[data[BACKEND_SESSION_KEY]]
            sessions.filter(pk=session.pk).update(session_data=store().encode(data))
            if prefix:
                caches[settings.SESSION_CACHE_ALIAS].delete(prefix + session.session_key)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_notify_on_decision_and_return_to"),
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            move(REPLACED), move({new: old for old, new in REPLACED.items()}), elidable=True
        ),
    ]
