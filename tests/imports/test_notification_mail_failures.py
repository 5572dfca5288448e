"""A mail server that cannot be reached costs a notification, never an import: one warning line, no traceback."""

import logging
import socket

import pytest
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier

from tests.imports.sheets import draft, run, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable_smtp(settings):
    """SMTP on a port of this machine where nothing listens: the connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    return port


def mail_records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if "notif" in record.getMessage().lower()]


def test_an_import_whose_notification_cannot_be_sent_succeeds_with_one_warning_line(
    catalogue, people, unreachable_smtp, caplog, django_capture_on_commit_callbacks
):
    path = write_csv(
        catalogue / "titles.csv",
        [{"inventory_number": "T-001", "title_lt": "Naujas"}],
        header=["inventory_number", "title_lt"],
    )
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        out, _err = run(path, "--user", people["curator"].username)
    assert "as drafts submitted for approval" in out
    assert draft("T-001").title == "Naujas"
    (record,) = mail_records(caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "titles.csv" in record.getMessage() and "refused" in record.getMessage().lower()
    assert "Traceback" not in caplog.text


def test_wagtails_own_workflow_mail_failure_is_one_warning_line(people, unreachable_smtp, caplog):
    notifier = GroupApprovalTaskStateSubmissionEmailNotifier()
    with caplog.at_level(logging.INFO):
        assert notifier.send_emails({}, {}, [people["editor"]]) is False
    (record,) = mail_records(caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "refused" in record.getMessage().lower()
    assert "Traceback" not in caplog.text
