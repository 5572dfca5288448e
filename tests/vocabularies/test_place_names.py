"""Places and their names across eras (the seed's `names:`): found by an old name, shown with the name of an
item's time beside today's, and `Place.name_in` choosing between them."""

import pytest
from wagtail.models import Locale

from archive.catalogue.models import ItemPage
from archive.vocabularies.models import Place, PlaceName
from tests.catalogue.seed_tree import item, load, write, write_seed_tree


def add_street_names(root):
    write(
        root / "places.yaml",
        {
            "places": [
                {
                    "key": "sample-church",
                    "name": "Turgaus gatvė",
                    "latitude": 55.709,
                    "longitude": 21.133,
                    "status": "altered",
                    "names": [
                        {"name": "Marktstraße", "language": "de", "to": 1945, "era": "Memel"},
                        {"name": "Komjaunimo gatvė", "language": "lt", "from": 1950, "to": 1990, "era": "sovietmetis"},
                    ],
                }
            ]
        },
    )


@pytest.mark.django_db
def test_street_found_by_its_old_german_name(tmp_path):
    root = write_seed_tree(tmp_path, items=[item("T-001", date={"text": "1936 m."}), item("T-002", place=None)])
    add_street_names(root)
    load(root)
    lithuanian = Locale.objects.get(language_code="lt")
    found = ItemPage.objects.live().filter(locale=lithuanian).search("Marktstraße")
    assert [page.inventory_number for page in found] == ["T-001"]


@pytest.mark.django_db
def test_item_page_shows_the_name_of_its_time_beside_todays(client, tmp_path):
    root = write_seed_tree(tmp_path, items=[item("T-001", date={"text": "1936 m."})])
    add_street_names(root)
    load(root)
    page = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    html = client.get(page.url).content.decode()
    assert "Turgaus gatvė" in html
    assert "Marktstraße" in html
    assert "Komjaunimo" not in html


def test_name_in_picks_the_name_covering_most_of_the_range():
    place = Place(name="Turgaus gatvė")
    place.historic_names = [
        PlaceName(name="Marktstraße", language="de", to_year=1945),
        PlaceName(name="Komjaunimo gatvė", language="lt", from_year=1950, to_year=1990),
    ]
    assert place.name_in(1960, 1965).name == "Komjaunimo gatvė"
    assert place.name_in(1930, 1939).name == "Marktstraße"
    assert place.name_in(None, None) is None
