"""The health report with media in S3 (SeaweedFS): a missing bucket, a store that is down, a healthy one."""

import uuid

import pytest
from botocore.exceptions import ClientError

from media.ingest import ingest_image
from tests.factories import jpeg_bytes
from tests.s3_service import s3_client, storage_options

pytestmark = [pytest.mark.service, pytest.mark.django_db]

TILE = "/iiif/3/health-scan/0,0,32,32/32,/0/default.jpg"


def bucket_exists(name: str) -> bool:
    try:
        s3_client().head_bucket(Bucket=name)
    except ClientError:
        return False
    return True


@pytest.fixture
def missing_bucket(settings, s3_media):
    """The default storage in a bucket nobody created; removed again should anything create it."""
    name = f"test-missing-{uuid.uuid4().hex[:12]}"
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(name)}
    yield name
    if bucket_exists(name):
        client = s3_client()
        for entry in client.list_objects_v2(Bucket=name).get("Contents", []):
            client.delete_object(Bucket=name, Key=entry["Key"])
        client.delete_bucket(Bucket=name)


def test_a_missing_bucket_is_reported_and_not_created(client, missing_bucket):
    report = client.get("/healthz")
    assert report.status_code == 200  # pages still serve: the node stays in rotation
    assert report.json()["status"] == "degraded"
    assert report.json()["checks"]["storage"] == "error: the bucket does not exist"
    assert not bucket_exists(missing_bucket)  # SeaweedFS creates a bucket on the first write to it


def test_a_healthy_bucket_is_ok_and_keeps_no_probe(client, s3_media):
    assert client.get("/healthz").json()["checks"]["storage"] == "ok"
    assert s3_client().list_objects_v2(Bucket=s3_media).get("KeyCount", 0) == 0


def test_with_s3_down_the_node_stays_ready_and_serves_cached_tiles(client, settings, s3_media, tmp_path, home):
    source = tmp_path / "scan.jpg"
    source.write_bytes(jpeg_bytes(64, 48))
    ingest_image(source, identifier="health-scan", title="Scan", is_public=True)
    assert client.get(TILE).status_code == 200  # the node has the pyramid in its local cache now

    settings.STORAGES = {**settings.STORAGES, "default": storage_options(s3_media, "http://127.0.0.1:9")}
    report = client.get("/healthz")
    assert report.status_code == 200
    assert report.json()["status"] == "degraded"
    assert report.json()["checks"]["storage"].startswith("error: cannot read")
    assert client.get("/healthz/ready").status_code == 200
    assert client.get("/").status_code == 200
    tile = client.get(TILE.replace("32,/0/", "16,/0/"))  # a new size: rendered from the cached pyramid
    assert tile.status_code == 200 and tile["Content-Type"] == "image/jpeg"
