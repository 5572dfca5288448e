"""Word forms for the database backend: "ship" finds "Sailing ships", "laivas" finds "laivai".

Elasticsearch stems with its analysers (search/backends/es_mapping.py); Wagtail's database backend does not
(modelsearch has no per-language analysers). So each item also carries its words stemmed in its own
language (a search field, `ItemPage.search_stems`), and a query is searched both as typed and stemmed
in the language searched. Stemming comes before any folding of diacritics, as the Lithuanian Snowball
stemmer expects; the database's full-text index folds both sides afterwards. Words with digits
(inventory numbers, years) are kept as they are.
"""

import re
from functools import cache

import snowballstemmer

STEMMERS = {"lt": "lithuanian", "en": "english"}
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


def stems(texts, language: str) -> str:
    """The distinct stems of all the texts, in order of first appearance, as one string to index."""
    seen = dict.fromkeys(word for text in texts for word in stemmed_words(text, language))
    return " ".join(seen)
