"""Public documents about an item (its manifest, embed page and oEmbed answer) are kept by browsers only
briefly and then revalidated, so an unpublished item stops showing within minutes, not an hour; a
revalidation of an unchanged document costs a 304. Tiles stay long-cached (tests/media)."""

import re
from urllib.parse import quote

import pytest

SHORT = 300  # seconds: what "briefly" means here; the setting may be shorter, never longer


def documents(settings, number: str) -> dict[str, str]:
    page = quote(f"{settings.PUBLIC_BASE_URL}/item/{number}/", safe="")
    return {"manifest": f"/iiif/manifest/{number}", "embed": f"/embed/item/{number}/", "oembed": f"/oembed?url={page}"}


def max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


@pytest.mark.parametrize("kind", ["manifest", "embed", "oembed"])
def test_a_public_document_is_cached_briefly_with_a_validator(client, item, settings, kind):
    url = documents(settings, item.inventory_number)[kind]
    first = client.get(url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and 0 < max_age(first) <= SHORT
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    assert again["ETag"] == first["ETag"] and max_age(again) == max_age(first)


@pytest.mark.parametrize("kind", ["manifest", "embed", "oembed"])
def test_after_unpublishing_a_revalidation_with_the_old_etag_is_refused(client, item, settings, kind):
    url = documents(settings, item.inventory_number)[kind]
    etag = client.get(url)["ETag"]
    item.unpublish()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_the_oembed_answer_asks_consumers_for_the_same_short_cache(client, item, settings):
    response = client.get(documents(settings, item.inventory_number)["oembed"])
    assert response.json()["cache_age"] == max_age(response)
