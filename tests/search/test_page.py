"""The search page: state in the URL, facets, snippets, a helpful page when nothing matched."""


def test_the_page_lists_results_with_facets(client, catalogue):
    response = client.get("/search/", {"q": "langas"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bažnyčios langas" in html
    assert 'name="collection" value="vitrazai"' in html


def test_chosen_filters_are_kept_in_the_form(client, catalogue):
    response = client.get("/search/", {"place": "klaipeda", "from": "1900", "to": "1999", "sort": "date"})
    html = response.content.decode()
    assert 'name="place" value="klaipeda" checked' in html
    assert 'name="from" type="number" inputmode="numeric" value="1900"' in html
    assert '<option value="date" selected>' in html
    assert response.context["found"].count == 2
    assert "Rasti 2 objektai" in html  # Lithuanian, with its plural forms


def test_nothing_found_gives_advice(client, catalogue):
    response = client.get("/search/", {"q": "dinozauras", "place": "kretinga"})
    assert response.status_code == 200
    assert response.context["found"].count == 0
    assert "?q=dinozauras" in response.content.decode()  # the way back without filters


def test_the_english_page_searches_english_items(client, catalogue):
    response = client.get("/en/search/", {"q": "glass"})
    assert [result.page.title for result in response.context["found"].items] == [
        "Stained glass windows of the Klaipėda church"]


def test_a_page_past_the_end_shows_the_last_page(client, catalogue):
    response = client.get("/search/", {"sort": "title", "page": "99"})
    assert response.context["page_obj"].number == 1
    assert len(response.context["found"].items) == 4


def test_the_empty_page_invites_a_search(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "found" not in response.context
