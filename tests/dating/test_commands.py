import io

import pytest
from django.core.management import CommandError, call_command


def run(text: str) -> str:
    out = io.StringIO()
    call_command("parse_date", text, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_parse_date_prints_earliest_and_latest():
    assert run("XX a. 4-asis dešimtmetis") == "1930 1939"


@pytest.mark.django_db
def test_parse_date_uses_the_named_periods_table():
    assert run("tarpukaris") == "1918 1939"
    assert run("sovietmečiu") == "1945 1990"


@pytest.mark.django_db
def test_parse_date_says_undated():
    assert run("nedatuota") == "undated"


@pytest.mark.django_db
def test_parse_date_refuses_unknown_text():
    with pytest.raises(CommandError, match="not a date phrase"):
        run("kažkada")


@pytest.mark.django_db
def test_editors_can_add_a_named_period():
    from archive.dating.models import NamedPeriod

    NamedPeriod.objects.create(name="Memelio laikotarpis", aliases="memel period", earliest=1871, latest=1918)
    assert run("Memel period") == "1871 1918"


@pytest.mark.django_db
def test_parse_date_prints_the_edtf_on_request():
    out = io.StringIO()
    call_command("parse_date", "1935 m. gegužės 3–10 d.", "--edtf", stdout=out)
    assert out.getvalue().strip() == "1935 1935 1935-05-03/1935-05-10"
