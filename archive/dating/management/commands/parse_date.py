"""python manage.py parse_date "apie 1935 m." - print the earliest and latest year the archive reads in it."""

from django.core.management.base import BaseCommand, CommandError

from archive.dating.lookup import DateParseError, parse


class Command(BaseCommand):
    help = 'Print "earliest latest" for a date phrase, "undated" for undated text, or an error (exit 1).'

    def add_arguments(self, parser):
        parser.add_argument("text", help='Date text as a curator writes it, e.g. "XX a. 4-asis dešimtmetis".')

    def handle(self, *args, text: str, **options):
        try:
            result = parse(text)
        except DateParseError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("undated" if result.undated else f"{result.earliest} {result.latest}")
