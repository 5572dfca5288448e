"""The output format table (media/iiif/formats.py) is the one declaration of formats: every row is parsed,
listed in info.json and encoded, a row added alone is served, and a format not in the table is refused."""

import dataclasses

import pytest
import pyvips

from media.iiif.encode import encode
from media.iiif.errors import BadRequest, UnknownFormat
from media.iiif.formats import FORMATS, REQUIRED_FORMAT, extra_formats
from media.iiif.info import info
from media.iiif.parse import parse
from media.iiif.plan import Geometry, Limits

GEOMETRY = Geometry(1000, 600, (1, 2, 4))
LIMITS = Limits(5000, 5000, 25_000_000)
# What libvips calls the loader of each media type: the bytes are what the row says they are.
LOADERS = {"image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp", "image/tiff": "tiff", "image/gif": "gif"}


def sample(bands: int = 3) -> pyvips.Image:
    image = (pyvips.Image.black(40, 30, bands=bands) + 128).cast("uchar")
    return image.copy(interpretation="srgb")


@pytest.fixture
def added_format(monkeypatch):
    """A row that is not in the table: TIFF again under the name `tiff`, declared only here."""
    row = dataclasses.replace(FORMATS["tif"], extension="tiff")
    monkeypatch.setitem(FORMATS, "tiff", row)
    return row


@pytest.mark.parametrize("extension", list(FORMATS))
def test_every_row_is_parsed(extension):
    assert parse("3", f"id/full/max/0/default.{extension}").format == extension
    assert parse("2", f"id/full/full/0/default.{extension}").format == extension


@pytest.mark.parametrize("extension", list(FORMATS))
def test_every_row_is_listed_in_info_json(extension):
    document_3 = info("3", "http://x/iiif/3/id", GEOMETRY, (256, 256), LIMITS)
    document_2 = info("2", "http://x/iiif/2/id", GEOMETRY, (256, 256), LIMITS)
    assert (extension in document_3["extraFormats"]) == (extension != REQUIRED_FORMAT)
    assert extension in document_2["profile"][1]["formats"]


@pytest.mark.parametrize("extension", list(FORMATS))
@pytest.mark.parametrize("bands", [3, 4])
def test_every_row_is_encoded_as_its_media_type(extension, bands):
    data = encode(sample(bands), extension)
    decoded = pyvips.Image.new_from_buffer(data, "")
    assert decoded.get("vips-loader").startswith(LOADERS[FORMATS[extension].media_type])
    if not FORMATS[extension].transparent:
        assert not decoded.hasalpha()


def test_a_row_added_alone_is_parsed_listed_and_encoded(added_format):
    assert parse("3", "id/full/max/0/default.tiff").format == "tiff"
    assert "tiff" in info("3", "http://x/iiif/3/id", GEOMETRY, (256, 256), LIMITS)["extraFormats"]
    assert "tiff" in extra_formats()
    assert pyvips.Image.new_from_buffer(encode(sample(), "tiff"), "").get("vips-loader").startswith("tiff")


@pytest.mark.django_db
def test_a_row_added_alone_is_served_with_its_media_type(client, public_image, added_format):
    response = client.get("/iiif/3/grid/full/100,/0/default.tiff")
    assert response.status_code == 200 and response["Content-Type"] == "image/tiff"
    assert "tiff" in client.get("/iiif/3/grid/info.json").json()["extraFormats"]


@pytest.mark.parametrize("extension", ["bmp", "jpeg", "JPG", "jp2", ""])
def test_a_format_not_in_the_table_is_refused(extension):
    with pytest.raises(UnknownFormat) as refused:
        parse("3", f"id/full/max/0/default.{extension}" if extension else "id/full/max/0/default.")
    assert isinstance(refused.value, BadRequest) and refused.value.status == 400
    with pytest.raises(UnknownFormat):
        encode(sample(), extension)


@pytest.mark.django_db
def test_a_format_not_in_the_table_answers_400(client, public_image):
    response = client.get("/iiif/3/grid/full/100,/0/default.bmp")
    assert response.status_code == 400 and b"unsupported format" in response.content
