"""Finding names for pseudonymisation: the entity path (a saved pipeline with an entity ruler), the
fallback on capitals with real Norwegian text, fuzzy list matches, and consistent proposals."""

from __future__ import annotations

from pathlib import Path

from sdi.nlp.lemma_table import LemmaTable
from sdi.nlp.names import (
    NameLists,
    common_word_test,
    find_mentions,
    gather,
    protected_spans,
)
from sdi.nlp.pipeline import NlpPipeline, load_pipeline
from sdi.nlp.replacement import letters, propose


def _mentions(nlp: NlpPipeline, table: LemmaTable, texts: dict[str, str], lists: NameLists | None = None):  # type: ignore[no-untyped-def]
    lists = lists or NameLists()
    found = []
    for source, text in texts.items():
        annotation = next(nlp.annotate([text]))
        found += find_mentions(
            source,
            text,
            annotation,
            lists=lists,
            is_common=common_word_test(table.get),
            use_entities=nlp.info.has_entities,
            protected=protected_spans(text),
        )
    return found


def test_fallback_finds_capitalised_names_but_not_sentence_starts_or_common_words(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    text = (
        "Barnehagen ringte til helsestasjonen. Der snakket vi med Gunn Elin om saken, "
        "og familien bor på Holmen. Han gikk på Lia skole i fjor. I mars kom [barn] tilbake. PPT var der."
    )
    found = {m.text: m.kind for m in _mentions(offline, table, {"a.md": text})}
    assert found == {"Gunn Elin": "person", "Holmen": "place", "Lia skole": "institution"}


def test_skip_list_leaves_the_projects_own_names(offline: NlpPipeline, table: LemmaTable) -> None:
    text = "Vi i Fjordvik har snakket med Emil om dette."
    lists = NameLists(skip=frozenset({"Fjordvik"}))
    assert [m.text for m in _mentions(offline, table, {"a.md": text}, lists)] == ["Emil"]


def test_listed_names_are_matched_fuzzily_and_in_the_genitive(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    text = "Jeg ringte Kari i går. Karis mor svarte. Senere sa Karri det samme, men Karte og kart er ord."
    lists = NameLists(names={"Kari": "person"})
    found = _mentions(offline, table, {"a.md": text}, lists)
    assert [(m.text, m.listed) for m in found if m.how == "list"] == [
        ("Kari", "Kari"),
        ("Karis", "Kari"),
        ("Karri", "Kari"),
    ]
    (candidate,) = [c for c in gather(found, lists) if c.name == "Kari"]
    assert candidate.count == 3 and candidate.variants == ("Karri",) and candidate.listed


def test_short_listed_names_match_only_exactly(offline: NlpPipeline, table: LemmaTable) -> None:
    lists = NameLists(names={"Ida": "person"})
    found = _mentions(offline, table, {"a.md": "Så kom Ida og Idas far, men ikke Ina."}, lists)
    assert [m.text for m in found if m.how == "list"] == ["Ida", "Idas"]


def test_entities_and_rules_both_find_names(saved_model: Path, lemma_cache: Path, table: LemmaTable) -> None:
    nlp = load_pipeline(str(saved_model), lemma_cache)
    assert nlp.info.has_entities
    text = "Vi har et godt samarbeid med PPT og med Fjordvik kommune, sa Kari."
    found = {m.text: (m.kind, m.how) for m in _mentions(nlp, table, {"a.md": text})}
    # The model's entities with their kinds, and what the capitals rule finds that the model missed.
    assert found == {
        "PPT": ("institution", "entity"),
        "Fjordvik kommune": ("place", "entity"),
        "Kari": ("person", "capital"),
    }


def test_the_same_name_gets_the_same_pseudonym_across_transcripts(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    texts = {
        "a.md": "Jeg snakket med Gunn Elin, og hun kjente Emil godt. Vi møttes på Holmen.",
        "b.md": "Da ringte Emil selv. Så kom Gunn Elin også, og de bor fortsatt på Holmen.",
    }
    candidates = gather(_mentions(offline, table, texts), NameLists())
    by_name = {c.name: c for c in candidates}
    assert {m.source for m in by_name["Emil"].mentions} == {"a.md", "b.md"}
    proposals = {p.name: p.replacement for p in propose(candidates, {})}
    assert proposals == {"Gunn Elin": "[Person A]", "Emil": "[Person B]", "Holmen": "[Sted A]"}


def test_proposals_reuse_the_key_and_skip_its_letters(offline: NlpPipeline, table: LemmaTable) -> None:
    texts = {"a.md": "Vi snakket med Gunn Elin og Emil om Solbakken barnehage, og om folk fra Solbakken."}
    candidates = gather(_mentions(offline, table, texts), NameLists())
    existing = {"Emil": "[barn]", "Marit": "[Person A]", "Tunheim barnehage": "[Barnehage A]"}
    proposals = {p.name: (p.replacement, p.reused) for p in propose(candidates, existing)}
    assert proposals == {
        "Gunn Elin": ("[Person B]", False),
        "Emil": ("[barn]", True),
        "Solbakken barnehage": ("[Barnehage B]", False),
        "Solbakken": ("[Barnehage B]", False),  # the place part of an institution shares its pseudonym
    }


def test_letters_go_on_after_z() -> None:
    assert [letters(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]
