"""Scoring a pipeline against gold CoNLL-U: tokens, parts of speech, lemmas and named entities.

Pure functions over plain annotations (`sdi.nlp.pipeline.Annotation`), called by `sdi.workflow.evaluation`
for `sdi nlp evaluate`. Each gold sentence's text (its `# text =` line, else the forms joined by their
`SpaceAfter`) is annotated the way sdi annotates a turn; a gold token counts as tokenised right when a token
of the pipeline has exactly its characters, and its part of speech and lemma count only then (a missed
token is wrong on everything). Lemmas are compared as written, with two readings of the conventions:

- punctuation: NDT and UD Norwegian write `$.`, `$,` as the lemma of `.` and `,`; sdi the mark itself, so
  a gold `$x` on punctuation is read as `x`;
- `det`/`den`: UD 2.16 lemmatises the pronoun and determiner `det` as `den`; `lemma_det` also accepts `det`.

Entities come from NorNE-style `name=B-PER` / `I-PER` tags in MISC and are scored as exact spans with their
label, per NorNE type and per pseudonymisation kind (person, place, institution; other types left out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sdi.i18n import Notice
from sdi.nlp.pipeline import Annotation

# NorNE types (and the labels sdi's own pipeline or spaCy's English scheme use) → pseudonymisation kind.
KIND_OF_LABEL = {
    "PER": "person", "PERSON": "person",
    "LOC": "place", "GPE_LOC": "place", "GPE": "place", "FAC": "place",
    "ORG": "institution", "GPE_ORG": "institution",
}  # fmt: skip


class GoldError(ValueError):
    """A CoNLL-U file that cannot be read; the message (a `Notice`) names the file and line."""

    def __init__(self, notice: Notice) -> None:
        self.notice = notice
        super().__init__(notice)


@dataclass(frozen=True)
class GoldToken:
    start: int
    end: int
    form: str
    upos: str
    lemma: str


@dataclass
class GoldSentence:
    text: str
    line: int  # where the sentence starts in the file
    tokens: list[GoldToken] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class EntityScore:
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    sentences: int
    tokens: int
    token_acc: float
    upos_acc: float | None  # None: the pipeline tags no parts of speech
    lemma_acc: float
    lemma_acc_det: float  # `det` accepted for gold `den`
    lemma_by_upos: dict[str, float]  # gold UPOS → lemma accuracy (det/den as in lemma_acc)
    entities: dict[str, EntityScore] | None  # per NorNE label, "ALL" for all; None: no gold entities
    kinds: dict[str, EntityScore] | None  # per pseudonymisation kind, "ALL" over the three


# ---- reading ----------------------------------------------------------------------------------------------


def read_gold(path: Path) -> list[GoldSentence]:
    """The sentences of a CoNLL-U file; `GoldError` naming the file and line on anything malformed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(Notice("eval.gold.unreadable", where=path, reason=str(error))) from error
    sentences = [_sentence(path, block) for block in _blocks(lines)]
    if not sentences:
        raise GoldError(Notice("eval.gold.empty", where=path))
    return sentences


