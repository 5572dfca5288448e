import json
import re

import pytest


def workspace(response) -> dict:
    script = re.search(r'<script id="compare-workspace-config" type="application/json">(.*?)</script>', response.text)
    return json.loads(script[1])


def test_compare_gives_mirador_each_items_manifest(client, settings, item, other_item):
    settings.PUBLIC_BASE_URL = "https://archive.example.lt"
    response = client.get(f"/compare/?items={item.inventory_number},{other_item.inventory_number}")
    assert response.status_code == 200
    assert workspace(response) == {
        "language": "lt",
        "manifests": [
            "https://archive.example.lt/iiif/manifest/KVB-V-1",
            "https://archive.example.lt/iiif/manifest/KVB-V-2",
        ],
    }
    assert "vendor/mirador/mirador.min.js" in response.text
    assert "data-viewer-config=" not in response.text


def test_compare_lists_the_items_with_links_and_thumbnails_for_readers_without_javascript(client, item, other_item):
    response = client.get(f"/compare/?items={other_item.inventory_number},{item.inventory_number}")
    html = response.text
    assert html.index(other_item.title) < html.index(item.title)
    assert f'href="{item.url}"' in html and f'href="{other_item.url}"' in html
    assert html.count('<li class="card">') == 2
    assert 'alt="Alt text of Front"' in html
    assert "<noscript>" in html


def test_compare_opens_mirador_in_the_page_language(client, item, other_item):
    response = client.get(f"/en/compare/?items={item.inventory_number},{other_item.inventory_number}")
    assert workspace(response)["language"] == "en"


@pytest.mark.parametrize("items", ["", "KVB-V-1", "KVB-V-1,KVB-V-1", "A,B,C,D,E", "KVB-V-1,<script>"])
def test_compare_needs_two_to_four_inventory_numbers(client, item, items):
    response = client.get(f"/compare/?items={items}")
    assert response.status_code == 400
    assert 'class="compare-problem" role="alert"' in response.content.decode()
    assert "mirador" not in response.content.decode()


def test_compare_with_no_published_item_left_is_not_found(client, item, draft):
    response = client.get(f"/compare/?items={draft.inventory_number},NO-SUCH")
    assert response.status_code == 404
    assert "NO-SUCH" in response.text
    assert draft.title not in response.text
    assert "mirador" not in response.text


def test_compare_shows_the_published_items_and_names_the_numbers_not_available(client, item, draft):
    # A saved link outlives an unpublished item: the rest is still compared, and the reader is told which
    # numbers are left out, in words that do not say whether a draft exists ("not available" covers both).
    response = client.get(f"/compare/?items={draft.inventory_number},{item.inventory_number},NO-SUCH")
    assert response.status_code == 200
    assert workspace(response)["manifests"] == ["http://127.0.0.1:8000/iiif/manifest/KVB-V-1"]
    assert response.text.count('<li class="card">') == 1
    notice = re.search(r'<p class="compare-notice" role="status">(.*?)</p>', response.text, re.S)[1]
    assert "KVB-DRAFT, NO-SUCH" in notice
    assert "nepasiekiami" in notice
    assert draft.title not in response.text


def test_the_notice_of_items_not_available_speaks_the_page_language(client, item, other_item, draft):
    response = client.get(f"/en/compare/?items={item.inventory_number},{other_item.inventory_number},KVB-DRAFT")
    assert response.status_code == 200
    assert len(workspace(response)["manifests"]) == 2
    notice = re.search(r'<p class="compare-notice" role="status">(.*?)</p>', response.text, re.S)[1]
    assert notice.strip() == "The item KVB-DRAFT is not available, so it is left out of this comparison."


def test_a_malformed_number_is_still_refused_beside_an_unpublished_one(client, item, draft):
    response = client.get(f"/compare/?items={item.inventory_number},{draft.inventory_number},<script>")
    assert response.status_code == 400
    assert "compare-notice" not in response.text


def test_a_full_comparison_has_no_notice(client, item, other_item):
    response = client.get(f"/compare/?items={item.inventory_number},{other_item.inventory_number}")
    assert "compare-notice" not in response.text


def test_compare_speaks_english_under_en(client, item, other_item):
    response = client.get(f"/en/compare/?items={item.inventory_number},{other_item.inventory_number}")
    assert response.status_code == 200
    assert "<h1>Compare items</h1>" in response.content.decode()


def test_the_compare_boxes_of_search_results_open_the_comparison(client, item, other_item):
    # The results page offers each item to compare; the boxes send ?items=A&items=B.
    html = client.get("/search/", {"q": ""}).content.decode()
    assert 'id="compare-form"' in html and 'action="/compare/"' in html
    for number in (item.inventory_number, other_item.inventory_number):
        assert f'name="items" value="{number}" form="compare-form"' in html
    response = client.get("/compare/", {"items": [item.inventory_number, other_item.inventory_number]})
    assert response.status_code == 200
    assert [url.rsplit("/", 1)[1] for url in workspace(response)["manifests"]] == ["KVB-V-1", "KVB-V-2"]


def test_compare_reads_inventory_numbers_in_any_case_as_permalinks_do(client, item, other_item):
    response = client.get("/compare/?items=kvb-v-1,Kvb-V-2")
    assert response.status_code == 200
    assert workspace(response)["manifests"] == [
        "http://127.0.0.1:8000/iiif/manifest/KVB-V-1",
        "http://127.0.0.1:8000/iiif/manifest/KVB-V-2",
    ]
    assert client.get("/item/kvb-v-1/").status_code == 302


def test_the_same_item_in_two_spellings_is_one_item(client, item, other_item):
    response = client.get("/compare/?items=kvb-v-1,KVB-V-1")
    assert response.status_code == 400
    assert response.text.count('<li class="card">') == 0
