"""Which errors count as a failure of the media storage (and become a 503 that says so)."""

import errno

import pytest
from botocore.exceptions import EndpointConnectionError

from media.storage import is_storage_failure


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EROFS, "Read-only file system"),
        ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
        EndpointConnectionError(endpoint_url="http://127.0.0.1:9"),
    ],
    ids=["disk-full", "read-only", "refused", "s3-unreachable"],
)
def test_storage_failures_are_recognised(error):
    assert is_storage_failure(error)


@pytest.mark.parametrize(
    "error",
    [FileNotFoundError(errno.ENOENT, "No such file"), ValueError("bad value"), KeyError("x")],
    ids=["missing-file", "value-error", "key-error"],
)
def test_other_errors_are_left_to_the_normal_error_page(error):
    assert not is_storage_failure(error)
