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
        "Stained glass windows of the Klaipėda church"
    ]


def test_a_page_past_the_end_shows_the_last_page(client, catalogue):
    response = client.get("/search/", {"sort": "title", "page": "99"})
    assert response.context["page_obj"].number == 1
    assert len(response.context["found"].items) == 4


def test_the_empty_page_invites_a_search(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "found" not in response.context


def test_the_page_offers_decades_and_states_in_lithuanian(client, catalogue):
    html = client.get("/search/", {"sort": "title"}).content.decode()
    assert "Dešimtmetis" in html and "1930–1939 m." in html
    assert "Dabartinė būklė" in html and "Prarastas" in html and "Išlikęs" in html
    assert 'name="state" value="lost"' in html and 'name="decade" value="1930"' in html


def test_the_english_page_labels_states_and_decades_in_english(client, catalogue):
    html = client.get("/en/search/", {"sort": "title"}).content.decode()
    assert "Current state" in html and "Lost" in html and "1890s" in html


def test_the_undated_count_is_a_checkbox_beside_the_years(client, catalogue):
    html = client.get("/search/", {"sort": "title"}).content.decode()
    assert 'name="undated" value="1">' in html and "Be datos" in html
    response = client.get("/search/", {"undated": "1"})
    assert [result.page.title for result in response.context["found"].items] == ["Nežinomas portretas"]
    assert 'name="undated" value="1" checked' in response.content.decode()


def test_a_state_filter_is_kept_in_the_form(client, catalogue):
    response = client.get("/search/", {"state": "lost"})
    assert [result.page.title for result in response.context["found"].items] == ["Bažnyčios langas"]
    assert 'name="state" value="lost" checked' in response.content.decode()


def problems_on(response) -> list[str]:
    return [problem.parameter for problem in response.context["problems"]]


def test_the_page_leaves_out_what_it_cannot_use_and_says_why_in_lithuanian(client, catalogue):
    response = client.get("/search/", {"q": "langas", "from": "abc", "sort": "sideways", "creator": "nobody"})
    assert response.status_code == 200
    assert response.context["found"].count == 1  # searched without them
    assert problems_on(response) == ["from", "sort", "creator"]
    html = response.content.decode()
    assert "Metai nuo" in html and "„abc“ nėra metai" in html and "Į tai neatsižvelgta." in html
    assert "Autorius" in html and "„nobody“ kataloge nėra" in html
    assert "is not a year" not in html and "left out" not in html  # each message in the page's language


def test_the_english_page_says_it_in_english(client, catalogue):
    html = client.get("/en/search/", {"from": "２０２０", "page": "0"}).content.decode()
    assert "From year" in html
    assert "“２０２０” is not a year or a date the archive reads: give a whole number from -3000 to 3000" in html
    assert "It was left out." in html and "nėra metai" not in html


def test_the_page_swaps_a_reversed_range_and_says_so(client, catalogue):
    response = client.get("/search/", {"from": "1950", "to": "1900"})
    assert (response.context["query"].year_from, response.context["query"].year_to) == (1900, 1950)
    assert "Metai sukeisti vietomis." in response.content.decode()


def test_a_text_too_long_is_searched_by_its_beginning_and_the_page_says_so(client, catalogue):
    response = client.get("/search/", {"q": "langas " + "x" * 300})
    assert response.status_code == 200 and problems_on(response) == ["q"]
    assert response.context["query"].text == "langas " + "x" * 193
    assert "Ieškota tik pagal pirmuosius 200 simbolių." in response.content.decode()


def test_nothing_is_said_when_everything_could_be_used(client, catalogue):
    response = client.get("/search/", {"q": "langas", "from": "", "to": "", "sort": "date"})
    assert problems_on(response) == [] and "search-problems" not in response.content.decode()
