"""JSON logs: every line of a request carries its id, echoed in X-Request-ID; the worker's
lines carry the task id."""

import io
import json
import logging
from logging.config import dictConfig

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command

from config.settings.operations import logging_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The production logging set-up, writing into a buffer; yields the parsed lines."""
    buffer = io.StringIO()
    dictConfig(logging_settings("json", "INFO"))
    handler = logging.getLogger().handlers[0]
    handler.setStream(buffer)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    dictConfig(django_settings.LOGGING)


def test_every_line_of_a_request_is_json_with_the_request_id_of_the_response(
    client, json_log, article
):
    response = client.get(article.get_absolute_url())
    logging.getLogger("articles").info("outside any request")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    lines = json_log()
    access = [line for line in lines if line["logger"] == "ops.requests"]
    assert len(access) == 1
    assert access[0]["request_id"] == request_id
    assert access[0]["route"] == "/articles/<uslug:slug>/"
    assert access[0]["status"] == 200
    assert access[0]["duration_ms"] > 0
    assert access[0]["user_id"] is None
    assert "timestamp" in access[0] and access[0]["level"] == "INFO"
    outside = [line for line in lines if line["message"] == "outside any request"]
    assert "request_id" not in outside[0]


def test_a_warning_logged_during_a_request_carries_its_id(client, json_log, editor):
    client.force_login(editor)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    lines = json_log()
    request_id = response["X-Request-ID"]
    ours = [line for line in lines if line.get("request_id") == request_id]
    # Django's own "Not Found" warning and our access line, both with the request and user.
    assert {line["logger"] for line in ours} == {"django.request", "ops.requests"}
    assert all(line["user_id"] == editor.pk for line in ours)
    assert not any(editor.email in json.dumps(line) for line in lines)
    access = next(line for line in ours if line["logger"] == "ops.requests")
    assert access["route"] is None and access["path"] == "/no-such-page/"


def test_a_request_id_is_taken_from_a_trusted_proxy_only(client, settings, json_log):
    sent = {"HTTP_X_REQUEST_ID": "lb-1234-abcd"}
    assert client.get("/", **sent)["X-Request-ID"] != "lb-1234-abcd"  # no proxy: made up

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    response = client.get("/", **sent)
    assert response["X-Request-ID"] == "lb-1234-abcd"
    assert any(line.get("request_id") == "lb-1234-abcd" for line in json_log())
    # Nothing that could break a log line or a header is believed.
    odd = client.get("/", HTTP_X_REQUEST_ID='a"b c')["X-Request-ID"]
    assert odd != 'a"b c' and len(odd) == 32


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_logs_as_json_with_the_task_id(queued_email, json_log):
    mail.send_mail("Hello", "Body", "from@example.org", ["to@example.org"])
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*")
    assert len(mail.outbox) == 1
    lines = json_log()
    finished = [line for line in lines if "state=SUCCESSFUL" in line["message"]]
    assert len(finished) == 1
    assert finished[0]["task_id"] in finished[0]["message"]


def test_production_logs_json_by_default_and_plain_text_on_request():
    import secrets

    from tests.test_settings import REDIS_URL, manage

    env = {"SECRET_KEY": secrets.token_urlsafe(64), "SITE_DOMAIN": "news.example.org",
           "REDIS_URL": REDIS_URL}  # fmt: skip
    code = "import logging; logging.getLogger('newsroom').warning('a line')"
    line = manage("shell", "-c", code, **env).stderr.strip().splitlines()[-1]
    assert json.loads(line)["message"] == "a line"
    plain = manage("shell", "-c", code, LOG_FORMAT="plain", **env).stderr.strip()
    assert plain.endswith("WARNING newsroom a line")
