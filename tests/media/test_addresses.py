"""media/addresses.py: the one builder of image-service URLs, and its round trip through the IIIF view."""

from urllib.parse import unquote, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from media.addresses import image_service_url, image_url
from media.ingest import ingest_image
from media.models import DigitizedImage, validate_iiif_identifier

pytestmark = pytest.mark.django_db

SERVED = ["kvb+1:a~b.c", "Vitražas-ąčęėįšųūž-ĄČĘĖĮŠŲŪŽ"]
REFUSED = ["kvb/vit/1", "kvb vit 1"]


def public_image_as(identifier: str, grid_file) -> DigitizedImage:
    """An ingested public image renamed to `identifier` (the ingest refuses letters beyond ASCII; the view
    serves whatever an image is called)."""
    image = ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)
    DigitizedImage.objects.filter(pk=image.pk).update(iiif_identifier=identifier)
    image.refresh_from_db()
    return image


def last_segment(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1]


@pytest.mark.parametrize("identifier", SERVED + REFUSED)
def test_the_identifier_is_one_encoded_segment_that_decodes_back(settings, identifier):
    url = image_service_url(identifier)
    assert url.startswith(f"{settings.IIIF_BASE_URL}/3/")
    segment = url[len(f"{settings.IIIF_BASE_URL}/3/") :]
    assert "/" not in segment and " " not in segment and "+" not in segment
    assert segment.isascii() and unquote(segment) == identifier


@pytest.mark.parametrize("identifier", SERVED)
def test_built_urls_resolve_to_the_image(client, grid_file, identifier):
    image = public_image_as(identifier, grid_file)
    service = image_service_url(image.iiif_identifier)
    info = client.get(f"{urlsplit(service).path}/info.json")
    assert info.status_code == 200
    assert info.json()["id"] == service
    pixels = client.get(urlsplit(image_url(image.iiif_identifier, "0,0,10,10", "10,")).path)
    assert pixels.status_code == 200 and pixels["Content-Type"] == "image/jpeg"
    redirect = client.get(urlsplit(service).path)
    assert redirect.status_code == 303 and redirect["Location"] == f"{service}/info.json"


@pytest.mark.parametrize("identifier", REFUSED)
def test_identifiers_the_view_cannot_route_are_refused_by_the_model(identifier):
    with pytest.raises(ValidationError):
        validate_iiif_identifier(identifier)


def test_version_two_has_its_own_service(settings):
    assert image_service_url("a+b", "2") == f"{settings.IIIF_BASE_URL}/2/a%2Bb"


def test_template_tags_use_the_configured_base(settings, grid_file):
    settings.IIIF_BASE_URL = "https://images.example.org/iiif"
    image = public_image_as("kvb+1", grid_file)
    html = Template("{% load archive_tags %}{% iiif_url image '0,0,10,10' '!800,800' %} {% iiif_fit image 100 %}")
    detail, fit = html.render(Context({"image": image})).split()
    assert detail == "https://images.example.org/iiif/3/kvb%2B1/0,0,10,10/max/0/default.jpg"
    assert fit == "https://images.example.org/iiif/3/kvb%2B1/full/!100,100/0/default.jpg"
