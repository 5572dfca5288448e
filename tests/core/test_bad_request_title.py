"""The 400 page's title carries the site's name in the page's language, as every other page's does."""

import pytest
from django.core.exceptions import TooManyFieldsSent
from django.test import RequestFactory
from django.utils import translation

from archive.core.views import bad_request
from tests.factories import make_image, make_item


def title(html: str) -> str:
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "Netinkama užklausa · Klaipėdos paveldo archyvas"),
        ("/en", "Bad request · Klaipėda heritage archive"),
    ],
)
def test_an_out_of_range_detail_is_a_400_titled_with_the_site_name(client, collection, prefix, expected):
    make_item(collection, inventory_number="T-1", images=[make_image("Langas", 200, 100)])
    response = client.get(f"{prefix}/item/T-1/detail/1/150,20,100,50/")
    assert response.status_code == 400
    assert title(response.content.decode()) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("lt", "Netinkama užklausa · Klaipėdos paveldo archyvas"),
        ("en", "Bad request · Klaipėda heritage archive"),
    ],
)
def test_the_sites_own_400_page_is_titled_with_the_site_name(language, expected):
    with translation.override(language):
        response = bad_request(RequestFactory().get("/"), TooManyFieldsSent())
    assert title(response.content.decode()) == expected
