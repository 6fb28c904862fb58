"""Discovering names nobody listed, with the offline pipeline's rules (the model's entities are tested with
the shipped pipeline): sentence-initial names, genitives, municipalities and counties as places, the
acronym skip list, and never a sentence-initial common word inside a mention."""

from __future__ import annotations

from sdi.config import DEFAULT_ACRONYMS
from sdi.nlp.lemma_table import LemmaTable
from sdi.nlp.name_discovery import base_name, places
from sdi.nlp.names import NameLists, common_word_test, find_mentions, gather, name_word_test
from sdi.nlp.pipeline import NlpPipeline


def _found(nlp: NlpPipeline, table: LemmaTable, text: str) -> dict[str, str]:
    mentions = find_mentions(
        "a.md", text, next(nlp.annotate([text])), lists=NameLists(skip=frozenset(DEFAULT_ACRONYMS)),
        is_common=common_word_test(table.get), is_name=name_word_test(table.get),
        use_entities=nlp.info.has_entities,
    )  # fmt: skip
    return {m.text: m.kind for m in mentions}


def test_a_sentence_after_a_number_with_a_full_stop_does_not_lend_its_first_word(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    text = "Det skjedde i februar 2018. Siden Ibestad kommune hadde ansvaret, ringte vi dit."
    assert _found(offline, table, text) == {"Ibestad kommune": "place"}


def test_names_at_a_sentence_start_are_found_when_the_table_knows_them_as_names(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    text = "Kari ringte meg i går. Norge har mange kommuner. Lærerne sa ja. Tromsø har mange barnehager."
    assert _found(offline, table, text) == {"Kari": "person", "Norge": "place", "Tromsø": "place"}


def test_genitives_are_mentions_of_their_name(offline: NlpPipeline, table: LemmaTable) -> None:
    text = "Karis mor ringte. Han snakket om Norges regjering og om Bergens skoler."
    found = _found(offline, table, text)
    assert found == {"Karis": "person", "Norges": "place", "Bergens": "place"}
    is_name = name_word_test(table.get)
    assert [base_name(word, is_name) for word in ("Karis", "Norges", "Bergens", "Hans", "Ross")] == [
        "Kari", "Norge", "Bergen", "Hans", "Ross",
    ]  # fmt: skip
    mentions = find_mentions(
        "a.md", text, next(offline.annotate([text])), lists=NameLists(),
        is_common=common_word_test(table.get), is_name=is_name, use_entities=False,
    )  # fmt: skip
    assert [c.name for c in gather(mentions, NameLists())] == ["Kari", "Norge", "Bergen"]


def test_municipalities_and_counties_are_places_also_with_kommune_or_fylke(
    offline: NlpPipeline, table: LemmaTable
) -> None:
    text = "Vi samarbeider med Ibestad og Troms fylke, og Time kommune var med. Time etter time gikk."
    expected = {"Ibestad": "place", "Troms fylke": "place", "Time kommune": "place"}
    assert _found(offline, table, text) == expected


def test_acronyms_on_the_skip_list_are_never_proposed(offline: NlpPipeline, table: LemmaTable) -> None:
    text = "Han har kontakt med Nav og BUP, og med Gunn Elin på Lia skole."
    assert _found(offline, table, text) == {"Gunn Elin": "person", "Lia skole": "institution"}


def test_the_place_list_holds_municipalities_counties_and_old_counties() -> None:
    known = places()
    assert {"Ibestad", "Oslo", "Indre Østfold", "Nore og Uvdal", "Vestland", "Sogn og Fjordane"} <= known
    assert len(known) > 370 and "kommune" not in known
