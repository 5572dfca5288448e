"""Admin pages for importing items: upload, preview of every row, confirmation, progress."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .apply import may_publish_all
from .images import attach_upload
from .models import ImportJob
from .permissions import Importer
from .plan import plan_import
from .reference import accepted_columns, example_row, term_lists, terms_csv
from .table import DELIMITER_CHOICES, DETECT, TableError, read_table
from .tasks import run_import
from .template import template_csv

PERMISSION = "imports.add_importjob"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.csv or .xlsx)"))
    delimiter = forms.ChoiceField(label=_("CSV delimiter"), choices=DELIMITER_CHOICES, initial=DETECT, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only .csv and .xlsx files can be imported."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it into smaller files."))
        return upload


@permission_required(PERMISSION, raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, delimiter = form.cleaned_data["file"], form.cleaned_data["delimiter"] or DETECT
        try:
            plan = plan_import(read_table(upload.read(), upload.name, delimiter), upload.name, Importer(request.user))
        except TableError as error:
            form.add_error("file", str(error))
        else:
            job = ImportJob(filename=upload.name, created_by=request.user, total=len(plan.rows), delimiter=delimiter)
            upload.seek(0)
            job.file.save(upload.name, upload, save=True)
            return render(
                request,
                "imports/preview.html",
                {"job": job, "plan": plan, "counts": plan.counts(), "may_publish": may_publish_all(plan)},
            )
    recent = ImportJob.objects.all()[:10]
    return render(
        request,
        "imports/upload.html",
        {"form": form, "recent": recent, "columns": accepted_columns(), "term_lists": term_lists()},
    )


@permission_required(PERMISSION, raise_exception=True)
@require_POST
def confirm(request: HttpRequest, job_id) -> HttpResponse:
    job = get_object_or_404(ImportJob, pk=job_id, status=ImportJob.Status.CHECKED)
    job.valid_only = request.POST.get("valid_only") == "on"
    job.publish = request.POST.get("publish") == "on"  # the task refuses it without publish permission
    job.status = ImportJob.Status.QUEUED
    job.save(update_fields=["valid_only", "publish", "status"])
    run_import.enqueue(str(job.pk))
    return redirect("imports:progress", job_id=job.pk)


@permission_required(PERMISSION, raise_exception=True)
def progress(request: HttpRequest, job_id) -> HttpResponse:
    return render(request, "imports/progress.html", {"job": get_object_or_404(ImportJob, pk=job_id)})


@permission_required(PERMISSION, raise_exception=True)
def status(request: HttpRequest, job_id) -> JsonResponse:
    job = get_object_or_404(ImportJob, pk=job_id)
    return JsonResponse(
        {
            "status": job.status,
            "label": job.get_status_display(),
            "done": job.done,
            "total": job.total,
            "summary": job.summary,
            "error": job.error,
            "finished": job.finished,
        }
    )


@permission_required(PERMISSION, raise_exception=True)
def template(request: HttpRequest) -> HttpResponse:
    return csv_download(template_csv(example_row()), "items-template.csv")


@permission_required(PERMISSION, raise_exception=True)
def terms(request: HttpRequest) -> HttpResponse:
    return csv_download(terms_csv(), "import-terms.csv")


def csv_download(text: str, filename: str) -> HttpResponse:
    """A CSV that spreadsheet programs open as UTF-8 (the byte order mark)."""
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required(PERMISSION, raise_exception=True)
def images(request: HttpRequest) -> HttpResponse:
    labels = {
        "attached": _("attached to the draft"),
        "unmatched": _("no matching item"),
        "refused": _("refused"),
        "done": _("done"),
        "notAttached": _("Files not attached"),
        "network": _("the upload was interrupted"),
    }
    return render(request, "imports/images.html", {"labels": {key: str(value) for key, value in labels.items()}})


@permission_required(PERMISSION, raise_exception=True)
@require_POST
def image_upload(request: HttpRequest) -> JsonResponse:
    """One file of a bulk upload; the page sends files one at a time so it can show each one's progress."""
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"status": "refused", "reason": str(_("No file was sent."))}, status=400)
    result = attach_upload(upload, request.user)
    return JsonResponse(result.as_dict(), status=200 if result.status == "attached" else 422)
