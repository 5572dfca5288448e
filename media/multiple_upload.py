"""Wagtail's multiple uploader, second step, safe against a double submit.

Two submits of the same parked upload (a double click on "Update") raced: both stored the file, one row
was refused by the unique IIIF identifier, and that request answered 500 and left its stored file behind.
Here the step runs in a transaction; a refused row removes the file it had stored, and the editor gets
the form back with the reason.
"""

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.images.views.multiple import CreateFromUploadedImageView


class SafeCreateFromUploadedImageView(CreateFromUploadedImageView):
    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except IntegrityError:
            self.discard_stored_file()
            return self.refusal(request, kwargs[self.upload_pk_url_kwarg])

    def discard_stored_file(self) -> None:
        stored = getattr(getattr(self, "object", None), "file", None)
        if stored and stored.name and getattr(stored, "_committed", False):
            stored.storage.delete(stored.name)

    def refusal(self, request, upload_id: int) -> JsonResponse:
        form = self.get_edit_form_class()(
            request.POST, instance=self.model(), prefix=f"{self.edit_upload_form_prefix}-{upload_id}", user=request.user
        )
        form.is_valid()
        form.add_error(
            None,
            _(
                "This file was saved already, or its IIIF identifier was taken a moment ago. "
                "Reload the page to see the images saved, or choose another identifier."
            ),
        )
        html = render_to_string(
            self.edit_form_template_name,
            {
                self.context_upload_name: self.upload,
                "edit_action": reverse(self.edit_upload_url_name, args=(upload_id,)),
                "delete_action": reverse(self.delete_upload_url_name, args=(upload_id,)),
                "form": form,
            },
            request=request,
        )
        return JsonResponse({"success": False, "form": html})
