"""Word forms for the database backend: "ship" finds "Sailing ships", "laivas" finds "laivai".

Elasticsearch stems with its analysers (search/backends/es_mapping.py); Wagtail's database backend does not
(modelsearch has no per-language analysers). So each item also carries its words stemmed in its own
language (a search field, `ItemPage.search_stems`), and a query is searched both as typed and stemmed
in the language searched. The Lithuanian Snowball stemmer reads the accents ("bažnyčios" stems to "bažn",
"baznycios" to "baznyc"), and PostgreSQL's index, unlike SQLite's, does not fold them; so each word is
indexed stemmed as written and stemmed without its accents, and a query is searched both ways too:
"baznycios" typed without accents finds "Bažnyčios" on both databases. Words with digits (inventory
numbers, years) are kept as they are. Folding also writes "ß" as "ss" (Elasticsearch's asciifolding does
the same): "Strasse" finds "Straße" and the reverse.

An English page is indexed and searched with the Lithuanian stemming too (STEMMINGS): its places, subjects
and makers keep Lithuanian names, which a visitor types inflected ("Klaipėdos", "vitražai").
"""

import re
import unicodedata
from functools import cache

import snowballstemmer

STEMMERS = {"lt": "lithuanian", "en": "english"}
# The stemmings a page in a language is indexed with and a search in that language is searched with.
STEMMINGS = {"lt": ("lt",), "en": ("en", "lt")}
FOLDED_LETTERS = str.maketrans({"ß": "ss", "ẞ": "SS"})  # letters NFKD does not decompose
WORD = re.compile(r"\w+", re.UNICODE)


@cache
def stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stemmed_words(text: str, language: str) -> list[str]:
    words = [word.lower() for word in WORD.findall(text or "")]
    stem = stemmer(language)
    if stem is None:
        return words
    return [word if any(character.isdigit() for character in word) else stem.stemWord(word) for word in words]


def folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLDED_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stemmings(language: str) -> tuple[str, ...]:
    return STEMMINGS.get(language, (language,))


def stems(texts, language: str) -> str:
    """What to index: the distinct stems of all the texts, as written and without accents, in each stemming
    of the language, as one string."""
    texts = list(texts)
    seen = dict.fromkeys(
        word
        for stemming in stemmings(language)
        for text in texts
        for form in (text or "", folded(text or ""))
        for word in stemmed_words(form, stemming)
    )
    return " ".join(seen)


def query_forms(text: str, language: str) -> list[str]:
    """What to search for besides the text as typed: its words stemmed as typed, and without accents, in each
    stemming of the language."""
    forms = [
        " ".join(stemmed_words(form, stemming)) for stemming in stemmings(language) for form in (text, folded(text))
    ]
    return [form for form in dict.fromkeys(forms) if form]
