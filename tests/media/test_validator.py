"""The official IIIF validator (iiif-validator) against a live server, Image API 3.0 and 2.1 at level 2."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.models import Collection

from media.ingest import ingest_image
from tests.media.builders import SHARED_TEST_IMAGE, TEST_IDENTIFIER

VALIDATOR = Path(sys.executable).parent / "iiif-validate.py"

pytestmark = [pytest.mark.service, pytest.mark.slow]


@pytest.fixture
def validator_target(transactional_db, live_server, settings):
    if not SHARED_TEST_IMAGE.exists():
        pytest.skip(f"the shared IIIF test image is not at {SHARED_TEST_IMAGE}")
    if not VALIDATOR.exists():
        pytest.skip(f"iiif-validator is not installed in this environment ({VALIDATOR} missing)")
    settings.IIIF_BASE_URL = f"{live_server.url}/iiif"
    if not Collection.objects.exists():
        # A transactional test flushes the tables, the root collection made by migrations with them.
        Collection.add_root(name="Root")
    ingest_image(SHARED_TEST_IMAGE, identifier=TEST_IDENTIFIER, title="IIIF test image", is_public=True)
    return urlsplit(live_server.url).netloc


# The validator has no suite named 2.1: its 2.0 tests are the ones that apply to an Image API 2.1 service.
@pytest.mark.parametrize("version", ["3.0", "2.0"])
def test_validator_passes_level_2_with_no_failures(validator_target, version):
    result = subprocess.run(
        [
            sys.executable,
            str(VALIDATOR),
            "--server",
            validator_target,
            "--prefix",
            f"iiif/{version[0]}",
            "--identifier",
            TEST_IDENTIFIER,
            "--version",
            version,
            "--level",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert "FAIL" not in output, output
    assert output.count(" PASS") >= 30, output
    assert result.returncode == 0, output
