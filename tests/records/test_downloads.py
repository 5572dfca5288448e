import pytest
from django.utils import translation

from archive.records.downloads import DOWNLOAD_TIERS, download_filename, download_options, iiif_size
from archive.records.record import ImageRecord, ItemRecord
from archive.vocabularies.rights import RIGHTS_URIS
from media.ingest import ingest_image
from tests.factories import make_item
from tests.media.builders import write_grid

LANDSCAPE = ImageRecord("scan", 6000, 4000, "")
OPEN_RIGHTS = "http://creativecommons.org/publicdomain/zero/1.0/"


def allowed_sizes(rights: str) -> list[str]:
    return [option.size for option in download_options(rights, LANDSCAPE) if option.allowed]


@pytest.mark.parametrize(
    "rights, sizes",
    [
        ("http://creativecommons.org/publicdomain/zero/1.0/", ["1000", "3000", "full"]),
        ("http://creativecommons.org/licenses/by-sa/4.0/", ["1000", "3000", "full"]),
        ("http://rightsstatements.org/vocab/NoC-NC/1.0/", ["1000", "3000", "full"]),
        ("http://rightsstatements.org/vocab/InC-EDU/1.0/", ["1000", "3000"]),
        ("http://creativecommons.org/licenses/by-nc/4.0/", ["1000", "3000"]),
        ("http://rightsstatements.org/vocab/InC/1.0/", ["1000"]),
        ("http://rightsstatements.org/vocab/UND/1.0/", ["1000"]),
        ("https://example.org/unknown-licence", ["1000"]),
    ],
)
def test_rights_decide_the_download_sizes(rights, sizes):
    assert allowed_sizes(rights) == sizes


def test_every_rights_statement_has_a_policy():
    assert RIGHTS_URIS <= set(DOWNLOAD_TIERS)


def test_refused_sizes_say_why():
    refused = [
        option
        for option in download_options("http://rightsstatements.org/vocab/InC/1.0/", LANDSCAPE)
        if not option.allowed
    ]
    assert [option.size for option in refused] == ["3000", "full"]
    assert all("1000 px" in option.reason for option in refused)


def test_sizes_bound_the_long_edge_and_never_upscale():
    assert iiif_size(LANDSCAPE, "1000") == "1000,"
    assert iiif_size(ImageRecord("tall", 2000, 4000, ""), "1000") == "500,"
    assert iiif_size(ImageRecord("small", 800, 600, ""), "1000") == "max"
    assert iiif_size(LANDSCAPE, "full") == "max"


def test_file_name_carries_inventory_number_size_and_credit():
    record = ItemRecord(
        inventory_number="KLAVB-7", language="lt", title="t", rights="", texts={"credit_line": "Klaipėdos biblioteka"}
    )
    assert download_filename(record, 2, download_options(OPEN_RIGHTS, LANDSCAPE)[0]) == (
        "KLAVB-7_2_1000px_klaipedos-biblioteka.jpg"
    )
    # An original smaller than the size asked for is named by its own pixels: the file is what its name says.
    small = download_options("http://rightsstatements.org/vocab/InC-EDU/1.0/", ImageRecord("s", 2000, 2000, ""))
    assert download_filename(record, 1, small[1]) == "KLAVB-7_1_2000px_klaipedos-biblioteka.jpg"


@pytest.fixture
def scanned_item(collection, settings, tmp_path):
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    settings.IIIF_CACHE_ROOT = str(tmp_path / "cache")
    image = ingest_image(write_grid(tmp_path / "scan.png", 1500, 1000), identifier="scan-1", title="Scan")
    return make_item(
        collection,
        inventory_number="KLAVB-D-1",
        images=[image],
        rights="http://rightsstatements.org/vocab/InC/1.0/",
        credit_line="Klaipėdos biblioteka",
    )


@pytest.mark.django_db
def test_allowed_size_is_served_by_the_image_service_as_an_attachment(client, scanned_item):
    response = client.get("/item/KLAVB-D-1/images/1/download/1000")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == ('attachment; filename="KLAVB-D-1_1_1000px_klaipedos-biblioteka.jpg"')
    assert 'rel="license"' in response["Link"]


@pytest.mark.django_db
def test_refused_size_answers_403_with_the_reason(client, scanned_item):
    response = client.get("/item/KLAVB-D-1/images/1/download/full")
    assert response.status_code == 403
    assert "1000 px" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/item/KLAVB-D-1/images/2/download/1000", "/item/KLAVB-D-1/images/1/download/5"])
def test_unknown_image_or_size_is_not_found(client, scanned_item, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_cite_panel_links_only_the_allowed_sizes(client, scanned_item):
    html = client.get(scanned_item.url).content.decode()
    assert "/item/KLAVB-D-1/images/1/download/1000" in html
    assert "/item/KLAVB-D-1/images/1/download/3000" not in html
    assert 'class="download-refused"' in html


def offered(rights: str, image: ImageRecord) -> list[tuple[str, str, bool]]:
    with translation.override("en"):
        return [(option.size, str(option.label), option.allowed) for option in download_options(rights, image)]


def test_an_original_smaller_than_a_size_is_offered_once_under_its_own_size():
    original = ImageRecord("scan", 2400, 1600, "")
    # Open rights: 1000 px, and the 2400 px original once (not a "3000 px" that is the same file).
    assert offered("http://creativecommons.org/publicdomain/zero/1.0/", original) == [
        ("1000", "1000 px", True),
        ("full", "full size (2400 px)", True),
    ]
    # Reuse limited to 3000 px: the 2400 px original is within the limit, and says what it is.
    assert offered("http://rightsstatements.org/vocab/InC-EDU/1.0/", original) == [
        ("1000", "1000 px", True),
        ("3000", "2400 px, the original", True),
    ]


def test_a_large_original_keeps_every_size_and_names_the_full_one():
    assert offered("http://creativecommons.org/publicdomain/zero/1.0/", LANDSCAPE) == [
        ("1000", "1000 px", True),
        ("3000", "3000 px", True),
        ("full", "full size (6000 px)", True),
    ]


@pytest.mark.django_db
def test_a_size_merged_into_another_still_answers_at_its_address(client, scanned_item):
    scanned_item.rights = "http://creativecommons.org/publicdomain/zero/1.0/"
    scanned_item.save_revision().publish()
    html = client.get(scanned_item.url).content.decode()
    assert "/item/KLAVB-D-1/images/1/download/3000" not in html and "visas dydis (1500 px)" in html
    assert client.get("/item/KLAVB-D-1/images/1/download/3000").status_code == 200
