"""The background task that runs a confirmed admin import and records its progress."""

from django_tasks import task

from .apply import apply_plan
from .models import ImportJob
from .plan import plan_import
from .retention import discard_spreadsheet
from .table import TableError, read_table


@task()
def run_import(job_id: str) -> None:
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, done=0)
    try:
        with job.file.open("rb") as handle:
            plan = plan_import(read_table(handle.read(), job.filename), job.filename)
        # The catalogue may have changed since the curator saw the preview: check again before writing.
        if plan.has_errors and not job.valid_only:
            raise ValueError("rows have errors now that were not there at the preview; check the file again")
        total = len(plan.valid_rows)
        ImportJob.objects.filter(pk=job.pk).update(total=total)
        counts = apply_plan(plan, lambda _line: None, valid_only=job.valid_only,
                            progress=lambda done, _total: ImportJob.objects.filter(pk=job.pk).update(done=done))
    except (TableError, ValueError, OSError) as error:
        mark_failed(job, str(error))
        return
    except Exception as error:
        mark_failed(job, f"unexpected error ({error.__class__.__name__}): {error}")
        raise
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, summary=counts)
    discard_spreadsheet(job)


def mark_failed(job: ImportJob, reason: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED, error=reason)
    discard_spreadsheet(job)
