"""Inter-coder agreement: the statistics against hand-computed textbook values, the unit rule, and a
project coded by two coders (kari and ola) on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.workflow.agreement import agreement, applies, cohen_kappa, krippendorff_alpha, percent_agreement
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import transcript_md, write

# --- the statistics, by hand ---------------------------------------------------------------------------

# A 2×2 table for two coders over 50 units: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
TABLE = [("ja", "ja")] * 20 + [("ja", "nei")] * 5 + [("nei", "ja")] * 10 + [("nei", "nei")] * 15


def test_cohen_kappa_on_a_two_by_two_table() -> None:
    # p_o = (20 + 15) / 50 = 0.70
    # coder 1 says ja 25/50 = 0.5, coder 2 says ja 30/50 = 0.6
    # p_e = 0.5·0.6 + 0.5·0.4 = 0.30 + 0.20 = 0.50
    # kappa = (0.70 − 0.50) / (1 − 0.50) = 0.40
    assert cohen_kappa(TABLE) == pytest.approx(0.40)
    assert percent_agreement(TABLE) == pytest.approx(0.70)


def test_krippendorff_alpha_on_the_same_table() -> None:
    # Coincidences: every unit has m = 2 values, so each adds its 2 ordered pairs with weight 1/(2−1) = 1:
    # o(ja,ja) = 2·20 = 40, o(nei,nei) = 2·15 = 30, o(ja,nei) = o(nei,ja) = 5 + 10 = 15
    # n(ja) = 40 + 15 = 55, n(nei) = 30 + 15 = 45, n = 100
    # alpha = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k = 1 − 99·30 / (2·55·45) = 1 − 2970/4950 = 0.40
    assert krippendorff_alpha(TABLE) == pytest.approx(0.40)


N = None
# Krippendorff (2011), «Computing Krippendorff's alpha-reliability», the nominal example with missing values:
# four observers, twelve units; unit 12 has a single value and is not pairable.
OBSERVERS = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    "C": [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
}


def test_krippendorff_alpha_with_missing_values_worked_example() -> None:
    units = list(zip(*OBSERVERS.values(), strict=True))
    # Coincidences o_ck (each unit adds 1/(m_u − 1) per ordered pair of values from different observers):
    #   u1 (1,1,1) m=3: o11 += 6/2 = 3          u2 (2,2,3,2) m=4: o22 += 6/3 = 2, o23 = o32 += 3/3 = 1
    #   u3, u4 (3,3,3,3): o33 += 4 each         u5, u9 (2,2,2,2): o22 += 4 each    u7 (4,4,4,4): o44 += 4
    #   u6 (1,2,3,4) m=4: each of the 12 ordered pairs of different values += 1/3
    #   u8 (1,1,2,1) m=4: o11 += 2, o12 = o21 += 1       u10 (5,5,5): o55 += 3     u11 (1,1): o11 += 2
    # o11 = 7, o22 = 10, o33 = 8, o44 = 4, o55 = 3; o12 = 4/3, o13 = o14 = 1/3, o23 = 4/3, o24 = o34 = 1/3
    # n1 = 9, n2 = 13, n3 = 10, n4 = 5, n5 = 3, n = 40
    # Σ_{c≠k} o_ck = 2·(4/3 + 1/3 + 1/3 + 4/3 + 1/3 + 1/3) = 8
    # Σ_{c≠k} n_c·n_k = n² − Σ n_c² = 1600 − (81 + 169 + 100 + 25 + 9) = 1216
    # alpha = 1 − 39·8/1216 = 1 − 312/1216 = 0.7434 (Krippendorff: 0.743)
    assert krippendorff_alpha(units) == pytest.approx(1 - 312 / 1216)
    assert round(krippendorff_alpha(units) or 0, 3) == 0.743


def test_percent_agreement_counts_pairs_of_the_coders_present() -> None:
    units = [("a", "a", N), ("a", "b", N), ("a", "a", "b"), (N, "a", N)]
    # u1: 1 pair, agrees → 1; u2: 1 pair, disagrees → 0; u3: 6 ordered pairs, 2 agree → 1/3; u4: unpairable
    # mean over the three pairable units = (1 + 0 + 1/3) / 3 = 4/9
    assert percent_agreement(units) == pytest.approx(4 / 9)


def test_undefined_statistics_are_none() -> None:
    assert cohen_kappa([]) is None and krippendorff_alpha([]) is None and percent_agreement([]) is None
    same = [(False, False)] * 5  # no variation at all: chance agreement is 1
    assert cohen_kappa(same) is None and krippendorff_alpha(same) is None
    assert percent_agreement(same) == 1.0
    assert krippendorff_alpha([("a", N), (N, "b")]) is None  # nothing pairable


@pytest.mark.parametrize(
    ("unit", "coding", "expected"),
    [
        ((0, 100), (0, 100), True),  # the same span
        ((0, 100), (50, 150), True),  # exactly half of the unit
        ((0, 100), (51, 150), False),  # less than half, and not inside
        ((0, 100), (40, 45), True),  # a few words inside the unit
        ((0, 100), (100, 120), False),  # touching is not overlapping
        ((10, 20), (0, 200), True),  # a long coding covering the unit
        ((0, 100), (60, 60), False),  # an empty (orphaned) coding
    ],
)
def test_the_unit_rule(unit: tuple[int, int], coding: tuple[int, int], expected: bool) -> None:
    assert applies(unit, coding) is expected


# --- two coders in one project -----------------------------------------------------------------------

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem. Jeg vil være helt sikker først.

P2: Stafettloggen ligger i en perm på kontoret. Den leser ingen.
"""
S1, S2, S3, S4 = (
    "Jeg venter med å ringe hjem.",
    "Jeg vil være helt sikker først.",
    "Stafettloggen ligger i en perm på kontoret.",
    "Den leser ingen.",
)


