from django.utils import timezone
from django_tasks import task

from .importer import Importer
from .models import ImportJob
from .posts import ImportFailed
from .reader import WXRError


@task()
def run_import(job_id):
    """Import an export uploaded in the admin; the job keeps progress and the final report."""
    job = ImportJob.objects.get(pk=job_id)
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])

    def progress(text):
        ImportJob.objects.filter(pk=job_id).update(progress=text)

    try:
        report = Importer(progress=progress).run(job.export.path)
    except (WXRError, ImportFailed) as error:
        job.status, job.report = ImportJob.Status.FAILED, f"{error} Nothing was imported."
    else:
        job.status, job.report = ImportJob.Status.DONE, str(report)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "report", "finished_at"])
