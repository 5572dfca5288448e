"""Builders of the image service tests: pictures whose pixels are known, the shared test image, and a
WSGI call as a server makes it."""

import io
from pathlib import Path

import pyvips

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_TEST_IMAGE = REPO_ROOT.parent / "shared" / "iiif" / "67352ccc-d1b0-11e1-89ae-279075081939.png"
TEST_IDENTIFIER = "67352ccc-d1b0-11e1-89ae-279075081939"


def write_grid(path: Path, width: int = 1000, height: int = 1000, **save_options) -> Path:
    """A picture whose colour at (x, y) is known: red grows to the right, green downwards."""
    xy = pyvips.Image.xyz(width, height)
    red = (xy[0] * 255 / max(1, width - 1)).cast("uchar")
    green = (xy[1] * 255 / max(1, height - 1)).cast("uchar")
    blue = (red * 0 + 60).cast("uchar")
    red.bandjoin([green, blue]).copy(interpretation="srgb").write_to_file(str(path), **save_options)
    return path


def call(application, path: str, cookie: str = "", method: str = "GET", **extra) -> tuple[int, dict, bytes]:
    """Call a WSGI application as a server would; `extra` adds or replaces environ keys."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    environ.update(extra)
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    chunks = application(environ, start_response)
    body = b"".join(chunks)
    chunks.close()
    return answer["status"], answer["headers"], body
