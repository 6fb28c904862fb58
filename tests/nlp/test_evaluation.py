"""Scoring a pipeline against gold CoNLL-U: reading the file (and refusing a bad one by line), and the
figures for hand-made annotations whose right and wrong answers we know."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.evaluation import GoldError, as_dict, read_gold, score
from sdi.nlp.pipeline import Annotation, Entity, Token

GOLD = """\
# sent_id = 1
# text = Kari bor i Tromsø.
1\tKari\tKari\tPROPN\t_\t_\t2\tnsubj\t_\tname=B-PER
2\tbor\tbo\tVERB\t_\t_\t0\troot\t_\tname=O
3\ti\ti\tADP\t_\t_\t4\tcase\t_\tname=O
4\tTromsø\tTromsø\tPROPN\t_\t_\t2\tobl\t_\tSpaceAfter=No|name=B-GPE_LOC
5\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O

# sent_id = 2
1\tDet\tden\tPRON\t_\t_\t2\tnsubj\t_\tname=O
2\tlandet\tlande\tVERB\t_\t_\t0\troot\t_\tname=O
3\ti\ti\tADP\t_\t_\t4\tcase\t_\tname=O
4\tNordland\tNordland\tPROPN\t_\t_\t2\tobl\t_\tname=B-GPE_ORG
5\tfylkeskommune\tfylkeskommune\tNOUN\t_\t_\t4\tflat\t_\tSpaceAfter=No|name=I-GPE_ORG
6\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O

"""


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.conllu"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_gold_sentences_are_read_with_offsets_lemmas_and_entities(gold_file: Path) -> None:
    first, second = read_gold(gold_file)
    assert first.text == "Kari bor i Tromsø."
    assert [(t.start, t.end, t.lemma) for t in first.tokens][-2:] == [(11, 17, "Tromsø"), (17, 18, ".")]
    assert first.entities == [(0, 4, "PER"), (11, 17, "GPE_LOC")]
    assert second.text == "Det landet i Nordland fylkeskommune."  # rebuilt from SpaceAfter
    assert second.entities == [(13, 35, "GPE_ORG")]


def _token(text: str, start: int, word: str, lemma: str, pos: str) -> Token:
    return Token(start, start + len(word), word, lemma, pos, False, word == ".")


def test_scores_count_a_token_only_where_the_split_matches(gold_file: Path) -> None:
    gold = read_gold(gold_file)
    first = Annotation(
        [(0, 18)],
        [_token("", 0, "Kari", "Kari", "PROPN"), _token("", 5, "bor", "bo", "VERB"),
         _token("", 9, "i", "i", "ADP"), _token("", 11, "Tromsø.", "Tromsø.", "PROPN")],  # split wrong
        [Entity(0, 4, "PER"), Entity(11, 18, "GPE_LOC")],
    )  # fmt: skip
    second = Annotation(
        [(0, 36)],
        [_token("", 0, "Det", "det", "PRON"), _token("", 4, "landet", "land", "NOUN"),
         _token("", 11, "i", "i", "ADP"), _token("", 13, "Nordland", "Nordland", "PROPN"),
         _token("", 22, "fylkeskommune", "fylkeskommune", "NOUN"), _token("", 35, ".", ".", "PUNCT")],
        [Entity(13, 21, "GPE_LOC")],
    )  # fmt: skip
    scores = score(gold, [first, second], with_pos=True, with_entities=True)
    assert scores.tokens == 11
    assert scores.token_acc == pytest.approx(9 / 11)  # «Tromsø.» is one token where gold has two
    assert scores.upos_acc == pytest.approx(8 / 11)  # and «landet» is tagged a noun
    assert scores.lemma_acc == pytest.approx(7 / 11)  # det ≠ den, land ≠ lande
    assert scores.lemma_acc_det == pytest.approx(8 / 11)
    assert scores.entities is not None and scores.kinds is not None
    every = scores.entities["ALL"]
    assert (scores.entities["PER"].correct, every.gold, every.predicted) == (1, 3, 3)
    assert scores.entities["ALL"].f == pytest.approx(1 / 3)
    assert scores.kinds["person"].f == 1.0 and scores.kinds["place"].precision == 0.0
    assert set(scores.kinds) == {"person", "place", "institution", "ALL"}
    assert as_dict(scores)["lemma_by_upos"] == {"ADP": 1.0, "NOUN": 1.0, "PRON": 0.0, "PROPN": 0.6667,
                                                "PUNCT": 0.5, "VERB": 0.5}  # fmt: skip


def test_without_pos_or_entities_those_scores_are_absent_or_zero(gold_file: Path) -> None:
    gold = read_gold(gold_file)
    empty = [Annotation(), Annotation()]
    scores = score(gold, empty, with_pos=False, with_entities=False)
    assert scores.upos_acc is None and scores.token_acc == 0.0
    assert scores.entities is not None and scores.entities["ALL"].f == 0.0


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("1\tKari\tKari\tPROPN\t_\n", ":1: expected 10 tab-separated columns"),
        ("# text = Kari bor.\n1\tKari\tKari\tPROPN\t_\t_\t0\troot\t_\t_\n"
         "2\thjemme\thjemme\tADV\t_\t_\t1\tx\t_\t_\n",
         ":3: the token «hjemme» is not where the sentence text has it"),
        ("", ": no sentences found"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_naming_the_line(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=str(path).replace(".", r"\.") + where):
        read_gold(path)
