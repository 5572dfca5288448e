"""Editors' original downloads from S3 (SeaweedFS): signed for the host browsers use, or streamed by the site."""

import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import User

from media.ingest import ingest_image
from tests.media.builders import write_grid
from tests.s3_service import PORT

pytestmark = [pytest.mark.service, pytest.mark.django_db]

# The same server under another name: what browsers would reach through a proxy or a public host name.
PUBLIC_ENDPOINT = f"http://localhost:{PORT}"


@pytest.fixture
def original(s3_media, tmp_path):
    source = write_grid(tmp_path / "grid.png", 300, 200)
    image = ingest_image(source, identifier="grid", title="Grid", is_public=True)
    return image, source.read_bytes()


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("editor", password="x"))
    return client


def test_the_signed_url_names_the_public_endpoint_and_its_signature_holds(editor, settings, original):
    image, content = original
    settings.S3_PUBLIC_ENDPOINT_URL = PUBLIC_ENDPOINT
    answer = editor.get(f"/admin/originals/{image.pk}/")
    assert answer.status_code == 302 and "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
    url = answer["Location"]
    assert url.startswith(f"{PUBLIC_ENDPOINT}/") and "X-Amz-Signature=" in url
    with urllib.request.urlopen(url, timeout=10) as download:  # signed for this host, so the server accepts it
        assert download.read() == content
        assert 'filename="' in download.headers["Content-Disposition"]


def test_a_url_signed_for_one_host_is_refused_on_another(editor, settings, original):
    """Why the setting exists: rewriting the host of a signed URL breaks its signature."""
    image, _ = original
    url = editor.get(f"/admin/originals/{image.pk}/")["Location"]
    assert not url.startswith(PUBLIC_ENDPOINT)  # the default: S3_ENDPOINT_URL
    parts = urllib.parse.urlsplit(url)
    rewritten = urllib.parse.urlunsplit(parts._replace(netloc=urllib.parse.urlsplit(PUBLIC_ENDPOINT).netloc))
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(rewritten, timeout=10)
    assert refused.value.code == 403


def test_streamed_downloads_pass_the_original_through_the_site(editor, settings, original):
    image, content = original
    settings.ORIGINAL_DOWNLOADS = "stream"
    settings.S3_PUBLIC_ENDPOINT_URL = "http://s3.invalid"  # never used when streaming
    answer = editor.get(f"/admin/originals/{image.pk}/")
    assert answer.status_code == 200 and answer.streaming
    assert b"".join(answer.streaming_content) == content
    assert answer["Content-Length"] == str(len(content))
    assert answer["Content-Disposition"].startswith("attachment;") and "grid" in answer["Content-Disposition"]
    assert "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
