"""A cold `sdi search` reads an SQLite store through `sdi.storage.lean` (plain SQL, no SQLAlchemy, no spaCy)
and finds exactly what the workbench's search finds; a query word stands for every lemma it may have."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sdi.nlp.word_readings import word_readings
from sdi.storage.faults import lock_timeout
from sdi.storage.lean import sqlite_reader
from sdi.storage.search_query import Clause, fts5_expression, tsquery_expression
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import open_project
from sdi.workflow.search import search, search_at, search_sqlite
from sdi.workflow.search_filter import SearchFilter

QUERIES = ["barnehage", "stafettlogg", "foreldre", '"ringe hjem"', "bekymring", "stafett*", "ppt -barnevern",
           "Barnevernet", "samarbeid", '"tidlig innsats"', "landet", "skole -barnehage"]  # fmt: skip


def test_the_lean_search_finds_what_the_store_finds(demo_analysis: Path) -> None:
    project = open_project(demo_analysis, coder="tester", exact=True)
    try:
        url = project.config.resolved_database_url()
        with sqlite_reader(url, lock_timeout()) as read:
            assert read is not None
            for query in QUERIES:
                for limit in (3, 50):
                    lean, full = search_sqlite(read, query, limit), search(project, query, limit)
                    assert search_sqlite(read, query, limit, tagged=False).clauses != () or not lean.hits
                    assert lean == full, query
                    assert lean.hits or query == "landet", query
    finally:
        project.close()


def test_a_filter_or_a_bad_query_goes_the_ordinary_way(demo_analysis: Path) -> None:
    filtered, config = search_at(demo_analysis, "tester", "barnehage", 50, SearchFilter(stages=("2",)))
    assert filtered.hits and {hit.stage for hit in filtered.hits} == {2} and config.language == "nb"
    with pytest.raises(WorkflowError, match="at least one word"):
        search_at(demo_analysis, "tester", "og -barnehage")


def test_a_cold_search_imports_neither_sqlalchemy_nor_spacy(demo_analysis: Path) -> None:
    script = (
        "import sys\nfrom sdi.cli.main import main\n"
        f"main(['--project', {str(demo_analysis)!r}, 'search', 'stafettlogg', '-n', '3'])\n"
        "heavy = ('sqlalchemy', 'spacy', 'textual', 'rapidfuzz', 'alembic')\n"
        "print('HEAVY=' + ','.join(n for n in heavy if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "[stafettlogg" in result.stdout.lower()
    assert result.stdout.splitlines()[-1] == "HEAVY="


def test_a_query_word_stands_for_every_lemma_it_may_have() -> None:
    readings = word_readings()
    assert readings.query_word("landet")[0] in {"land", "lande"}
    assert {"land", "lande"} <= set(readings.query_word("landet"))
    assert readings.query_word("barnehagene")[0] == "barnehage"
    assert word_readings(tagged=False).query_word("landet") == ("lande",)  # a lookup index holds one lemma
    assert readings.is_stop("og") and readings.is_stop("hadde") and not readings.is_stop("stafettlogg")
    words = readings.words("Barna leker. PPT-tjenesten kom, og Kari sa: Barnehagen!")
    assert [(s, e) for s, e, _ in words][:2] == [(0, 5), (6, 11)]
    by_word = {"Barna leker. PPT-tjenesten kom, og Kari sa: Barnehagen!"[s:e]: found for s, e, found in words}
    assert "barn" in by_word["Barna"] and "barnehage" in by_word["Barnehagen"]
    assert "PPT-tjenesten" in by_word  # a hyphenated word is one word, as the tokeniser keeps it


def test_alternatives_are_written_for_both_engines() -> None:
    landet = Clause("term", ("land",), choices=(("land", "lande"),))
    phrase = Clause("phrase", ("ringe", "hjem"), choices=(("ringe", "ringer"), ("hjem",)))
    assert fts5_expression([landet]) == '(lemmas : ("land" OR "lande"))'
    assert fts5_expression([phrase, Clause("term", ("perm",), True)]) == (
        '(lemmas : ("ringe hjem" OR "ringer hjem")) NOT (lemmas : "perm")'
    )
    assert tsquery_expression([phrase]) == "((('ringe' | 'ringer') <-> ('hjem')))"


def test_the_marker_marks_the_words_whose_readings_were_asked_for(demo_root: Path) -> None:
    """Each distinct word decided once must still mark exactly the words `words` reads as wanted — a
    capital after a sentence opener and in mid-sentence included."""
    readings = word_readings()
    texts = [p.read_text(encoding="utf-8") for p in sorted((demo_root / "corpus").rglob("*.md"))]
    texts.append("Barna leker. Barna og barna: Barna! de ba Barnehagen, Stafett-loggen og stafettloggen")
    asked = [(frozenset({"barn", "barnehage"}), ()), (frozenset({"land", "lande"}), ("stafett",))]
    for wanted, prefixes in asked:
        marker = readings.marker(wanted, prefixes)
        for text in texts:
            expected = tuple(
                (s, e) for s, e, lemmas in readings.words(text)
                if lemmas & wanted or text[s:e].lower().startswith(prefixes or ("\0",))
            )  # fmt: skip
            assert marker.spans(text) == expected


def test_the_marker_finds_sentence_openings_as_words_reads_them() -> None:
    """Where a capital may be grammar is looked up only for the words that need it, by the run of other
    characters before them: joiners, underscores, digits, quotes and a text that opens with punctuation."""
    readings = word_readings()
    texts = ["«Barna» og Barna. Barna_x Barna x--Barna x-Barna 3 Barna 3. Barna", "... Barna", "Barna",
             "(Landet) landet - Landet: Landet’s x’Landet _Landet ¹Landet", ""]  # fmt: skip
    for wanted in (frozenset({"barn"}), frozenset({"land"}), frozenset({"lande"})):
        marker = readings.marker(wanted)
        for text in texts:
            expected = tuple((s, e) for s, e, lemmas in readings.words(text) if lemmas & wanted)
            assert marker.spans(text) == expected, (text, wanted)
