"""python manage.py parse_date "apie 1935 m." - print the earliest and latest year the archive reads in it."""

from django.core.management.base import BaseCommand, CommandError

from archive.dating.edtf import dating
from archive.dating.lookup import DateParseError, parse


class Command(BaseCommand):
    help = 'Print "earliest latest" for a date phrase, "undated" for undated text, or an error (exit 1).'

    def add_arguments(self, parser):
        parser.add_argument("text", help='Date text as a curator writes it, e.g. "XX a. 4-asis dešimtmetis".')
        parser.add_argument(
            "--edtf",
            action="store_true",
            help='Also print the reading as EDTF, e.g. "1930 1940 1935~" for "apie 1935 m.".',
        )

    def handle(self, *args, text: str, edtf: bool, **options):
        try:
            result = parse(text)
        except DateParseError as error:
            raise CommandError(str(error)) from error
        if result.undated:
            self.stdout.write("undated")
            return
        line = f"{result.earliest} {result.latest}"
        self.stdout.write(f"{line} {dating(text, result.earliest, result.latest).edtf}" if edtf else line)
