"""The search page's chosen filters: chips above the results, each a link to the same search without it,
"Clear all", and the controls of the sidebar belonging to the search form."""

import re

import pytest


def chips(response) -> list[tuple[str, str]]:
    return [(chip.text, chip.remove_url) for chip in response.context["active_filters"]]


def test_each_chosen_filter_is_a_chip_that_links_to_the_search_without_it(client, catalogue):
    response = client.get("/search/", {"technique": "vitrazas", "place": "kretinga", "from": "1800", "to": "1950"})
    assert response.context["found"].count == 1
    assert chips(response) == [
        ("Vieta: Kretinga", "?technique=vitrazas&from=1800&to=1950"),
        ("Technika ar medžiaga: vitražas", "?place=kretinga&from=1800&to=1950"),
        ("Metai nuo: 1800", "?place=kretinga&technique=vitrazas&to=1950"),
        ("Metai iki: 1950", "?place=kretinga&technique=vitrazas&from=1800"),
    ]
    html = response.content.decode()
    assert (
        '<a class="search-chip" href="?technique=vitrazas&amp;from=1800&amp;to=1950">Vieta: Kretinga'
        '<span class="visually-hidden"> (pašalinti šį filtrą)</span>'
    ) in html
    assert "Filtrai (4)" in html


def test_following_a_chip_searches_without_its_filter(client, catalogue):
    chosen = client.get("/search/", {"technique": "vitrazas", "place": "klaipeda", "sort": "date"})
    assert chosen.context["found"].count == 1
    without_place = chips(chosen)[0][1]
    assert without_place == "?sort=date&technique=vitrazas"
    followed = client.get("/search/" + without_place)
    direct = client.get("/search/", {"technique": "vitrazas", "sort": "date"})
    assert followed.context["found"].count == direct.context["found"].count == 2
    assert [result.page.title for result in followed.context["found"].items] == [
        "Bažnyčios langas",
        "Vitražas su Klaipėdos herbu",
    ]
    assert chips(followed) == [("Technika ar medžiaga: vitražas", "?sort=date")]


def test_clear_all_keeps_the_words_and_the_chosen_order(client, catalogue):
    response = client.get("/search/", {"q": "vitrazas", "sort": "date", "technique": "vitrazas", "undated": "0"})
    assert response.context["clear_all_url"] == "?q=vitrazas&sort=date"
    assert '<a class="search-clear" href="?q=vitrazas&amp;sort=date">Išvalyti viską</a>' in response.content.decode()
    assert chips(response) == [("Technika ar medžiaga: vitražas", "?q=vitrazas&sort=date")]


def test_removing_the_last_filter_browses_everything(client, catalogue):
    response = client.get("/search/", {"state": "lost"})
    assert chips(response) == [("Dabartinė būklė: Prarastas", "?q=")]
    everything = client.get("/search/?q=")
    assert everything.context["found"].count == 4  # the published Lithuanian items, not the invitation page


def test_a_value_the_page_left_out_is_no_chip_and_not_carried_along(client, catalogue):
    response = client.get("/search/", {"technique": "vitrazas", "from": "abc", "creator": "nobody"})
    assert chips(response) == [("Technika ar medžiaga: vitražas", "?q=")]


def test_the_english_chips_are_in_english(client, catalogue):
    response = client.get("/en/search/", {"technique": "vitrazas", "state": "lost", "undated": "1"})
    assert chips(response) == [
        ("Technique or material: stained glass", "?state=lost&undated=1"),
        ("Current state: Lost", "?technique=vitrazas&undated=1"),
        ("Undated", "?technique=vitrazas&state=lost"),
    ]
    html = response.content.decode()
    assert "(remove this filter)" in html and "Clear all" in html and "Filters (3)" in html


@pytest.mark.parametrize("params", [{"q": "langas"}, {"sort": "title"}])
def test_no_chips_without_filters(client, catalogue, params):
    response = client.get("/search/", params)
    html = response.content.decode()
    assert response.context["active_filters"] == []
    assert "search-chips" not in html and "Filtrai (" not in html and "<summary>Filtrai</summary>" in html


def test_every_control_outside_the_query_box_belongs_to_the_search_form(client, catalogue):
    """The sidebar and the sort sit outside <form> (results come between), so each names the form; the only
    other form is the choice of results to compare, whose boxes name theirs."""
    html = client.get("/search/", {"sort": "title"}).content.decode()
    compare = re.search(r'<form id="compare-form".*?</form>', html, re.S)
    form_end = html.index("</form>", html.index('id="search-form"'))
    controls = re.findall(r"<(?:input|select|button)\b[^>]*>", html[form_end:].replace(compare[0], ""))
    assert len(controls) > 10
    assert [
        control for control in controls if 'form="search-form"' not in control and 'form="compare-form"' not in control
    ] == []


def test_the_apply_buttons_stay_for_readers_without_javascript(client, catalogue):
    html = client.get("/search/", {"q": "vitrazas"}).content.decode()
    assert html.count("data-apply") == 2  # filters and sort; search/static/search/filters.js hides them
    assert "Taikyti filtrus" in html and "search/filters.js" in html
