"""One image policy by every way in: the admin form, Wagtail's multiple uploader and `ingest_image` accept
the same formats (TIFF of 8 and 16 bits and pyramidal, HEIF too), refuse the same files with the same
reason, and the admin never answers 500 for an image it accepted (its thumbnails come from libvips)."""

import hashlib
import io
from pathlib import Path

import pytest
import pyvips
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.models import UploadedFile

from media.ingest import IngestError, ingest_image
from media.models import DigitizedImage, PyramidStatus

pytestmark = pytest.mark.django_db

WIDTH, HEIGHT = 300, 200


def picture(bands: int = 3, depth: str = "uchar") -> pyvips.Image:
    xy = pyvips.Image.xyz(WIDTH, HEIGHT)
    scale = 65535 / WIDTH if depth == "ushort" else 255 / WIDTH
    channel = (xy[0] * scale).cast(depth)
    image = channel.bandjoin([(xy[1] * scale).cast(depth), channel][: bands - 1])
    interpretation = {("uchar", 3): "srgb", ("ushort", 3): "rgb16", ("uchar", 4): "srgb", ("uchar", 1): "b-w"}
    return image.copy(interpretation=interpretation[(depth, bands)])


WRITERS = {
    "scan.jpg": lambda path: picture().jpegsave(path),
    "scan.png": lambda path: picture().pngsave(path),
    "scan-16bit.png": lambda path: picture(depth="ushort").pngsave(path),
    "scan.tif": lambda path: picture().tiffsave(path),
    "scan-16bit.tif": lambda path: picture(depth="ushort").tiffsave(path, compression="lzw", predictor="horizontal"),
    "scan-pyramidal.tif": lambda path: picture().tiffsave(path, tile=True, pyramid=True, compression="jpeg"),
    "scan-cmyk.tif": lambda path: picture().colourspace("cmyk").tiffsave(path),
    "scan-alpha.tif": lambda path: picture(bands=4).tiffsave(path),
    "scan-grey.tif": lambda path: picture(bands=1).tiffsave(path),
    "scan.webp": lambda path: picture().webpsave(path),
    "scan.avif": lambda path: picture().heifsave(path, compression="av1"),
}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def written(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "sources" / name
    path.parent.mkdir(exist_ok=True)
    WRITERS[name](str(path))
    return path


def stored_files(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.mark.parametrize("name", WRITERS)
def test_the_admin_form_accepts_every_format_of_the_policy_and_its_pages_show_it(editor, media_root, tmp_path, name):
    source = written(tmp_path, name)
    answer = editor.post(
        "/admin/images/add/",
        {
            "title": name,
            "iiif_identifier": Path(name).stem,
            "file": SimpleUploadedFile(name, source.read_bytes()),
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    image = DigitizedImage.objects.get(iiif_identifier=Path(name).stem)
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    assert image.checksum == hashlib.sha256(source.read_bytes()).hexdigest()
    assert image.pyramid_status == PyramidStatus.READY
    for page in ("/admin/images/", f"/admin/images/{image.pk}/", "/admin/images/chooser/"):
        assert editor.get(page).status_code == 200, page
    rendition = image.get_rendition("max-165x165")
    with rendition.file.open("rb") as handle:
        thumbnail = PillowImage.open(io.BytesIO(handle.read()))
    assert thumbnail.size == (165, 110)


@pytest.mark.parametrize("name", WRITERS)
def test_ingest_image_accepts_the_same_formats(media_root, tmp_path, name):
    image = ingest_image(written(tmp_path, name), identifier=Path(name).stem, title=name)
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    assert image.pyramid_status == PyramidStatus.READY


def refused_files(tmp_path: Path) -> dict[str, bytes]:
    whole = written(tmp_path, "scan.tif").read_bytes()
    return {
        "table.tif": b"inventory_number,title\nKVB-1,Langas\n",
        "cut.tif": whole[: len(whole) // 3],
        "empty.jpg": b"",
        "page.png": b"<html><script>alert(1)</script></html>",
    }


def test_every_way_in_refuses_the_same_files_with_the_same_reason_and_stores_nothing(editor, media_root, tmp_path):
    for name, content in refused_files(tmp_path).items():
        path = tmp_path / "refused" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        before = stored_files(media_root)
        with pytest.raises(IngestError) as refusal, translation.override("lt"):  # the admin's language
            ingest_image(path, identifier="refused", title=name)
        answer = editor.post(
            "/admin/images/add/",
            {
                "title": name,
                "iiif_identifier": "refused",
                "file": SimpleUploadedFile(name, content),
            },
        )
        assert answer.status_code == 200, name  # the form again, with the reason
        if content:  # Django refuses an empty upload before any image check, in its own words
            assert refusal.value.reason in answer.content.decode().replace("&quot;", '"'), name
        assert not DigitizedImage.objects.exists()
        assert stored_files(media_root) == before, name


def test_the_multiple_uploader_finishes_in_two_steps_with_the_files_own_checksum(editor, media_root, tmp_path):
    source = written(tmp_path, "scan-16bit.tif")
    first = editor.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("scan.tif", source.read_bytes())})
    assert first.status_code == 200 and first.json()["success"], first.content[:500]
    parked = first.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{parked}"
    second = editor.post(
        f"/admin/images/multiple/create_from_uploaded_image/{parked}/",
        {
            f"{prefix}-title": "Scan",
            f"{prefix}-iiif_identifier": "scan-multi",
            f"{prefix}-collection": "1",
            f"{prefix}-capture_notes": "",
            f"{prefix}-description": "",
        },
    )
    assert second.status_code == 200 and second.json()["success"], second.content[:2000]
    image = DigitizedImage.objects.get(iiif_identifier="scan-multi")
    assert image.checksum == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    assert image.pyramid_status == PyramidStatus.READY
    with image.file.open("rb") as handle:
        assert handle.read() == source.read_bytes()
    assert not UploadedFile.objects.exists()
    assert editor.get(f"/admin/images/{image.pk}/").status_code == 200


def test_the_file_of_an_image_that_published_pages_show_cannot_be_replaced_in_place(editor, media_root, tmp_path):
    from tests.factories import make_collection, make_home, make_item

    image = ingest_image(written(tmp_path, "scan.jpg"), identifier="shown", title="Shown")
    make_item(make_collection(make_home()), images=[image])
    before = (image.file.name, image.checksum, image.file.read())
    replacement = written(tmp_path, "scan.png").read_bytes()
    answer = editor.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Shown",
            "iiif_identifier": "shown",
            "collection": image.collection_id,
            "file": SimpleUploadedFile("scan.png", replacement),
        },
    )
    assert answer.status_code == 200
    assert "Paskelbti puslapiai rodo šį vaizdą" in answer.content.decode()  # the admin speaks Lithuanian
    image.refresh_from_db()
    assert (image.file.name, image.checksum, image.file.read()) == before


def test_the_file_of_a_draft_only_image_may_be_replaced(editor, media_root, tmp_path):
    image = ingest_image(written(tmp_path, "scan.jpg"), identifier="draft-only", title="Draft")
    replacement = written(tmp_path, "scan.png").read_bytes()
    answer = editor.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Draft",
            "iiif_identifier": "draft-only",
            "collection": image.collection_id,
            "file": SimpleUploadedFile("scan.png", replacement),
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:3000]
    image.refresh_from_db()
    assert image.checksum == hashlib.sha256(replacement).hexdigest()


