"""The analysers on a stock cluster: built-in filters in production, the plugin's only where a node lacks them.

The two chains must analyse alike, so the test compares the Lucene classes each builds, in order: the
plugin's are read from its Java source (search/elasticsearch_plugin), the built-in ones from the table below.
"""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from elasticsearch import BadRequestError

from search.backends.elasticsearch import ANALYSIS_PROVIDERS, analysis_filters
from search.backends.es_mapping import ANALYSERS, analysis, index_body

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_SOURCE = ROOT / "search" / "elasticsearch_plugin" / "src"
LUCENE = "org.apache.lucene.analysis"
# The Lucene class each analysis-common filter builds, read from Elasticsearch's source
# (github.com/elastic/elasticsearch, modules/analysis-common/src/main/java/org/elasticsearch/analysis/common/):
# CommonAnalysisPlugin.java maps "lowercase", "asciifolding" and "stemmer" to LowerCaseTokenFilterFactory
# (no `language`: LowerCaseFilter), ASCIIFoldingTokenFilterFactory (`preserve_original` false by default) and
# StemmerTokenFilterFactory, whose create() maps each `language` to the classes below.
BUILTIN_LUCENE = {
    ("lowercase", None): f"{LUCENE}.LowerCaseFilter()",
    ("asciifolding", None): f"{LUCENE}.miscellaneous.ASCIIFoldingFilter(false)",
    ("stemmer", "lithuanian"): f"{LUCENE}.snowball.SnowballFilter(org.tartarus.snowball.ext.LithuanianStemmer)",
    ("stemmer", "english"): f"{LUCENE}.en.PorterStemFilter()",
    ("stemmer", "possessive_english"): f"{LUCENE}.en.EnglishPossessiveFilter()",
}
# Filters a stock cluster has: analysis-common's, and the `stemmer` type configured in the index settings.
ANALYSIS_COMMON_FILTERS = {"lowercase", "asciifolding"}
ANALYSIS_COMMON_TYPES = {"stemmer"}


def split_arguments(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for position, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:position].strip())
            start = position + 1
    return [part for part in [*parts, text[start:].strip()] if part]


def chain_of(expression: str, imports: dict[str, str]) -> list[str]:
    """`new B(new A(tokenStream), x)` -> ["A()", "B(x)"]: the filters in the order they see the tokens."""
    expression = expression.strip()
    if expression == "tokenStream":
        return []
    name, arguments = re.fullmatch(r"new (\w+)\((.*)\)", expression, re.S).groups()
    inner, parameters = [], []
    for argument in split_arguments(arguments):
        if "tokenStream" in argument:
            inner = chain_of(argument, imports)
        else:
            plain = re.fullmatch(r"new (\w+)\(\)", argument)
            parameters.append(imports[plain.group(1)] if plain else argument)
    return [*inner, f"{imports[name]}({', '.join(parameters)})"]


def plugin_filters() -> dict[str, list[str]]:
    """Each archive_* filter of the plugin's Java source -> the Lucene classes its create() builds."""
    found = {}
    for source in PLUGIN_SOURCE.rglob("*.java"):
        text = source.read_text()
        imports = {path.rsplit(".", 1)[1]: path for path in re.findall(r"^import ([\w.]+);", text, re.M)}
        name = re.search(r'@NamedComponent\("(\w+)"\)', text).group(1)
        create = re.search(r"TokenStream create\(TokenStream tokenStream\) \{\s*return (.*?);\s*\}", text, re.S)
        found[name] = chain_of(create.group(1), imports)
    return found


def lucene_chain(filters: str) -> dict[str, list[str]]:
    """Each analyser of the index built with `filters` -> its Lucene filter classes in order."""
    settings = analysis(filters)
    configured = settings.get("filter", {})
    plugin = plugin_filters()
    chains = {}
    for analyser, definition in settings["analyzer"].items():
        chain = []
        for name in definition["filter"]:
            if name in plugin:
                chain += plugin[name]
            elif name in configured:
                chain.append(BUILTIN_LUCENE[configured[name]["type"], configured[name].get("language")])
            else:
                chain.append(BUILTIN_LUCENE[name, None])
        chains[analyser] = chain
    return chains


def test_the_production_index_uses_only_analysis_common_filters():
    body = index_body("builtin", shards=1, replicas=1)
    configured = body["settings"]["analysis"].get("filter", {})
    used = {name for analyser in body["settings"]["analysis"]["analyzer"].values() for name in analyser["filter"]}
    assert set(body["settings"]["analysis"]["analyzer"]) == set(ANALYSERS)
    assert used <= ANALYSIS_COMMON_FILTERS | set(configured)
    assert {definition["type"] for definition in configured.values()} <= ANALYSIS_COMMON_TYPES
    assert not [name for name in [*used, *configured] if name.startswith("archive_")]
    assert {analyser["tokenizer"] for analyser in body["settings"]["analysis"]["analyzer"].values()} == {"standard"}
    # Every text field is analysed by one of those analysers.
    analysers = {field.get("analyzer") for field in body["mappings"]["properties"].values() if field["type"] == "text"}
    assert analysers <= set(ANALYSERS)


