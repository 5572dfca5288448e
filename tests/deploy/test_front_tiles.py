"""Public tiles as files at the front: the repo's nginx site (deploy/nginx/archive-iiif.conf) in front of a real
gunicorn with production settings. nginx serves a public image's tiles from the public tree without the
application; a draft's tile, and a public one after unpublishing, reach the application and answer 404."""

import http.client
import os
import shutil
import ssl
import subprocess
import sys
import time

import pytest
import pyvips

from tests.deploy.stack import (
    ROOT,
    SITE_NAME,
    free_port,
    production_environment,
    render_site,
    self_signed_certificate,
    wait_until_listening,
)

pytestmark = [pytest.mark.service, pytest.mark.slow]

NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
PUBLIC, DRAFT = "tile+1:a", "draft"
TILE = "0,0,256,256/256,256/0/default.jpg"
INGEST = """
from media.ingest import ingest_image
ingest_image({path!r}, identifier={identifier!r}, title="Front", is_public={public})
"""


def manage(environment: dict[str, str], *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"manage.py {arguments[0]}: {done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    if NGINX is None or shutil.which("openssl") is None:
        pytest.skip("nginx or openssl is not installed (apt-get install nginx openssl)")
    folder = tmp_path_factory.mktemp("front")
    ports = {"app": free_port(), "http": free_port(), "https": free_port()}
    environment = production_environment(folder, ports["app"])
    manage(environment, "migrate", "--noinput")
    for identifier, public in ((PUBLIC, True), (DRAFT, False)):
        picture = folder / f"{identifier.replace(':', '_')}.png"
        pyvips.Image.xyz(700, 500)[0].cast("uchar").write_to_file(str(picture))
        manage(environment, "shell", "-c", INGEST.format(path=str(picture), identifier=identifier, public=public))
    certificate, key = self_signed_certificate(folder)
    prefix = folder / "nginx"
    prefix.mkdir()
    config = render_site(
        prefix,
        http=ports["http"],
        https=ports["https"],
        upstream=ports["app"],
        certificate=certificate,
        key=key,
        static_root=folder / "static",
        public_tiles=folder / "data" / "media" / "iiif-public",
    )
    tested = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(config)], capture_output=True, text=True)
    assert tested.returncode == 0, tested.stderr
    processes = []
    app_log = folder / "gunicorn.log"
    try:
        processes.append(
            start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"], environment, app_log)
        )
        wait_until_listening(ports["app"], processes[-1])
        processes.append(start([NGINX, "-p", str(prefix), "-c", str(config)], environment, folder / "nginx.log"))
        wait_until_listening(ports["https"], processes[-1])
        yield {
            "ports": ports,
            "certificate": certificate,
            "environment": environment,
            "app_log": app_log,
            "media": folder / "data" / "media",
            "gunicorn": processes[0],
        }
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def start(command: list[str], environment: dict[str, str], log) -> subprocess.Popen:
    with open(log, "w") as output:
        return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)


def get(front, path: str, method: str = "GET", port: str = "https") -> http.client.HTTPResponse:
    if port == "https":
        context = ssl.create_default_context(cafile=str(front["certificate"]))
        connection = http.client.HTTPSConnection("127.0.0.1", front["ports"]["https"], context=context, timeout=30)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", front["ports"]["app"], timeout=30)
    connection.request(method, path, headers={"Host": SITE_NAME, "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_a_public_tile_is_the_file_served_by_nginx_with_the_applications_headers(front):
    tile = front["media"] / "iiif-public" / "3" / PUBLIC / TILE
    for path in (
        f"/iiif/3/{PUBLIC}/{TILE}",
        f"/iiif/3/tile%2B1%3Aa/{TILE}",
        f"/iiif/3/{PUBLIC}/0,0,256,256/max/0/default.jpg",
    ):
        response = get(front, path)
        assert response.status == 200 and response.body == tile.read_bytes(), path
        assert response.getheader("Link") is None  # the application links the canonical URL; nginx does not
    assert f"/iiif/3/{PUBLIC}/0,0" not in front["app_log"].read_text()  # gunicorn logs every request it sees
    app = get(front, f"/iiif/3/{PUBLIC}/{TILE}", port="app")
    assert app.body == response.body  # the dynamic answer is the same bytes
    for header in (
        "Content-Type",
        "Access-Control-Allow-Origin",
        "Access-Control-Expose-Headers",
        "Cache-Control",
        "X-Content-Type-Options",
        "Vary",
    ):
        assert response.getheader(header) == app.getheader(header), header


def test_info_json_and_other_requests_stay_with_the_application(front):
    info = get(front, f"/iiif/3/{PUBLIC}/info.json")
    assert info.status == 200 and info.getheader("Content-Type") == "application/json"
    other = get(front, f"/iiif/3/{PUBLIC}/0,0,300,300/150,150/0/default.jpg")
    assert other.status == 200 and other.getheader("Link")
    preflight = get(front, f"/iiif/3/{PUBLIC}/{TILE}", method="OPTIONS")
    assert preflight.status == 204 and preflight.getheader("Access-Control-Allow-Methods")


def test_a_drafts_tile_is_the_applications_404_never_a_file(front):
    assert (front["media"] / "iiif-pyramids").is_dir()
    assert not (front["media"] / "iiif-public" / "3" / DRAFT).exists()
    response = get(front, f"/iiif/3/{DRAFT}/{TILE}")
    assert response.status == 404 and response.body == b"unknown identifier\n"
    assert response.getheader("Cache-Control") == "no-store"
    assert f"/iiif/3/{DRAFT}/0,0" in front["app_log"].read_text()


def test_after_unpublishing_the_front_answers_404_within_seconds(front):
    assert get(front, f"/iiif/3/{PUBLIC}/{TILE}").status == 200
    unpublish = (
        "from media.models import DigitizedImage\n"
        f"image = DigitizedImage.objects.get(iiif_identifier={PUBLIC!r})\n"
        'image.is_public = False\nimage.save()\nimport time\nprint("saved", time.time(), flush=True)\n'
    )
    started = time.time()
    command = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", unpublish],
        cwd=ROOT,
        env=front["environment"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        # printed once save() returned, before the process ends (after the shell's own line, if any)
        saved_at = float(next(line for line in command.stdout if line.startswith("saved ")).split()[1])
        while get(front, f"/iiif/3/{PUBLIC}/{TILE}").status != 404:
            assert time.time() - saved_at < 30, "the front still serves the tile"
            time.sleep(0.05)
        gone = time.time()
    finally:
        command.communicate(timeout=60)
    print(
        f"unpublished tile answers 404 {gone - saved_at:.3f} s after the save "
        f"({gone - started:.2f} s with the command's start-up)"
    )
    assert command.returncode == 0 and gone - saved_at < 5
