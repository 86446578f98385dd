"""The task worker's heartbeat.

django-tasks-db's ``db_worker`` has no hook of its own for "still alive", so our ``db_worker``
(ops/management/commands/db_worker.py, the same command with the same options) records a beat
when it starts and then, from a small thread, every ``WORKER_HEARTBEAT_INTERVAL`` seconds while
the worker runs. ``/readyz`` and the metrics read the newest beat; a stopped worker's beat ages
until it is older than ``WORKER_HEARTBEAT_MAX_AGE``.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)
FORGET_AFTER = timedelta(days=7)


class Heartbeat:
    def __init__(self, worker_id, queues):
        self.worker_id = worker_id
        self.queues = ",".join(queues)[:255]
        self.started_at = timezone.now()
        self._stopped = threading.Event()
        self._thread = None

    def beat(self):
        """Record one beat; a database error is logged and the next beat tries again."""
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "hostname": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "queues": self.queues,
                    "started_at": self.started_at,
                    "beat_at": timezone.now(),
                },
            )
        except DatabaseError as error:
            logger.warning("Worker heartbeat not recorded: %s", error)

    def _run(self):
        while not self._stopped.wait(settings.WORKER_HEARTBEAT_INTERVAL):
            close_old_connections()
            self.beat()
        connection.close()  # this thread's own connection

    def start(self):
        # Each start has a new worker id: forget workers that stopped long ago.
        WorkerHeartbeat.objects.filter(beat_at__lt=timezone.now() - FORGET_AFTER).delete()
        self.beat()
        self._thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)
        self._thread.start()

    def stop(self):
        self._stopped.set()
