"""The repo's nginx site in front of a real gunicorn (gunicorn.conf.py, production settings): redirects, TLS,
HSTS from the application, body limits, the forwarded headers, static files, and what is reachable from
outside. nginx runs as this user with a temporary prefix and unprivileged ports; SQLite is the database."""

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import sys

import pytest

from tests.deploy.stack import (
    CREATE_EDITOR,
    EDITOR,
    LOOPBACK_HEX,
    ROOT,
    SITE_NAME,
    free_port,
    listening_addresses,
    login_status,
    production_environment,
    public_address,
    render_site,
    self_signed_certificate,
    wait_until_listening,
)

pytestmark = [pytest.mark.service, pytest.mark.slow]

NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
ADMIN_BODY_LIMIT = 2049 * 1024**2  # deploy/nginx/archive.conf, location /admin/
PUBLIC_BODY_LIMIT = 10 * 1024**2  # ... everywhere else
YEAR = 365 * 24 * 3600


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if NGINX is None or shutil.which("openssl") is None:
        pytest.skip("nginx or openssl is not installed (apt-get install nginx openssl)")
    folder = tmp_path_factory.mktemp("stack")
    ports = {"app": free_port(), "http": free_port(), "https": free_port()}
    environment = production_environment(folder, ports["app"])
    prepare_site(environment)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CREATE_EDITOR.format(*EDITOR)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )
    certificate, key = self_signed_certificate(folder)
    prefix = folder / "nginx"
    (prefix / "acme" / ".well-known" / "acme-challenge").mkdir(parents=True)
    (prefix / "acme" / ".well-known" / "acme-challenge" / "token-1").write_text("challenge answer")
    config = render_site(
        prefix,
        http=ports["http"],
        https=ports["https"],
        upstream=ports["app"],
        certificate=certificate,
        key=key,
        static_root=folder / "static",
    )
    tested = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(config)], capture_output=True, text=True)
    assert tested.returncode == 0, tested.stderr
    processes = []
    try:
        processes.append(
            start(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"],
                environment,
                folder / "gunicorn.log",
            )
        )
        wait_until_listening(ports["app"], processes[-1])
        processes.append(start([NGINX, "-p", str(prefix), "-c", str(config)], environment, folder / "nginx.log"))
        wait_until_listening(ports["https"], processes[-1])
        yield {"ports": ports, "certificate": certificate, "static": folder / "static"}
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


def prepare_site(environment: dict[str, str]) -> None:
    """migrate and collectstatic, side by side: each takes a while."""
    commands = [["migrate", "--noinput"], ["collectstatic", "--noinput"]]
    running = [
        subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for command in commands
    ]
    for command, process in zip(commands, running, strict=True):
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"manage.py {command[0]}: {output}"


def start(command: list[str], environment: dict[str, str], log) -> subprocess.Popen:
    with open(log, "w") as output:
        return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)


