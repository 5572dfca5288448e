"""The Elasticsearch client takes its credentials and CA certificate from the settings.

No secured cluster runs here: the credentials are read from the client's configuration and from the
requests it sends to a small HTTPS endpoint that answers as Elasticsearch does, under a throwaway CA.
"""

import base64
import json
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import elastic_transport
import pytest

from search.backends.elasticsearch import ElasticsearchBackend, client_for

CLUSTER_INFO = {"name": "node", "cluster_name": "archive", "version": {"number": "8.19.0"}, "tagline": "You Know"}


def node_configs(client):
    return [node.config for node in client.transport.node_pool.all()]


def test_api_key_goes_into_every_request(settings):
    settings.ELASTICSEARCH_API_KEY = "a2V5OnNlY3JldA=="
    client = client_for("http://127.0.0.1:9299", 2)
    assert client._headers["authorization"] == "ApiKey a2V5OnNlY3JldA=="


def test_user_and_password_become_basic_auth(settings):
    settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD = "archive", "slaptas žodis"
    client = client_for("http://127.0.0.1:9299", 2)
    expected = base64.b64encode("archive:slaptas žodis".encode()).decode()
    assert client._headers["authorization"] == f"Basic {expected}"


def test_no_credentials_no_authorization_header(settings):
    assert "authorization" not in client_for("http://127.0.0.1:9299", 2)._headers


def test_ca_certificate_reaches_the_transport(settings, tmp_path):
    settings.ELASTICSEARCH_CA_CERTS = str(tmp_path / "ca.pem")
    configs = node_configs(client_for("https://search.example.org:9200", 2))
    assert [(config.scheme, config.ca_certs, config.verify_certs) for config in configs] == [
        ("https", str(tmp_path / "ca.pem"), True)
    ]


@pytest.fixture
def tls_endpoint(tmp_path):
    """An HTTPS endpoint on 127.0.0.1 with a certificate signed by a CA made for this test; it records the
    Authorization header of each request and answers like an Elasticsearch node."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test's certificate")
    ca, key = tmp_path / "ca.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(ca),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    seen = []

    class Node(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            seen.append(self.headers.get("Authorization"))
            body = json.dumps(CLUSTER_INFO).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Node)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ca, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", ca, seen
    server.shutdown()
    server.server_close()


@pytest.mark.service  # needs openssl for its certificate: a skip fails in CI
def test_backend_trusts_the_configured_ca_and_sends_the_api_key(settings, tls_endpoint):
    url, ca, seen = tls_endpoint
    settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_CA_CERTS = url, str(ca)
    settings.ELASTICSEARCH_API_KEY = "a2V5OnNlY3JldA=="
    assert ElasticsearchBackend().client.info()["version"]["number"] == "8.19.0"
    assert seen == ["ApiKey a2V5OnNlY3JldA=="]


@pytest.mark.service  # needs openssl for its certificate: a skip fails in CI
def test_backend_refuses_a_certificate_its_ca_did_not_sign(settings, tls_endpoint):
    url, _, seen = tls_endpoint
    settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_CA_CERTS = url, ""
    with pytest.raises(elastic_transport.TlsError):
        ElasticsearchBackend().client.info()
    assert seen == []