def test_the_plugin_source_is_what_the_comparison_reads():
    assert plugin_filters() == {
        "archive_lowercase": [f"{LUCENE}.LowerCaseFilter()"],
        "archive_asciifolding": [f"{LUCENE}.miscellaneous.ASCIIFoldingFilter(false)"],
        "archive_lithuanian_stem": [f"{LUCENE}.snowball.SnowballFilter(org.tartarus.snowball.ext.LithuanianStemmer)"],
        "archive_english_stem": [f"{LUCENE}.en.EnglishPossessiveFilter()", f"{LUCENE}.en.PorterStemFilter()"],
    }


def test_built_in_and_plugin_chains_are_the_same_lucene_filters_in_the_same_order():
    builtin, plugin = lucene_chain("builtin"), lucene_chain("plugin")
    assert builtin == plugin
    # Stemming before folding: the Lithuanian stemmer's rules need the diacritics (elasticsearch#139606).
    assert [re.sub(r"^[\w.]+\.(?=\w+\()", "", name) for name in builtin["archive_lt"]] == [
        "LowerCaseFilter()",
        "SnowballFilter(org.tartarus.snowball.ext.LithuanianStemmer)",
        "ASCIIFoldingFilter(false)",
    ]


def test_an_unknown_choice_of_filters_is_refused():
    with pytest.raises(ValueError, match="builtin, plugin"):
        index_body("archive")


def settings_of(module: str, **environment) -> dict:
    code = (
        "from django.conf import settings as s; "
        "print(s.ELASTICSEARCH_ANALYSIS, s.ELASTICSEARCH_SHARDS, s.ELASTICSEARCH_REPLICAS)"
    )
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("ELASTICSEARCH_")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**inherited, "DJANGO_SETTINGS_MODULE": module, **environment},
        timeout=60,
        check=True,
    )
    analysis_choice, shards, replicas = result.stdout.split()
    return {"analysis": analysis_choice, "shards": int(shards), "replicas": int(replicas)}


def test_production_defaults_to_built_in_filters_and_a_replica(tmp_path):
    production = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "archive.example.org", "ARCHIVE_DATA_DIR": str(tmp_path)}
    assert settings_of("archive.settings.production", **production) == {
        "analysis": "builtin",
        "shards": 1,
        "replicas": 1,
    }
    assert settings_of("archive.settings.test") == {"analysis": "auto", "shards": 1, "replicas": 0}
    assert settings_of("archive.settings.dev", ELASTICSEARCH_SHARDS="3", ELASTICSEARCH_ANALYSIS="plugin") == {
        "analysis": "plugin",
        "shards": 3,
        "replicas": 0,
    }


# --- on the real node ---


@pytest.mark.service
def test_auto_asks_the_node_which_filters_it_has(elasticsearch, settings):
    modules = elasticsearch.client.nodes.info(metric="plugins").body["nodes"]
    names = {part["name"] for node in modules.values() for part in node["modules"] + node["plugins"]}
    expected = "builtin" if ANALYSIS_PROVIDERS["builtin"] in names else "plugin"
    settings.ELASTICSEARCH_ANALYSIS = "auto"
    assert analysis_filters(elasticsearch.client) == expected
    settings.ELASTICSEARCH_ANALYSIS = "builtin"
    assert analysis_filters(elasticsearch.client) == "builtin"  # as set, never asked


@pytest.mark.service
def test_the_chosen_filters_analyse_lithuanian_and_english_on_the_node(elasticsearch):
    name = f"{elasticsearch.alias}-analysis-{uuid.uuid4().hex[:6]}"
    elasticsearch.client.indices.create(index=name, body=index_body(analysis_filters(elasticsearch.client)))
    try:

        def tokens(analyzer: str, text: str) -> list[str]:
            found = elasticsearch.client.indices.analyze(index=name, analyzer=analyzer, text=text)
            return [token["token"] for token in found["tokens"]]

        assert tokens("archive_lt", "Bažnyčios") == tokens("archive_lt", "bažnyčia") == ["bazn"]
        assert tokens("archive_en", "The Ship's sails") == ["the", "ship", "sail"]
        assert tokens("archive_folded", "Klaipėdos ŠVYTURYS") == ["klaipedos", "svyturys"]
    finally:
        elasticsearch.client.indices.delete(index=name, ignore_unavailable=True)


@pytest.mark.service
def test_the_built_in_index_is_refused_exactly_where_auto_picks_the_plugin(elasticsearch):
    """Why auto is there: this project's test node (integ-test-zip) has no analysis-common."""
    name = f"{elasticsearch.alias}-stock-{uuid.uuid4().hex[:6]}"
    if analysis_filters(elasticsearch.client) == "builtin":
        elasticsearch.client.indices.create(index=name, body=index_body("builtin"))
        elasticsearch.client.indices.delete(index=name)
        return
    with pytest.raises(BadRequestError, match="stemmer|lowercase|asciifolding"):
        elasticsearch.client.indices.create(index=name, body=index_body("builtin"))
