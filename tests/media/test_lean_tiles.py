"""The warm tile path (media/iiif/wsgi.py `warm_tile`), the access stamp read at most every few tenths of a second
(media/iiif/served.py), and gunicorn's access log skipping tiles before building their lines (gunicorn.conf.py)."""

import logging
import runpy
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from gunicorn.config import Config

from media.iiif import served
from media.iiif.served import touch_stamp
from media.iiif.wsgi import ImageAPIDispatch
from media.models import DigitizedImage
from tests.media.builders import call as call_wsgi

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TILE = "/iiif/3/grid/0,0,256,256/256,/0/default.jpg"


@pytest.fixture
def application():
    # As Django's test client does: the test's transaction must outlive each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    served.public_answers.forget_all()
    yield ImageAPIDispatch(WSGIHandler())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(application, path: str, **environ) -> tuple[int, dict, bytes]:
    return call_wsgi(application, path, method=environ.pop("REQUEST_METHOD", "GET"), **environ)


class Refuse:
    """Stands in for the Django route: a call that reaches it fails the test."""

    def __call__(self, environ, start_response):
        raise AssertionError(f"{environ['PATH_INFO']} went through Django")


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_warm_tile_is_answered_without_django_exactly_as_django_answers_it(
    application, public_image, settings, method, scheme
):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_PRELOAD = True
    application = ImageAPIDispatch(WSGIHandler())  # its middleware reads the settings when it starts
    django_answer = call(application.image_api, TILE, REQUEST_METHOD=method, **{"wsgi.url_scheme": scheme})
    call(application, TILE)  # the image is now remembered as public
    application.image_api = Refuse()
    lean_answer = call(application, TILE, REQUEST_METHOD=method, **{"wsgi.url_scheme": scheme})
    assert lean_answer == django_answer
    assert django_answer[0] == 200 and django_answer[1]["Cache-Control"].startswith("public")
    assert ("Strict-Transport-Security" in lean_answer[1]) == (scheme == "https")


@pytest.mark.parametrize(
    "extra",
    [{"HTTP_IF_NONE_MATCH": '"x"'}, {"HTTP_HOST": "elsewhere.example"}, {"REQUEST_METHOD": "POST"}],
    ids=["conditional", "unknown host", "post"],
)
def test_anything_but_a_plain_warm_tile_goes_through_django(application, public_image, extra):
    call(application, TILE)
    application.image_api = Refuse()
    with pytest.raises(AssertionError, match="went through Django"):
        call(application, TILE, **extra)


def test_a_private_image_is_never_answered_from_memory(application, private_image):
    assert call(application, "/iiif/3/draft/0,0,256,256/256,/0/default.jpg")[0] == 404
    application.image_api = Refuse()
    with pytest.raises(AssertionError, match="went through Django"):
        call(application, "/iiif/3/draft/0,0,256,256/256,/0/default.jpg")


def test_the_access_stamp_is_not_read_for_every_tile(application, public_image, monkeypatch):
    call(application, TILE)
    reads = []
    real_stat = served.os.stat
    monkeypatch.setattr(served.os, "stat", lambda path: reads.append(path) or real_stat(path))
    for _ in range(50):
        assert call(application, TILE)[0] == 200
    assert len(reads) <= 1


def test_a_tile_of_an_image_made_private_elsewhere_stops_within_the_stamp_expiry(
    application, public_image, monkeypatch
):
    """Another worker of the node made the image private: this one learns it from the stamp file."""
    monkeypatch.setattr(served, "STAMP_CHECK_SECONDS", 0.3)
    assert call(application, TILE)[0] == 200
    DigitizedImage.objects.filter(pk=public_image.pk).update(is_public=False)  # no signal in this worker
    touch_stamp()
    deadline = time.monotonic() + 0.3
    while call(application, TILE)[0] == 200:
        assert time.monotonic() < deadline + 0.2, "still served past the stamp's expiry"
        time.sleep(0.02)
    assert call(application, TILE)[0] == 404


def test_a_change_in_this_worker_is_seen_at_once(application, public_image):
    assert call(application, TILE)[0] == 200
    public_image.is_public = False
    public_image.save()
    assert call(application, TILE)[0] == 404


def gunicorn_access_lines(settings, access_log: str, paths: list[str]) -> list[str]:
    settings.ACCESS_LOG = access_log
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("accesslog", "-")
    config.set("logger_class", conf["logger_class"])
    log = config.logger_class(config)
    caught = []
    handlers = log.access_log.handlers
    log.access_log.handlers = [type("Catch", (logging.Handler,), {"emit": lambda self, r: caught.append(r)})()]
    # The test process's LOGGING filters as its own ACCESS_LOG says; only the logger class is tested here.
    filters, log.access_log.filters = log.access_log.filters, []
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    try:
        for path in paths:
            environ = {"REQUEST_METHOD": "GET", "RAW_URI": path, "PATH_INFO": path, "SERVER_PROTOCOL": "HTTP/1.1"}
            log.access(response, SimpleNamespace(headers=[]), environ, SimpleNamespace(seconds=0, microseconds=10))
    finally:
        log.access_log.filters, log.access_log.handlers = filters, handlers
    return [record.args["U"] for record in caught]


@pytest.mark.parametrize(
    "access_log, logged",
    [("skip-iiif", ["/en/"]), ("all", [TILE, "/en/"]), ("off", [])],
)
def test_gunicorn_logs_tiles_only_when_asked(settings, access_log, logged):
    assert gunicorn_access_lines(settings, access_log, [TILE, "/en/"]) == logged
