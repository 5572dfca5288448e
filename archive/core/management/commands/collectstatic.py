"""Django's collectstatic, refusing to run without the viewers' files from npm.

Without them Django would collect everything else and exit 0, and item pages would go out without their
viewers. The folders are settings.VIEWER_STATIC_DIRS; `npm ci` (or `make static`) brings them.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.management.commands import collectstatic
from django.core.management.base import CommandError


def missing_viewer_dirs() -> list[tuple[str, Path]]:
    return [(prefix, Path(folder)) for prefix, folder in settings.VIEWER_STATIC_DIRS if not Path(folder).is_dir()]


class Command(collectstatic.Command):
    help = collectstatic.Command.help + " Fails when the viewers' files (npm packages) are missing."

    def handle(self, **options):
        missing = missing_viewer_dirs()
        if missing:
            folders = ", ".join(f"{folder} (static/{prefix})" for prefix, folder in missing)
            raise CommandError(
                f"The viewers' files are missing: {folders}. Run `npm ci` (or `make static`) in "
                "the checkout first; a server without Node takes STATIC_ROOT from a build machine."
            )
        return super().handle(**options)