def park(editor, source: Path) -> int:
    upload = SimpleUploadedFile(source.name, source.read_bytes())
    answer = editor.post("/admin/images/multiple/add/", {"files[]": upload})
    return answer.json()["uploaded_file_id"]


def finish(editor, parked: int, identifier: str):
    prefix = f"uploaded-image-{parked}"
    return editor.post(
        f"/admin/images/multiple/create_from_uploaded_image/{parked}/",
        {
            f"{prefix}-title": "Scan",
            f"{prefix}-iiif_identifier": identifier,
            f"{prefix}-collection": "1",
            f"{prefix}-capture_notes": "",
            f"{prefix}-description": "",
        },
    )


def test_a_double_submit_of_the_multiple_uploader_is_refused_with_a_reason_and_leaves_no_file(
    editor, media_root, tmp_path, monkeypatch
):
    from media.forms import DigitizedImageForm

    first, second = park(editor, written(tmp_path, "scan.jpg")), park(editor, written(tmp_path, "scan.png"))
    assert finish(editor, first, "twice").json()["success"]
    originals = {path.name for path in (media_root / "original_images").iterdir()}
    # The second submit checked the identifier before the first one saved it: the race of a double click.
    monkeypatch.setattr(DigitizedImageForm, "validate_unique", lambda form: None)
    answer = finish(editor, second, "twice")
    assert answer.status_code == 200 and answer.json()["success"] is False
    assert "Šis failas jau išsaugotas" in answer.json()["form"]  # the admin speaks Lithuanian
    assert DigitizedImage.objects.filter(iiif_identifier="twice").count() == 1
    assert {path.name for path in (media_root / "original_images").iterdir()} == originals
    assert UploadedFile.objects.filter(pk=second).exists()  # the curator can still finish it