def _blocks(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _sentence(path: Path, block: list[tuple[int, str]]) -> GoldSentence:
    text: str | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, line in block:
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "text":
                text = value.strip()
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise GoldError(Notice("eval.gold.columns", where=f"{path}:{number}", count=len(columns)))
        if "-" in columns[0] or "." in columns[0]:
            continue
        rows.append((number, columns))
    if not rows:
        raise GoldError(Notice("eval.gold.no_tokens", where=f"{path}:{block[0][0]}"))
    if text is None:
        text = "".join(c[1] + ("" if "SpaceAfter=No" in c[9].split("|") else " ") for _, c in rows).strip()
    sentence = GoldSentence(text, block[0][0])
    cursor = 0
    tags: list[str] = []
    for number, columns in rows:
        form = columns[1]
        start = text.find(form, cursor)
        if start < 0 or text[cursor:start].strip():
            raise GoldError(Notice("eval.gold.misplaced", where=f"{path}:{number}", form=form))
        cursor = start + len(form)
        upos, lemma = columns[3], columns[2]
        if upos == "PUNCT" and lemma.startswith("$") and len(lemma) > 1:
            lemma = form
        sentence.tokens.append(GoldToken(start, cursor, form, upos, lemma))
        misc = dict(item.partition("=")[::2] for item in columns[9].split("|") if item != "_")
        tags.append(misc.get("name", "O"))
    sentence.entities = _spans(sentence.tokens, tags)
    return sentence


def _spans(tokens: list[GoldToken], tags: list[str]) -> list[tuple[int, int, str]]:
    """Character spans of a BIO sequence (a stray I- opens a span)."""
    spans: list[tuple[int, int, str]] = []
    first, label = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if label and (prefix != "I" or kind != label):
            spans.append((tokens[first].start, tokens[index - 1].end, label))
            label = ""
        if prefix in ("B", "I") and not label:
            first, label = index, kind
    return spans


def has_entities(sentences: Iterable[GoldSentence]) -> bool:
    return any(s.entities for s in sentences)


# ---- scoring ----------------------------------------------------------------------------------------------


def score(
    sentences: list[GoldSentence],
    annotations: Iterable[Annotation],
    *,
    with_pos: bool,
    with_entities: bool,
    gold_entities: bool | None = None,
) -> Scores:
    """Scores of `annotations` (one per sentence, in order) against `sentences`."""
    counts: Counter[str] = Counter()
    by_upos: Counter[str] = Counter()
    right_by_upos: Counter[str] = Counter()
    gold_spans: list[tuple[int, int, int, str]] = []
    predicted_spans: list[tuple[int, int, int, str]] = []
    for index, (sentence, annotation) in enumerate(zip(sentences, annotations, strict=True)):
        predicted = {(t.start, t.end): t for t in annotation.tokens}
        for gold in sentence.tokens:
            counts["tokens"] += 1
            by_upos[gold.upos] += 1
            token = predicted.get((gold.start, gold.end))
            if token is None:
                continue
            counts["split"] += 1
            counts["pos"] += token.pos == gold.upos
            lemma_right = token.lemma == gold.lemma
            counts["lemma"] += lemma_right
            counts["lemma_det"] += lemma_right or (
                gold.lemma == "den" and gold.form.lower() == "det" and token.lemma.lower() == "det"
            )
            right_by_upos[gold.upos] += lemma_right
        gold_spans += [(index, s, e, label) for s, e, label in sentence.entities]
        predicted_spans += [(index, e.start, e.end, e.label) for e in annotation.entities]
    total = counts["tokens"] or 1
    if gold_entities is None:
        gold_entities = has_entities(sentences)
    entities = kinds = None
    if gold_entities:
        shown = predicted_spans if with_entities else []
        entities = _prf(gold_spans, shown, lambda label: label)
        kinds = _prf(gold_spans, shown, KIND_OF_LABEL.get)
    return Scores(
        sentences=len(sentences),
        tokens=counts["tokens"],
        token_acc=counts["split"] / total,
        upos_acc=counts["pos"] / total if with_pos else None,
        lemma_acc=counts["lemma"] / total,
        lemma_acc_det=counts["lemma_det"] / total,
        lemma_by_upos={pos: right_by_upos[pos] / n for pos, n in sorted(by_upos.items())},
        entities=entities,
        kinds=kinds,
    )


def _prf(
    gold: list[tuple[int, int, int, str]],
    predicted: list[tuple[int, int, int, str]],
    relabel: Callable[[str], str | None],
) -> dict[str, EntityScore]:
    """Exact-span scores per (relabelled) type and over all; spans whose label maps to None are left out."""

    def mapped(spans: list[tuple[int, int, int, str]]) -> set[tuple[int, int, int, str]]:
        out = set()
        for sentence, start, end, label in spans:
            new = relabel(label)
            if new is not None:
                out.add((sentence, start, end, new))
        return out

    gold_set, predicted_set = mapped(gold), mapped(predicted)
    labels = sorted({span[3] for span in gold_set | predicted_set})
    result = {}
    for label in labels:
        g = {s for s in gold_set if s[3] == label}
        p = {s for s in predicted_set if s[3] == label}
        result[label] = EntityScore(len(g), len(p), len(g & p))
    result["ALL"] = EntityScore(len(gold_set), len(predicted_set), len(gold_set & predicted_set))
    return result


def as_dict(scores: Scores) -> dict[str, object]:
    """Plain JSON-ready data (fractions as 0–1, rounded to four places)."""

    def entity_table(table: Mapping[str, EntityScore] | None) -> dict[str, object] | None:
        if table is None:
            return None
        return {
            label: {"gold": s.gold, "predicted": s.predicted, "correct": s.correct,
                    "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f": round(s.f, 4)}
            for label, s in table.items()
        }  # fmt: skip

    return {
        "sentences": scores.sentences,
        "tokens": scores.tokens,
        "token_acc": round(scores.token_acc, 4),
        "upos_acc": None if scores.upos_acc is None else round(scores.upos_acc, 4),
        "lemma_acc": round(scores.lemma_acc, 4),
        "lemma_acc_det": round(scores.lemma_acc_det, 4),
        "lemma_by_upos": {pos: round(value, 4) for pos, value in scores.lemma_by_upos.items()},
        "entities": entity_table(scores.entities),
        "kinds": entity_table(scores.kinds),
    }
