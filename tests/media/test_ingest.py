"""Verification and ingest: what is refused, what is converted, what is recorded, what is left behind."""

import time
from pathlib import Path

import pytest
import pyvips
from django.core.management import CommandError, call_command

from media.ingest import IngestError, ingest_image, verify_image
from media.models import DigitizedImage, PyramidStatus
from media.pyramid import open_pyramid
from media.storage import pyramid_path
from tests.media.builders import write_grid


def files_under(folder: Path) -> list[Path]:
    return [path for path in Path(folder).rglob("*") if path.is_file()]


def test_verification_records_size_and_checksum(grid_file):
    verified = verify_image(grid_file)
    assert (verified.width, verified.height, verified.file_format) == (1000, 1000, "PNG")
    assert len(verified.checksum) == 64


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"plain text, not pixels\n", "not a"), (b"1,2,3\n4,5,6\n", "not a")],
)
def test_non_images_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        verify_image(path)


def test_truncated_jpeg_is_refused(tmp_path):
    whole = write_grid(tmp_path / "whole.jpg", 800, 600)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(IngestError, match="damaged or incomplete"):
        verify_image(cut)


def test_truncated_png_is_refused(tmp_path):
    whole = write_grid(tmp_path / "whole.png", 800, 600)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(IngestError):
        verify_image(cut)


def test_images_over_the_pixel_limit_are_refused_before_decoding(settings, grid_file):
    settings.IIIF_MAX_SOURCE_PIXELS = 999_999
    with pytest.raises(IngestError, match="more than the limit"):
        verify_image(grid_file)


def test_animated_gif_is_refused(tmp_path):
    frames = [(pyvips.Image.black(20, 20) + value).cast("uchar") for value in (0, 255)]
    animation = pyvips.Image.arrayjoin(frames, across=1).copy()
    animation.set_type(pyvips.GValue.gint_type, "page-height", 20)
    path = tmp_path / "moving.gif"
    animation.gifsave(str(path))
    with pytest.raises(IngestError, match="animated"):
        verify_image(path)


def test_exif_orientation_swaps_recorded_width_and_height(tmp_path):
    image = (pyvips.Image.black(300, 100) + [200, 10, 10]).cast("uchar").copy(interpretation="srgb")
    image.set_type(pyvips.GValue.gint_type, "orientation", 6)
    path = tmp_path / "sideways.jpg"
    image.jpegsave(str(path))
    verified = verify_image(path)
    assert (verified.width, verified.height) == (100, 300)


@pytest.mark.django_db
def test_cmyk_sixteen_bit_and_grey_sources_become_8_bit_pyramids(tmp_path):
    grid = pyvips.Image.new_from_file(str(write_grid(tmp_path / "g.png", 300, 200)))
    sources = {
        "cmyk": (grid.colourspace("cmyk"), "cmyk.jpg"),
        "rgb16": (grid.colourspace("rgb16"), "deep.png"),
        "grey16": (grid.colourspace("grey16"), "grey.tif"),
    }
    for identifier, (image, name) in sources.items():
        path = tmp_path / name
        image.write_to_file(str(path))
        ingested = ingest_image(path, identifier=identifier, title=identifier)
        assert ingested.pyramid_status == PyramidStatus.READY, ingested.pyramid_error
        level = pyvips.Image.new_from_file(str(open_pyramid(pyramid_path(ingested.checksum)).path))
        assert level.format == "uchar" and level.bands in (1, 3)


@pytest.mark.django_db
def test_ingest_stores_original_unchanged_and_builds_pyramid(grid_file):
    image = ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)
    assert image.file.read() == grid_file.read_bytes()
    assert (image.width, image.height, image.is_public) == (1000, 1000, True)
    assert image.pyramid_status == PyramidStatus.READY
    assert pyramid_path(image.checksum).exists()


