from django.db import models


class WorkerHeartbeat(models.Model):
    """The last sign of life of one task worker (``manage.py db_worker``), so that a load
    balancer's readiness check and the metrics can tell a stopped worker from an idle one. One
    row per worker id, written every ``WORKER_HEARTBEAT_INTERVAL`` seconds; a stopped worker's
    row stays and ages."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    queues = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-beat_at"]

    def __str__(self):
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"
