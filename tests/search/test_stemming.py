"""Word forms for the database backend (search/stemming.py)."""

from hypothesis import given
from hypothesis import strategies as st

from search.stemming import query_forms, stemmed_words, stems


def test_lithuanian_and_english_forms_share_a_stem():
    assert stemmed_words("laivas laivai laivų", "lt") == ["laiv"] * 3
    assert stemmed_words("ship ships", "en") == ["ship"] * 2


def test_words_with_digits_are_kept_as_written():
    assert stemmed_words("KVB-VIT-001 1935", "lt") == ["kvb", "vit", "001", "1935"]


def test_a_language_without_a_stemmer_keeps_the_words():
    assert stemmed_words("Straße", "de") == ["straße"]


@given(st.text(max_size=200), st.sampled_from(["lt", "en", "xx"]))
def test_any_text_gives_distinct_words_without_space_inside(text, language):
    result = stems([text], language)
    words = result.split()
    assert len(words) == len(set(words))
    assert all(word.strip() == word and word for word in words)


def test_words_are_stemmed_as_written_and_without_accents():
    # PostgreSQL's full-text index does not fold, and the stemmer reads the accents.
    assert stems(["Bažnyčios"], "lt") == "bažn baznyc"
    assert query_forms("baznycios", "lt") == ["baznyc"]
    assert query_forms("Bažnyčios langas", "lt") == ["bažn lang", "baznyc lang"]
