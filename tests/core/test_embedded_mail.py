"""The embedded run has no mail server: notification mail goes to files under the data folder, where it can be
read, instead of failing to reach SMTP on this machine; EMAIL_BACKEND chooses another way."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
django.setup()
from django.conf import settings
from wagtail.admin.mail import send_mail
send_mail("Peržiūrėkite", "3 puslapiai laukia", ["redaktorius@example.org"])
print(json.dumps({"backend": settings.EMAIL_BACKEND, "folder": str(settings.EMAIL_FILE_PATH)}))
"""


def embedded(tmp_path: Path, **extra: str) -> tuple[dict, str]:
    environment = {
        key: value for key, value in os.environ.items() if key not in ("DEBUG", "DATABASE_URL", "EMAIL_BACKEND")
    }
    environment.update(DJANGO_SETTINGS_MODULE="archive.settings.dev", ARCHIVE_DATA_DIR=str(tmp_path), **extra)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_the_embedded_run_writes_notification_mail_to_files_in_the_data_folder(tmp_path):
    answer, stderr = embedded(tmp_path)
    assert answer["backend"] == "django.core.mail.backends.filebased.EmailBackend"
    assert Path(answer["folder"]) == tmp_path / "mail"
    (message,) = (tmp_path / "mail").iterdir()
    assert "redaktorius@example.org" in message.read_text(encoding="utf-8")
    assert "Traceback" not in stderr


def test_email_backend_chooses_another_way(tmp_path):
    answer, _stderr = embedded(tmp_path, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert answer["backend"] == "django.core.mail.backends.console.EmailBackend"
