from django.utils import timezone
from django_tasks import task

from .importer import Importer
from .models import ImportJob
from .posts import ImportFailed
from .reader import WXRError

Status = ImportJob.Status


@task()
def run_import(job_id):
    """Check an export uploaded in the admin (a dry run) or, once confirmed, import it; the job
    keeps progress and the report."""
    job = ImportJob.objects.get(pk=job_id)
    dry_run = job.status == Status.QUEUED
    if job.status not in (Status.QUEUED, Status.CONFIRMED):
        return  # already done, or being done by another worker
    job.status = Status.RUNNING
    job.save(update_fields=["status"])

    def progress(text):
        ImportJob.objects.filter(pk=job_id).update(progress=text)

    importer = Importer(progress=progress, dry_run=dry_run,
                        topics=None if dry_run else job.topics,
                        media_zip=job.media.path if job.media else None,
                        fetch_media=job.fetch_media)  # fmt: skip
    try:
        report = importer.run(job.export.path)
    except (WXRError, ImportFailed) as error:
        job.status, job.report = Status.FAILED, f"{error} Nothing was imported."
    else:
        job.report = str(report)
        if dry_run:
            job.status = Status.CHECKED
            job.terms = sorted(report.terms.values(), key=lambda term: (-term["posts"],
                                                                         term["name"]))  # fmt: skip
        else:
            job.status = Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "report", "terms", "finished_at"])
