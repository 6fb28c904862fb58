"""Inter-coder agreement: do two or more coders apply the same codes to the same passages?

SDI does not demand agreement figures, but a team that codes in parallel wants to know where it reads the
data differently — so the figures come with the passages to discuss. The statistics are pure functions
over plain values (a unit's value per coder, None where the coder did not take part), testable by hand.

The rule for "coder C applied code X to unit U": one of C's codings of X overlaps U by at least half of U's
length, or lies entirely inside U (a few coded words in a long sentence count for that sentence). Units are
the informants' sentences (from the language index) or turns; moderator turns are left out. A coder takes
part only in transcripts where they have at least one coding (their other units are missing values, not
"not applied"), and a unit is in the analysis when at least two coders take part."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.storage.models import Code, Coder, Coding, Document, Utterance, UtteranceIndex
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

UNITS = ("sentence", "turn")
Values = Sequence[Hashable | None]  # one unit: a value per coder, None = missing

# --- pure statistics ---------------------------------------------------------------------------------


def applies(unit: tuple[int, int], coding: tuple[int, int]) -> bool:
    """The unit rule: the coding overlaps at least half the unit, or lies entirely inside it."""
    (us, ue), (cs, ce) = unit, coding
    overlap = min(ue, ce) - max(us, cs)
    if ue <= us or ce <= cs or overlap <= 0:
        return False
    return 2 * overlap >= ue - us or (us <= cs and ce <= ue)


def percent_agreement(units: Sequence[Values]) -> float | None:
    """Mean share of agreeing coder pairs per unit (with two coders: the share of units they agree on)."""
    shares = []
    for values in units:
        present = [v for v in values if v is not None]
        pairs = len(present) * (len(present) - 1)
        if pairs:
            counts = Counter(present)
            shares.append(sum(n * (n - 1) for n in counts.values()) / pairs)
    return sum(shares) / len(shares) if shares else None


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa for two coders: (p_o − p_e) / (1 − p_e), p_e from each coder's own marginals.
    None when undefined (no units, or both coders used a single and the same value throughout)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Values]) -> float | None:
    """Krippendorff's alpha for nominal data with missing values, from the coincidence matrix:
    alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, where each unit with m ≥ 2 values adds
    1/(m − 1) for every ordered pair of values from different coders. None when there is no variation."""
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for values in units:
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            continue
        counts = Counter(present)
        for c, nc in counts.items():
            for k, nk in counts.items():
                ordered = nc * (nk - 1) if c == k else nc * nk
                if ordered:
                    coincidences[(c, k)] += ordered / (m - 1)
    marginals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _), weight in coincidences.items():
        marginals[c] += weight
    n = sum(marginals.values())
    disagree = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = n * n - sum(v * v for v in marginals.values())
    if n <= 1 or expected <= 1e-12:
        return None
    return 1 - (n - 1) * disagree / expected


# --- agreement in a project --------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    document_id: int
    source_path: str
    line: int  # source line of the turn the unit is in
    speaker: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CodeAgreement:
    code_id: int | None  # None for the overall row
    statement: str
    units: int  # units in the analysis (two or more coders take part)
    applied: tuple[int, ...]  # per coder: units they applied the code to
    percent: float | None
    kappa: float | None  # two coders only
    alpha: float | None


@dataclass(frozen=True)
class Disagreement:
    unit: Unit
    codes: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # statement, applied by, not by


@dataclass(frozen=True)
class AgreementReport:
    unit: str
    coders: tuple[str, ...]
    transcripts: int  # transcripts coded by two or more of the coders
    units: int
    codes: tuple[CodeAgreement, ...]
    overall: CodeAgreement | None  # all codes pooled: each (unit, code) is one yes/no decision
    disagreements: tuple[Disagreement, ...]


def _units(session: Session, documents: dict[int, tuple[str, str]], kind: str) -> list[Unit]:
    sentences = dict(session.execute(
        select(UtteranceIndex.utterance_id, UtteranceIndex.sentences)
        .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
        .where(Utterance.document_id.in_(list(documents)))
    ).all()) if kind == "sentence" else {}  # fmt: skip
    units = []
    for turn in session.scalars(
        select(Utterance)
        .where(Utterance.document_id.in_(list(documents)), Utterance.is_moderator.is_(False))
        .order_by(Utterance.document_id, Utterance.start)
    ):
        path, text = documents[turn.document_id]
        spans = sentences.get(turn.id) or [[turn.start, turn.end]]
        for start, end in spans:
            if end > start and text[start:end].strip():
                units.append(Unit(turn.document_id, path, turn.line, turn.speaker, start, end,
                                  " ".join(text[start:end].split())))  # fmt: skip
    return units


def _coders(session: Session, names: Sequence[str]) -> dict[int, str]:
    rows = dict(session.execute(select(Coder.id, Coder.name).order_by(Coder.name)).all())
    if names:
        by_name = {name: i for i, name in rows.items()}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise WorkflowError(
                key="refusal.agreement.no_coder", names=", ".join(unknown), known=", ".join(by_name)
            )
        return {by_name[n]: n for n in dict.fromkeys(names)}
    active = set(session.scalars(select(Coding.coder_id).distinct()))
    return {i: name for i, name in rows.items() if i in active}


def _code_filter(session: Session, code: str | None) -> int | None:
    if code is None:
        return None
    found: int | None = session.scalar(select(Code.id).where(Code.uid == code.strip()))
    if found is None and code.strip().isdigit() and session.get(Code, int(code)) is not None:
        found = int(code)
    if found is None:
        raise WorkflowError(key="error.missing", what="error.what.code", ident=code)
    return found


def agreement(
    project: Project, unit: str = "sentence", coders: Sequence[str] = (), code: str | None = None
) -> AgreementReport:
    """Per code and overall: percent agreement, Cohen's kappa (two coders), Krippendorff's alpha; and the
    units where the coders differ."""
    if unit not in UNITS:
        raise WorkflowError(key="refusal.agreement.unit", units=", ".join(UNITS), unit=unit)
    with project.store.reading() as session:
        chosen = _coders(session, coders)
        if len(chosen) < 2:
            raise WorkflowError(key="refusal.agreement.coders")
        only = _code_filter(session, code)
        codings = session.execute(
            select(Coding.code_id, Coding.document_id, Coding.start, Coding.end, Coding.coder_id).where(
                Coding.coder_id.in_(list(chosen)), Coding.status != "orphaned", Coding.end > Coding.start
            )
        ).all()
        taking_part: dict[int, set[int]] = {}
        for row in codings:
            taking_part.setdefault(row.document_id, set()).add(row.coder_id)
        shared = {d: c for d, c in taking_part.items() if len(c) >= 2}
        documents = {
            i: (path, text)
            for i, path, text in session.execute(
                select(Document.id, Document.source_path, Document.text).where(Document.id.in_(list(shared)))
            )
        }
        units = _units(session, documents, unit)
        statements = dict(session.execute(select(Code.id, Code.statement)).all())
    applied = _apply(units, [r for r in codings if r.document_id in shared])
    order = list(chosen)
    code_ids = sorted({c for codes in applied.values() for c in codes} if only is None else {only},
                      key=lambda c: (statements.get(c, "").casefold(), c))  # fmt: skip

    def values(code_id: int) -> list[list[bool | None]]:
        return [[code_id in applied.get((u, c), ()) if c in shared[unit.document_id] else None for c in order]
                for u, unit in enumerate(units)]  # fmt: skip

    table = {c: values(c) for c in code_ids}
    rows = tuple(_row(c, statements.get(c, ""), table[c]) for c in code_ids)
    pooled = [v for c in code_ids for v in table[c]]
    overall = _row(None, "Alle koder", pooled) if code_ids else None
    disagreements = []
    for u, item in enumerate(units):
        differing = []
        for c in code_ids:
            said = [(chosen[k], v) for k, v in zip(order, table[c][u], strict=True) if v is not None]
            if len({v for _, v in said}) > 1:
                differing.append((statements.get(c, ""), tuple(n for n, v in said if v),
                                  tuple(n for n, v in said if not v)))  # fmt: skip
        if differing:
            disagreements.append(Disagreement(item, tuple(differing)))
    return AgreementReport(unit, tuple(chosen.values()), len(shared), len(units), rows, overall,
                           tuple(disagreements))  # fmt: skip


def _apply(units: list[Unit], codings: Sequence[Any]) -> dict[tuple[int, int], set[int]]:
    """(unit index, coder id) → the codes that coder applied to the unit, by the unit rule."""
    by_document: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        by_document.setdefault(unit.document_id, []).append(index)
    ends = {d: [units[i].end for i in idx] for d, idx in by_document.items()}
    applied: dict[tuple[int, int], set[int]] = {}
    for code_id, document_id, start, end, coder_id in codings:
        indices = by_document.get(document_id, [])
        position = bisect_right(ends.get(document_id, []), start)
        while position < len(indices) and units[indices[position]].start < end:
            index = indices[position]
            if applies((units[index].start, units[index].end), (start, end)):
                applied.setdefault((index, coder_id), set()).add(code_id)
            position += 1
    return applied


def _row(code_id: int | None, statement: str, data: list[list[bool | None]]) -> CodeAgreement:
    analysed = [v for v in data if sum(x is not None for x in v) >= 2]
    coders = len(data[0]) if data else 0
    counts = tuple(sum(1 for v in analysed if v[k]) for k in range(coders))
    pairs = [(v[0], v[1]) for v in analysed if v[0] is not None and v[1] is not None] if coders == 2 else []
    kappa = cohen_kappa(pairs) if coders == 2 else None
    return CodeAgreement(code_id, statement, len(analysed), counts, percent_agreement(analysed), kappa,
                         krippendorff_alpha(analysed))  # fmt: skip
