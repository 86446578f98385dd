"""django-tasks-db's ``db_worker``, beating a heartbeat while it runs (ops/worker.py).

Listed before django_tasks_db in INSTALLED_APPS, so ``manage.py db_worker`` is this one."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from ops.worker import Heartbeat


class Command(DatabaseWorkerCommand):
    help = "Run the database task worker, recording a heartbeat for /readyz and the metrics."

    def handle(self, *, queue_name, worker_id, reload, **options):
        if reload and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # The reloader's watching process: the worker (and its heartbeat) runs in its child.
            return super().handle(queue_name=queue_name, worker_id=worker_id, reload=reload,
                                  **options)  # fmt: skip
        heartbeat = Heartbeat(worker_id, queue_name.split(","))
        heartbeat.start()
        try:
            super().handle(queue_name=queue_name, worker_id=worker_id, reload=reload, **options)
        finally:
            heartbeat.stop()
