import pytest
from django.core.exceptions import ValidationError

from archive.catalogue.models import ItemPage


def item(**fields) -> ItemPage:
    return ItemPage(
        title="Langas", inventory_number="X-1", rights="http://rightsstatements.org/vocab/InC/1.0/", **fields
    )


@pytest.mark.django_db
def test_editor_typing_only_date_text_gets_the_years():
    page = item(date_text="tarpukaris")
    page.fill_years_from_date_text()
    assert (page.year_earliest, page.year_latest) == (1918, 1939)


@pytest.mark.django_db
def test_years_given_by_the_editor_are_kept():
    page = item(date_text="apie 1935 m.", year_earliest=1934, year_latest=1936)
    page.fill_years_from_date_text()
    assert (page.year_earliest, page.year_latest) == (1934, 1936)


@pytest.mark.django_db
def test_unknown_date_text_is_a_form_error_on_that_field():
    page = item(date_text="kažkada")
    with pytest.raises(ValidationError) as raised:
        page.fill_years_from_date_text()
    assert "date_text" in raised.value.message_dict


@pytest.mark.django_db
def test_a_life_event_reads_its_years_and_refuses_unknown_date_text():
    from archive.catalogue.models import WorkEvent

    event = WorkEvent(kind="destroyed", date_text="XX a. vid.")
    event.clean()
    assert (event.year_earliest, event.year_latest) == (1933, 1966)
    with pytest.raises(ValidationError) as raised:
        WorkEvent(kind="moved", date_text="kažkada").clean()
    assert "date_text" in raised.value.message_dict
