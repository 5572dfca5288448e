"""python manage.py preflight - what an upgrade still has to do, read-only; exit 1 while anything is left."""

from django.core.management.base import BaseCommand, CommandError

from archive.core.preflight import SHOWN, run_checks


class Command(BaseCommand):
    help = (
        "Say, without changing anything, what the code in this checkout needs done to the installation: "
        "migrations not applied (by name), a search index older than the code's mapping, static files not "
        "collected or changed, pyramids pending and background tasks queued. Exits 0 when nothing needs doing, "
        "1 with the steps in order otherwise. Run it before an upgrade (with the new code) and after it."
    )

    def handle(self, *args, **options):
        findings = run_checks()
        for finding in findings:
            self.stdout.write(f"{finding.topic}: {finding.summary}")
            for name in finding.names[:SHOWN]:
                self.stdout.write(f"  {name}")
            if len(finding.names) > SHOWN:
                self.stdout.write(f"  ... and {len(finding.names) - SHOWN} more")
        steps = [finding.step for finding in findings if finding.needed]
        if not steps:
            self.stdout.write(self.style.SUCCESS("Nothing to do."))
            return
        self.stdout.write("Steps, in this order:")
        for number, step in enumerate(steps, start=1):
            self.stdout.write(f"  {number}. {step}")
        raise CommandError(f"{len(steps)} step(s) needed.")
