import pytest


def test_compare_shows_each_items_viewer(client, item, other_item):
    response = client.get(f"/compare/?items={item.inventory_number},{other_item.inventory_number}")
    html = response.content.decode()
    assert response.status_code == 200
    assert item.title in html and other_item.title in html
    assert html.count("data-viewer-config=") == 2


@pytest.mark.parametrize("items", ["", "KVB-V-1", "KVB-V-1,KVB-V-1", "A,B,C,D,E", "KVB-V-1,<script>"])
def test_compare_needs_two_to_four_inventory_numbers(client, item, items):
    response = client.get(f"/compare/?items={items}")
    assert response.status_code == 400
    assert 'class="compare-problem" role="alert"' in response.content.decode()


def test_compare_with_an_unknown_item_is_not_found(client, item):
    response = client.get(f"/compare/?items={item.inventory_number},NO-SUCH")
    assert response.status_code == 404
    assert "NO-SUCH" in response.content.decode()


def test_compare_does_not_show_unpublished_items(client, item, draft):
    response = client.get(f"/compare/?items={item.inventory_number},{draft.inventory_number}")
    assert response.status_code == 404
    assert draft.title not in response.content.decode()


def test_compare_speaks_english_under_en(client, item, other_item):
    response = client.get(f"/en/compare/?items={item.inventory_number},{other_item.inventory_number}")
    assert response.status_code == 200
    assert "<h1>Compare items</h1>" in response.content.decode()
