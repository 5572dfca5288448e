"""One e-mail per import to the reviewers of the drafts it submitted, instead of Wagtail's one per page.

The recipients are those Wagtail's own notifier picks for a group approval task (the task's groups and
superusers, with an address and submission notifications switched on in their profile). Sent after the
import has committed; a mail server that is down is logged, it does not undo the import.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier, send_mail

from .moderation import Submission
from .permissions import Importer

logger = logging.getLogger(__name__)


def notify_reviewers(submission: Submission, importer: Importer, filename: str) -> None:
    notifier = GroupApprovalTaskStateSubmissionEmailNotifier()
    for task, task_states in submission.by_task.items():
        recipients = notifier.get_valid_recipients(task_states[0], user=importer.user)
        if not recipients:
            continue
        subject = _("%(count)s imported pages await your review") % {"count": len(task_states)}
        body = _(
            "%(user)s imported %(file)s: %(count)s pages were submitted to '%(task)s'. Review them in the "
            "admin: %(url)s"
        ) % {
            "user": importer.name,
            "file": filename,
            "count": len(task_states),
            "task": task.name,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_home"),
        }
        try:
            send_mail(subject, body, sorted(recipient.email for recipient in recipients))
        except OSError as error:  # one line for the curator's console, not a traceback (SMTP errors included)
            logger.warning("reviewers of import %s could not be notified: %s", filename, error)
