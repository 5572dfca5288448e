"""The OAI repository identifier: its own setting, a domain name, the same whatever the request or the origin."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .builders import NS, oai_get

ROOT = Path(__file__).resolve().parents[2]
SCHEME = "{http://www.openarchives.org/OAI/2.0/oai-identifier}"


def asked_as(client, host: str, **params) -> ET.Element:
    response = client.get("/oai", params, HTTP_HOST=host)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def identifiers(root) -> list[str]:
    return [element.text for element in root.iterfind(".//oai:header/oai:identifier", NS)]


@pytest.mark.django_db
def test_identify_and_identifiers_use_the_setting_whatever_host_or_origin(client, harvestable, settings):
    settings.OAI_REPOSITORY_IDENTIFIER = "archive.kvb.lt"
    settings.PUBLIC_BASE_URL = "https://10.0.0.7:8443"
    root = asked_as(client, "localhost", verb="Identify")
    scheme = root.find(f".//oai:description/{SCHEME}oai-identifier", NS)
    assert scheme.findtext(f"{SCHEME}repositoryIdentifier") == "archive.kvb.lt"
    assert scheme.findtext(f"{SCHEME}sampleIdentifier") == "oai:archive.kvb.lt:H-1"
    listed = identifiers(asked_as(client, "127.0.0.1", verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert listed == ["oai:archive.kvb.lt:H-1", "oai:archive.kvb.lt:H-2", "oai:archive.kvb.lt:H-3"]
    record = oai_get(client, verb="GetRecord", metadataPrefix="oai_dc", identifier="oai:archive.kvb.lt:H-1")
    assert identifiers(record) == ["oai:archive.kvb.lt:H-1"]


@pytest.mark.django_db
def test_an_identifier_of_another_repository_does_not_exist(client, harvestable):
    root = oai_get(client, verb="GetRecord", metadataPrefix="oai_dc", identifier="oai:127.0.0.1:H-1")
    assert root.find("oai:error", NS).get("code") == "idDoesNotExist"


def settings_value(module: str, **environment: str) -> subprocess.CompletedProcess:
    """OAI_REPOSITORY_IDENTIFIER as a fresh process with this environment reads it (or its start error)."""
    inherited = {name: value for name, value in os.environ.items() if name != "OAI_REPOSITORY_IDENTIFIER"}
    code = f"import {module} as s; print(s.OAI_REPOSITORY_IDENTIFIER)"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**inherited, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_default_is_a_fixed_domain_name():
    result = settings_value("archive.settings.dev", PUBLIC_BASE_URL="http://127.0.0.1:9000")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "archive.example"


@pytest.mark.parametrize(
    "value",
    [
        "127.0.0.1",
        "localhost",
        "::1",
        "[::1]",
        "10.0.0.7",
        "archive.kvb.lt:8000",
        "https://archive.kvb.lt",
        "-archive.lt",
        "archive",
    ],
)
def test_production_refuses_an_address_or_localhost_at_start(tmp_path, value):
    result = settings_value(
        "archive.settings.production",
        OAI_REPOSITORY_IDENTIFIER=value,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="archive.kvb.lt",
        ARCHIVE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "OAI_REPOSITORY_IDENTIFIER must be a domain name" in result.stderr
    assert repr(value) in result.stderr


def test_production_takes_a_domain_name(tmp_path):
    result = settings_value(
        "archive.settings.production",
        OAI_REPOSITORY_IDENTIFIER="archive.kvb.lt",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="archive.kvb.lt",
        ARCHIVE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "archive.kvb.lt"
