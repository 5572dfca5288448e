"""`make serve` (scripts/serve.py): the embedded default under gunicorn, nginx in front where installed; it says
what it runs, serves the home page, a public tile and the static files through the front, Ctrl+C stops
everything it started, and either server dying stops the other (the command then fails)."""

import http.client
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import pyvips

from tests.deploy.stack import CREATE_EDITOR, EDITOR, embedded_site, free_port, login_status, serve

pytestmark = [pytest.mark.slow]

NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
TILE = "/iiif/3/serve-1/0,0,256,256/256,256/0/default.jpg"
SETUP = """
from media.ingest import ingest_image
from tests.factories import make_collection, make_home
make_collection(make_home(), title="Kolekcija", slug="kolekcija")
ingest_image({path!r}, identifier="serve-1", title="Served", is_public=True)
""" + CREATE_EDITOR.format(*EDITOR)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """A data folder with the migrations applied, a home page and one public image."""
    folder = tmp_path_factory.mktemp("serve")
    picture = folder / "picture.png"
    pyvips.Image.xyz(600, 400)[0].cast("uchar").write_to_file(str(picture))
    return embedded_site(folder, SETUP.format(path=str(picture)))


def get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz/live").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"nothing answers on {port}")


def stop_with_ctrl_c(process: subprocess.Popen, ports: list[int]) -> None:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    for port in ports:
        with pytest.raises(OSError):
            get(port, "/healthz/live")


@pytest.mark.service
@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)")
def test_serve_runs_nginx_in_front_of_gunicorn_and_stops_on_ctrl_c(embedded):
    port = free_port()
    process, said = serve(embedded, port)
    try:
        assert f"nginx in front on :{port}, gunicorn on :{port + 1}" in said, said
        wait_for(port)
        home = get(port, "/")
        assert home.status == 200 and b"<html" in home.body
        tile = get(port, TILE)
        assert tile.status == 200 and tile.getheader("Content-Type") == "image/jpeg"
        assert tile.getheader("Link") is None  # nginx's file: the application links the canonical URL
        assert get(port + 1, TILE).body == tile.body  # gunicorn behind it has the same bytes
        # An editor logs in through nginx: the browser's Origin names the port, and so must the Host Django sees.
        assert (
            login_status(
                lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=30),
                f"127.0.0.1:{port}",
                f"http://127.0.0.1:{port}",
            )
            == 302
        )
        forged = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        forged.request("GET", "/", headers={"Host": f"evil.example:{port}"})
        assert forged.getresponse().status == 400
        forged.close()
    finally:
        stop_with_ctrl_c(process, [port, port + 1])


def test_serve_without_nginx_says_so_and_serves_with_gunicorn_alone(embedded):
    port = free_port()
    process, said = serve(embedded, port, "--no-nginx")
    try:
        assert f"gunicorn alone on :{port}" in said, said
        wait_for(port)
        assert get(port, "/").status == 200
        tile = get(port, TILE)
        assert tile.status == 200 and tile.getheader("Link")
    finally:
        stop_with_ctrl_c(process, [port])


@pytest.mark.service
@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)")
def test_serve_front_serves_static_root_and_keeps_originals_private(embedded):
    port = free_port()
    process, said = serve(embedded, port)
    try:
        assert "static files copied" not in said, said  # collectstatic ran quietly
        wait_for(port)
        root = Path(embedded["STATIC_ROOT"])
        script = get(port, "/static/js/viewer.js")
        assert script.status == 200 and script.body == (root / "js" / "viewer.js").read_bytes()
        # The embedded settings name static files without a hash, so a short cache (hashed names: a year).
        assert script.getheader("Cache-Control") == "max-age=3600", script.getheaders()
        # A file put into STATIC_ROOT after the start: WhiteNoise (in gunicorn) never heard of it, nginx reads it.
        (root / "serve-probe.txt").write_text("from STATIC_ROOT")
        probe = get(port, "/static/serve-probe.txt")
        assert (probe.status, probe.body) == (200, b"from STATIC_ROOT")
        originals = list((Path(embedded["ARCHIVE_DATA_DIR"]) / "media" / "original_images").iterdir())
        assert originals
        for original in originals:
            assert get(port, f"/media/original_images/{original.name}").status == 404
    finally:
        stop_with_ctrl_c(process, [port, port + 1])


def children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError, IndexError):
            continue
    return found


def wait_until_silent(ports: list[int], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    for port in ports:
        while True:
            try:
                answer = get(port, "/healthz/live")
            except OSError:
                break
            assert time.monotonic() < deadline, f"port {port} still answers ({answer.status}) after {seconds} s"
            time.sleep(0.2)


@pytest.mark.service
@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)")
@pytest.mark.parametrize(("killed", "survivor"), [("gunicorn", "nginx"), ("nginx", "gunicorn")])
def test_serve_stops_the_other_server_and_fails_when_one_dies(embedded, killed, survivor):
    port = free_port()
    process, _ = serve(embedded, port)
    try:
        wait_for(port)
        pid = next(pid for pid, command in children(process.pid).items() if killed in command)
        os.kill(pid, signal.SIGKILL)
        output, _ = process.communicate(timeout=60)
        assert process.returncode == 1, output
        assert f"{killed} (pid {pid}) was killed by SIGKILL: stopping {survivor}" in output, output
        wait_until_silent([port, port + 1])  # no orphaned worker of either keeps a port
    finally:
        if process.poll() is None:
            stop_with_ctrl_c(process, [port, port + 1])
