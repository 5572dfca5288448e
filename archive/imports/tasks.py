"""The background task that runs a confirmed admin import and records its progress."""

from django.utils.translation import gettext as _
from django_tasks import task

from .apply import ImportRefused, apply_plan
from .models import ImportJob
from .permissions import Importer
from .plan import plan_import
from .progress import JobProgress
from .retention import discard_spreadsheet
from .table import TableError, read_table


@task()
def run_import(job_id: str) -> None:
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, done=0)
    if job.created_by is None:
        mark_failed(job, _("the account that started this import no longer exists; nothing was saved"))
        return
    progress = JobProgress(job)
    try:
        with job.file.open("rb") as handle:
            plan = plan_import(
                read_table(handle.read(), job.filename, job.delimiter), job.filename, Importer(job.created_by)
            )
        # The catalogue may have changed since the curator saw the preview: check again before writing.
        if plan.has_errors and not job.valid_only:
            raise ImportRefused(_("rows have errors now that were not there at the preview; check the file again"))
        ImportJob.objects.filter(pk=job.pk).update(total=len(plan.valid_rows))
        counts = apply_plan(plan, lambda _line: None, valid_only=job.valid_only, publish=job.publish, progress=progress)
    except (TableError, ImportRefused, OSError) as error:
        mark_failed(job, str(error))
        return
    except Exception as error:
        mark_failed(
            job, _("unexpected error (%(kind)s): %(error)s") % {"kind": error.__class__.__name__, "error": error}
        )
        raise
    finally:
        progress.close()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, summary=counts, done=len(plan.valid_rows))
    discard_spreadsheet(job)


def mark_failed(job: ImportJob, reason: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED, error=reason)
    discard_spreadsheet(job)