@pytest.fixture
def coders(project: Project) -> Iterator[tuple[Project, Project]]:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    write(project.root, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, BODY))
    import_paths(project, [])
    kari = open_project(project.root, coder="kari", exact=True)
    ola = open_project(project.root, coder="ola", exact=True)
    yield kari, ola
    kari.close()
    ola.close()


def document(project: Project, path: str) -> int:
    return next(t.id for t in list_transcripts(project) if t.source_path == path)


def locate(project: Project, doc: int, words: str) -> tuple[int, int]:
    """The offsets of `words` in the transcript's text (found in the turn that holds them)."""
    for turn in transcript_view(project, doc).turns:
        if words in turn.text:
            start = turn.start + turn.text.index(words)
            return start, start + len(words)
    raise AssertionError(words)


def test_two_coders_per_code_overall_and_disagreements(
    project: Project, coders: tuple[Project, Project]
) -> None:
    kari, ola = coders
    doc, other = document(project, "corpus/bh-1.md"), document(project, "corpus/bh-2.md")

    def at(words: str) -> tuple[int, int]:
        return locate(project, doc, words)

    waiting = create_code(kari, "Venter med å ringe hjem")
    log = create_code(kari, "Stafettloggen blir ikke lest")
    add_coding(kari, waiting, doc, at(S1)[0], at(S2)[1])  # kari: X on s1 and s2 (one coding)
    add_coding(kari, log, doc, *at(S4))  # kari: Y on s4
    add_coding(ola, waiting, doc, *at(S1))  # ola: X on s1
    add_coding(ola, waiting, doc, *at("i en perm"))  # ola: X on s3 — a few words inside it
    add_coding(kari, waiting, other, 0, 20)  # bh-2 is coded by kari only: not in the analysis

    report = agreement(project, "sentence", ["kari", "ola"])
    assert report.coders == ("kari", "ola") and report.transcripts == 1 and report.units == 4
    by_code = {row.statement: row for row in report.codes}
    x, y = by_code["Venter med å ringe hjem"], by_code["Stafettloggen blir ikke lest"]
    # X: kari (1, 1, 0, 0), ola (1, 0, 1, 0). p_o = 2/4; both say yes 2/4, so p_e = .5·.5 + .5·.5 = .5;
    # kappa = (.5 − .5)/(1 − .5) = 0. Coincidences o11 = 2, o00 = 2, o10 = o01 = 2; n1 = n0 = 4, n = 8;
    # alpha = 1 − 7·4/(2·4·4) = 1 − 28/32 = 0.125
    assert (x.units, x.applied) == (4, (2, 2))
    assert x.percent == pytest.approx(0.5) and x.kappa == pytest.approx(0.0)
    assert x.alpha == pytest.approx(0.125)
    # Y: kari (0, 0, 0, 1), ola (0, 0, 0, 0). p_o = 3/4; p_e = 3/4·1 + 1/4·0 = 3/4; kappa = 0.
    # o00 = 6, o01 = o10 = 1; n0 = 7, n1 = 1, n = 8; alpha = 1 − 7·2/(2·7·1) = 0
    assert y.percent == pytest.approx(0.75) and y.kappa == pytest.approx(0.0) and y.alpha == pytest.approx(0)
    # Pooled, 8 unit×code decisions: p_o = 5/8; kari ja 3/8, ola ja 2/8;
    # p_e = 3/8·2/8 + 5/8·6/8 = 36/64; kappa = (40/64 − 36/64)/(28/64) = 1/7.
    # o11 = 2, o00 = 8, o10 = o01 = 3; n1 = 5, n0 = 11, n = 16; alpha = 1 − 15·6/(2·5·11) = 1 − 90/110
    overall = report.overall
    assert overall is not None and overall.units == 8
    assert overall.percent == pytest.approx(5 / 8) and overall.kappa == pytest.approx(1 / 7)
    assert overall.alpha == pytest.approx(1 - 90 / 110)

    disagreements = [(d.unit.text, d.unit.line, d.codes) for d in report.disagreements]
    assert disagreements == [
        (S2, 25, (("Venter med å ringe hjem", ("kari",), ("ola",)),)),
        (S3, 27, (("Venter med å ringe hjem", ("ola",), ("kari",)),)),
        (S4, 27, (("Stafettloggen blir ikke lest", ("kari",), ("ola",)),)),
    ]
    assert {d.unit.source_path for d in report.disagreements} == {"corpus/bh-1.md"}

    turns = agreement(project, "turn", ["kari", "ola"], code=str(waiting))
    assert turns.units == 2 and [row.statement for row in turns.codes] == ["Venter med å ringe hjem"]
    # P1's turn: kari's coding covers it; ola's covers s1, 28 of its 60 characters — less than half, but
    # it lies inside the turn, so it counts. P2's turn: ola's few words lie inside it; kari has nothing.
    assert turns.codes[0].applied == (1, 2) and turns.codes[0].percent == 0.5


def test_refused_without_two_coders(project: Project, coders: tuple[Project, Project]) -> None:
    kari, _ = coders
    doc = list_transcripts(project)[0].id
    add_coding(kari, create_code(kari, "Noe"), doc, 0, 10)
    with pytest.raises(WorkflowError, match="two or more coders"):
        agreement(project)
    with pytest.raises(WorkflowError, match="no coder called per"):
        agreement(project, coders=["kari", "per"])
    with pytest.raises(WorkflowError, match="unit must be"):
        agreement(project, "avsnitt")


def test_codes_can_be_named_by_uid(project: Project, coders: tuple[Project, Project], tmp_path: Path) -> None:
    kari, ola = coders
    doc = list_transcripts(project)[0].id
    code = create_code(kari, "Noe")
    add_coding(kari, code, doc, 0, 10)
    add_coding(ola, code, doc, 0, 10)
    from sdi.workflow.exchange.codebook import export_codebook

    uid = export_codebook(project).codes[0].id
    report = agreement(project, code=uid)
    assert [row.code_id for row in report.codes] == [code]
    with pytest.raises(WorkflowError, match="no code with id nope"):
        agreement(project, code="nope")
