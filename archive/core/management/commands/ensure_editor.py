"""python manage.py ensure_editor - make sure the embedded run has an editor login, and say what it is."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = (
        "Create the 'editor' administrator of the embedded run if it is missing, with a random password kept "
        "in var/editor-password, and print the login. For local use only; production creates real accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port shown in the printed admin URL.")

    def handle(self, *args, port: str, **options):
        password_file = settings.VAR_DIR / "editor-password"
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "email": "editor@localhost"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Editor login: http://127.0.0.1:{port}/admin/  user: {USERNAME}  password: {password}")
        )
