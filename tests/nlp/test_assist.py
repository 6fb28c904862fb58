"""Coding assistance, pure parts: the three closeness warnings, and clustering codes by shared content
lemmas — over real Norwegian text lemmatised by the offline pipeline. (Similar codes: test_similarity.py.)"""

from __future__ import annotations

from sdi.nlp.closeness import ClosenessWarning, check_closeness, content_lemmas
from sdi.nlp.clustering import cluster_codes, compound_heads
from sdi.nlp.pipeline import NlpPipeline, Token

CODES = [
    "Barnehagen ringer ikke foreldrene tilbake",
    "Foreldrene ringer skolen hver dag",
    "Forelder ringe ikke tilbake",
    "Ingen ringer tilbake",
    "Foreldremøter blir ikke holdt",
]


def lemmas(nlp: NlpPipeline, text: str) -> list[str]:
    return content_lemmas(next(nlp.annotate([text])).tokens)


def tokens(nlp: NlpPipeline, text: str) -> list[Token]:
    return next(nlp.annotate([text])).tokens


def test_one_or_two_words_are_a_topic_label(offline: NlpPipeline) -> None:
    passage = set(lemmas(offline, "Samarbeidet med helsestasjonen går mest én vei."))
    assert ClosenessWarning("topic_label") in check_closeness(
        tokens(offline, "Samarbeid helsestasjon"), passage, set(), has_pos=False
    )
    statement = tokens(offline, "Samarbeidet med helsestasjonen går én vei")
    assert check_closeness(statement, passage, set(), has_pos=False) == []


def test_no_verb_is_a_topic_label_only_where_pos_is_known() -> None:
    def token(text: str, pos: str) -> Token:
        return Token(0, len(text), text, text.lower(), pos, False, False)

    label = [token("Tidlig", "ADJ"), token("innsats", "NOUN"), token("barnehagen", "NOUN")]
    statement = [token("Barnehagen", "NOUN"), token("venter", "VERB"), token("lenge", "ADV")]
    passage = {"barnehagen", "innsats", "venter"}
    assert check_closeness(label, passage, set(), has_pos=True) == [ClosenessWarning("no_verb")]
    assert check_closeness(label, passage, set(), has_pos=False) == []
    assert check_closeness(statement, passage, set(), has_pos=True) == []


def test_a_code_sharing_no_content_lemma_with_its_passage_is_flagged(offline: NlpPipeline) -> None:
    passage = set(lemmas(offline, "Vi venter for lenge før vi ringer hjem til foreldrene, altså."))
    far = check_closeness(tokens(offline, "Mangel på tverretatlig kompetanse"), passage, set(), has_pos=False)
    assert ClosenessWarning("not_in_passage") in far
    near = check_closeness(tokens(offline, "Ansatte venter med å ringe"), passage, set(), has_pos=False)
    assert near == []  # `venter` → vente, `ringer` → ringe: inflections count


def test_a_code_of_small_words_only_is_not_said_to_miss_the_passage(offline: NlpPipeline) -> None:
    passage = set(lemmas(offline, "Og så går det ikke over. Det er sånn det er."))
    found = check_closeness(tokens(offline, "og så går det ikke over"), passage, set(), has_pos=False)
    assert ClosenessWarning("not_in_passage") not in found


def test_compounds_count_as_shared_words(offline: NlpPipeline) -> None:
    passage = set(lemmas(offline, "Loggen ble liggende i en skuff hele høsten."))
    found = check_closeness(tokens(offline, "Stafettloggen blir glemt"), passage, set(), has_pos=False)
    assert ClosenessWarning("not_in_passage") not in found


def test_a_code_made_only_of_guide_words_is_flagged(offline: NlpPipeline) -> None:
    guide = set(lemmas(offline, "Hvordan brukes stafettloggen? Hvordan er samarbeidet med barnevernet?"))
    guide |= set(lemmas(offline, "undringssamtale"))
    passage = set(lemmas(offline, "Vi skriver i stafettloggen og tar undringssamtaler med barnevernet."))
    found = check_closeness(tokens(offline, "Stafettlogg og undringssamtaler"), passage, guide, has_pos=False)
    assert found == [ClosenessWarning("only_guide_words", ("stafettlogg", "undringssamtale"))]
    own_words = tokens(offline, "Ingen orker å skrive i stafettloggen på kvelden")
    assert check_closeness(own_words, passage | {"kveld"}, guide, has_pos=False) == []


def test_compound_heads_come_from_the_codebook_itself() -> None:
    heads = compound_heads({"stafettlogg", "logg", "undringssamtale", "samtale", "tid", "arbeidstid"})
    assert heads == {"stafettlogg": {"logg"}, "undringssamtale": {"samtale"}}  # `tid` is too short


def test_codes_cluster_by_distinctive_shared_lemmas(offline: NlpPipeline) -> None:
    statements = {
        1: "Ingen vet hvem som har stafettpinnen",
        2: "Stafettpinnen skal gis videre, men ingen på skolen tar imot den",
        3: "Loggen blir liggende når stafettholderen slutter",
        4: "Stafettloggen blir liggende uten at noen oppdaterer den",
        5: "Foreldrene spør hva som skjer",
        6: "Foreldrene forstår ikke samtalen med tolk",
        7: "Tolken er fra samme miljø",
        8: "Foreldrene møter ansatte på butikken",
    }
    clusters = cluster_codes({k: lemmas(offline, s) for k, s in statements.items()})
    groups = {frozenset(c.members): c.shared for c in clusters}
    assert groups[frozenset({1, 2})] == ("stafettpinne",)
    assert set(groups[frozenset({3, 4})]) == {"logg", "ligge"}  # `stafettlogg` opened up to its head
    assert groups[frozenset({6, 7})] == ("tolk",)
    assert all(len(c.members) < len(statements) / 2 for c in clusters)
    assert not any({5, 8} <= set(c.members) for c in clusters)  # `forelder` alone is too common to link


def test_only_candidates_are_clustered_but_every_code_counts_for_frequency() -> None:
    pair = {1: ["tolk", "miljø"], 2: ["tolk", "samtale"]}
    others = {10 + n: [f"ord{n}", "butikk"] for n in range(10)}
    assert [set(c.members) for c in cluster_codes({**pair, **others}, [1, 2])] == [{1, 2}]
    three = {**pair, **others, 3: ["tolk", "miljø"]}
    assert [set(c.members) for c in cluster_codes(three, [2, 3])] == [{2, 3}]  # 1 is not a candidate
    # The same two codes, in a codebook where every other code also says `tolk`: no longer distinctive.
    common = {10 + n: [f"ord{n}", "tolk"] for n in range(10)}
    assert cluster_codes({**pair, **common}, [1, 2]) == []
    assert cluster_codes({**pair, **others}, [1]) == []