@pytest.mark.django_db
def test_refused_file_leaves_no_record_and_no_files(tmp_path, settings):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 definitely not a whole jpeg")
    with pytest.raises(IngestError):
        ingest_image(bad, identifier="bad", title="Bad")
    assert not DigitizedImage.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_same_file_again_is_returned_untouched(grid_file, django_assert_max_num_queries):
    first = ingest_image(grid_file, identifier="grid", title="Grid")
    with django_assert_max_num_queries(1):
        again = ingest_image(grid_file, identifier="grid", title="Another title")
    assert again.pk == first.pk and again.title == "Grid"


@pytest.mark.django_db
def test_a_different_file_under_a_taken_identifier_is_refused_and_changes_nothing(grid_file, tmp_path):
    first = ingest_image(grid_file, identifier="grid", title="Grid")
    before = (first.file.name, first.checksum, pyramid_path(first.checksum).read_bytes())
    with pytest.raises(IngestError, match="already belongs to another image"):
        ingest_image(write_grid(tmp_path / "new.png", 500, 300), identifier="grid", title="Grid")
    first.refresh_from_db()
    assert (first.file.name, first.checksum, pyramid_path(first.checksum).read_bytes()) == before
    assert first.file.storage.exists(first.file.name)
    assert DigitizedImage.objects.count() == 1


@pytest.mark.django_db
def test_replace_asks_for_the_original_and_pyramid_to_be_replaced(grid_file, tmp_path):
    first = ingest_image(grid_file, identifier="grid", title="Grid")
    old_file, old_pyramid = first.file.name, pyramid_path(first.checksum)
    second = ingest_image(write_grid(tmp_path / "new.png", 500, 300), identifier="grid", title="Grid", replace=True)
    assert second.pk == first.pk and (second.width, second.height) == (500, 300)
    assert second.pyramid_status == PyramidStatus.READY
    assert pyramid_path(second.checksum).exists() and not old_pyramid.exists()
    assert not first.file.storage.exists(old_file)


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", ["a/b", "..", "", "with space", "x" * 201])
def test_unusable_identifiers_are_refused(grid_file, identifier):
    with pytest.raises(IngestError, match="identifier"):
        ingest_image(grid_file, identifier=identifier, title="Grid")


@pytest.mark.django_db
def test_a_pyramid_that_cannot_be_built_is_failed_with_reason(grid_file, monkeypatch):
    def broken(source, target):
        raise pyvips.Error("disk full")

    monkeypatch.setattr("media.tasks.build_pyramid", broken)
    image = ingest_image(grid_file, identifier="grid", title="Grid")
    assert image.pyramid_status == PyramidStatus.FAILED and "disk full" in image.pyramid_error


@pytest.mark.django_db
def test_images_saved_without_ingest_get_checksum_and_pyramid(db):
    from tests.factories import make_image

    image = make_image()
    image.refresh_from_db()
    assert image.pyramid_status == PyramidStatus.READY and len(image.checksum) == 64


@pytest.mark.django_db
def test_ingest_command_reports_and_fails_clearly(grid_file, tmp_path):
    call_command("ingest_image", str(grid_file), "--identifier", "cmd", "--public")
    assert DigitizedImage.objects.get(iiif_identifier="cmd").is_public
    empty = tmp_path / "empty.png"
    empty.touch()
    with pytest.raises(CommandError, match="empty"):
        call_command("ingest_image", str(empty), "--identifier", "nothing")


@pytest.mark.slow
def test_verifying_a_70_megapixel_jpeg_is_quick(tmp_path):
    path = tmp_path / "big.jpg"
    noise = pyvips.Image.gaussnoise(10000, 7000, mean=128, sigma=40).cast("uchar")
    noise.bandjoin([noise, noise]).copy(interpretation="srgb").jpegsave(str(path), Q=85)
    # CPU time rather than wall time: the two cores are shared, and a full decode would cost several seconds.
    started = time.process_time()
    verify_image(path)
    assert time.process_time() - started < 1.5


def test_pillow_accepts_every_size_that_verification_accepts(settings):
    from PIL import Image

    assert Image.MAX_IMAGE_PIXELS >= settings.IIIF_MAX_SOURCE_PIXELS