def request(
    stack,
    method: str,
    path: str,
    *,
    secure: bool = True,
    host: str = "127.0.0.1",
    port: int | None = None,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> http.client.HTTPResponse:
    port = port or stack["ports"]["https" if secure else "http"]
    if secure:
        context = ssl.create_default_context(cafile=str(stack["certificate"]))
        context.check_hostname = host == "127.0.0.1"
        connection = http.client.HTTPSConnection(host, port, context=context, timeout=30)
    else:
        connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request(method, path, body=body, headers={"Host": SITE_NAME, **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_pages_over_http_move_to_https(stack):
    response = request(stack, "GET", "/en/search/?q=vitra%C5%BEas", secure=False)
    assert response.status == 301
    assert response.getheader("Location") == f"https://{SITE_NAME}/en/search/?q=vitra%C5%BEas"


def test_health_checks_answer_over_plain_http(stack):
    for path in ("/healthz", "/healthz/live", "/healthz/ready"):
        response = request(stack, "GET", path, secure=False)
        assert response.status == 200, (path, response.body)
        assert response.getheader("Content-Type") == "application/json"
        assert response.getheader("Strict-Transport-Security") is None


def test_certificate_challenges_are_served_over_plain_http(stack):
    response = request(stack, "GET", "/.well-known/acme-challenge/token-1", secure=False)
    assert (response.status, response.body) == (200, b"challenge answer")


def test_pages_over_https_carry_hsts_from_the_application(stack):
    response = request(stack, "GET", "/")
    assert response.status == 200, response.body[:500]
    assert response.getheader("Strict-Transport-Security") == f"max-age={YEAR}"
    assert "text/html" in response.getheader("Content-Type")


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1_1 is deprecated:DeprecationWarning")
def test_tls_is_1_2_or_newer(stack):
    context = ssl.create_default_context(cafile=str(stack["certificate"]))
    context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1_1
    context.set_ciphers("ALL:@SECLEVEL=0")
    with socket.create_connection(("127.0.0.1", stack["ports"]["https"])) as raw:
        with pytest.raises(ssl.SSLError):
            context.wrap_socket(raw, server_hostname="127.0.0.1")


def test_bodies_over_the_limits_are_refused_by_nginx(stack):
    for path, limit in (("/admin/images/multiple/add/", ADMIN_BODY_LIMIT), ("/api/search/", PUBLIC_BODY_LIMIT)):
        response = request(stack, "POST", path, headers={"Content-Length": str(limit + 1)})
        assert response.status == 413, path
        assert b"nginx" in response.body  # nginx's own page: the application never saw the request


def test_uploads_under_the_limit_reach_the_application(stack):
    body = b"x" * (PUBLIC_BODY_LIMIT + 1)  # over the public limit, well under the upload limit
    response = request(
        stack, "POST", "/admin/images/multiple/add/", body=body, headers={"Content-Type": "application/octet-stream"}
    )
    assert response.status == 403  # Django's CSRF refusal: the body went through nginx


def test_a_forged_forwarded_proto_is_replaced(stack):
    forged = {"X-Forwarded-Proto": "https"}
    # Straight to gunicorn the header is believed (HSTS only goes with HTTPS): the check below can fail.
    direct = request(stack, "GET", "/healthz/live", secure=False, port=stack["ports"]["app"], headers=forged)
    assert direct.getheader("Strict-Transport-Security") is not None
    through_nginx = request(stack, "GET", "/healthz/live", secure=False, headers=forged)
    assert through_nginx.status == 200
    assert through_nginx.getheader("Strict-Transport-Security") is None
    downgraded = request(stack, "GET", "/", headers={"X-Forwarded-Proto": "http"})
    assert downgraded.status == 200  # not redirected: nginx said https


def test_gunicorn_is_not_reachable_on_a_public_interface(stack):
    port = stack["ports"]["app"]
    addresses = listening_addresses(port)
    assert addresses and addresses <= LOOPBACK_HEX, addresses
    address = public_address()
    if address is not None:
        with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
            probe.connect((address, port))
        with socket.create_connection((address, stack["ports"]["https"]), timeout=5):
            pass  # nginx is: the address is reachable


def test_metrics_only_for_local_scrapers(stack):
    assert request(stack, "GET", "/metrics").status == 200
    address = public_address()
    if address is not None:
        assert request(stack, "GET", "/metrics", host=address).status == 403


def test_static_files_with_a_hash_are_cached_for_a_year_and_compressed(stack):
    hashed = next((stack["static"] / "vendor" / "leaflet").glob("leaflet.*.css"))  # leaflet.<hash>.css
    path = f"/static/{hashed.relative_to(stack['static'])}"
    response = request(stack, "GET", path, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert f"max-age={YEAR}" in response.getheader("Cache-Control")
    assert "immutable" in response.getheader("Cache-Control")
    plain = request(stack, "GET", "/static/vendor/leaflet/leaflet.css")
    assert plain.status == 200
    assert plain.getheader("Cache-Control") == "max-age=3600"


def test_editors_log_in_through_nginx_on_a_port_of_its_own(stack):
    """The browser's Host and Origin carry the port; nginx must hand Django the port too (CSRF's origin check)."""
    port = stack["ports"]["https"]
    context = ssl.create_default_context(cafile=str(stack["certificate"]))

    def connect():
        return http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)

    assert login_status(connect, f"{SITE_NAME}:{port}", f"https://{SITE_NAME}:{port}") == 302
    assert login_status(connect, SITE_NAME, f"https://{SITE_NAME}") == 302  # the default port, as on a server


def test_a_forged_host_is_refused_by_the_application(stack):
    port = stack["ports"]["https"]
    for host in (f"evil.example:{port}", "evil.example"):
        response = request(stack, "GET", "/", headers={"Host": host})
        assert response.status == 400, host
    response = request(stack, "GET", "/", headers={"X-Forwarded-Host": "evil.example"})
    assert response.status == 200  # nginx replaces it; the page is the site's
    assert b"evil.example" not in response.body


def test_a_request_without_host_gets_the_servers_name(stack):
    """HTTP/1.0 monitors may send no Host: gunicorn is told the server's name, not an empty Host (400)."""
    with socket.create_connection(("127.0.0.1", stack["ports"]["http"]), timeout=30) as raw:
        raw.sendall(b"GET /healthz/live HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
