"""A small study whose matrices and co-occurrences are counted by hand in the tests (on both engines).

Barnehage Fjordvik (P1 Pedagogisk leder, P2 Barnehagelærer), stages 1 and 2; Skole Åsmark (S1 Kontaktlærer,
S2 Helsesykepleier), stage 1. Turns, in order (t0 is always the moderator):

    BH1  t0 Moderator  «Hva gjør dere når dere er bekymret?»                      D (c10)
         t1 P1         «Vi venter til vi er sikre. Vi ringer ikke hjem før …»     A (c1), A (c2)
         t2 P2         «Loggen ligger i en perm på kontoret.»                     B (c3), C (c4 starts here)
         t3 P1         «Og ingen vet hvem som har stafettpinnen.»                 C (c4 ends here)
    BH2  t1 P2         «Vi venter fortsatt for lenge.»                             A (c5)
         t2 P1         «Nå har vi en ny logg.»                                     B (c6), E (c11, same words)
    SK1  t1 S1         «Loggen følger ikke med fra barnehagen.»                    B (c7)
         t2 S2         «Vi venter på svar fra PPT.»                                A (c8), C (c9: «… på svar»)

Code groups: «Å vente» = {A}; «Stafettbrudd» = {B, C} with the concept «Stafettbrudd»; D and E ungrouped."""

from __future__ import annotations

from dataclasses import dataclass

from sdi.workflow.code import add_coding, create_code
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.concept import create_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project
from sdi.workflow.transcript import list_transcripts
from tests.conftest import write

HEAD = """\
+++
title = "{group} – runde {stage}"
group = "{group}"
site = "{site}"
category = "{category}"
stage = {stage}

[[participants]]
label = "Moderator"
role = "Moderator"
moderator = true

[[participants]]
label = "{a}"
role = "{role_a}"

[[participants]]
label = "{b}"
role = "{role_b}"
+++

"""
BH = {"group": "Barnehage Fjordvik", "site": "Fjordvik", "category": "Barnehage", "a": "P1",
      "role_a": "Pedagogisk leder", "b": "P2", "role_b": "Barnehagelærer"}  # fmt: skip
SK = {"group": "Skole Åsmark", "site": "Åsmark", "category": "Skole", "a": "S1", "role_a": "Kontaktlærer",
      "b": "S2", "role_b": "Helsesykepleier"}  # fmt: skip
BH1 = """\
Moderator: Hva gjør dere når dere er bekymret?

P1: Vi venter til vi er sikre. Vi ringer ikke hjem før vi vet mer.

P2: Loggen ligger i en perm på kontoret.

P1: Og ingen vet hvem som har stafettpinnen.
"""
BH2 = """\
Moderator: Hva har skjedd siden sist?

P2: Vi venter fortsatt for lenge.

P1: Nå har vi en ny logg.
"""
SK1 = """\
Moderator: Hvordan er samarbeidet?

S1: Loggen følger ikke med fra barnehagen.

S2: Vi venter på svar fra PPT.
"""


@dataclass(frozen=True)
class Study:
    project: Project
    codes: dict[str, int]  # A–E -> code id
    codings: dict[int, int]  # c1–c11 -> coding id
    spans: dict[int, tuple[int, int]]  # c1–c11 -> (start, end)
    groups: dict[str, int]


def build_study(project: Project) -> Study:
    write(project.root, "corpus/bh-1.md", HEAD.format(stage=1, **BH) + BH1)
    write(project.root, "corpus/bh-2.md", HEAD.format(stage=2, **BH) + BH2)
    write(project.root, "corpus/sk-1.md", HEAD.format(stage=1, **SK) + SK1)
    report = import_paths(project, [])
    assert not report.failed, [o.message for o in report.failed]
    documents = {(t.group, t.stage): t.id for t in list_transcripts(project)}
    texts = _texts(project)
    codes = {name: create_code(project, statement) for name, statement in (
        ("A", "Venter til de er sikre"), ("B", "Loggen blir borte"), ("C", "Ingen har stafettpinnen"),
        ("D", "Moderator spør om bekymring"), ("E", "Ny logg hjelper"))}  # fmt: skip
    groups = {"vente": create_group(project, "Å vente"), "stafett": create_group(project, "Stafettbrudd")}
    move_codes(project, [codes["A"]], groups["vente"])
    move_codes(project, [codes["B"], codes["C"]], groups["stafett"])
    create_concept(project, groups["stafett"], "Stafettbrudd")
    plan = [  # number, code, transcript, first words, last words
        (1, "A", ("Barnehage Fjordvik", 1), "Vi venter til", "er sikre."),
        (2, "A", ("Barnehage Fjordvik", 1), "Vi ringer ikke", "vi vet mer."),
        (3, "B", ("Barnehage Fjordvik", 1), "Loggen ligger", "på kontoret"),
        (4, "C", ("Barnehage Fjordvik", 1), "på kontoret", "har stafettpinnen."),
        (5, "A", ("Barnehage Fjordvik", 2), "Vi venter fortsatt", "for lenge."),
        (6, "B", ("Barnehage Fjordvik", 2), "Nå har vi", "ny logg."),
        (7, "B", ("Skole Åsmark", 1), "Loggen følger", "fra barnehagen."),
        (8, "A", ("Skole Åsmark", 1), "Vi venter på", "fra PPT."),
        (9, "C", ("Skole Åsmark", 1), "Vi venter på", "på svar"),
        (10, "D", ("Barnehage Fjordvik", 1), "Hva gjør dere", "er bekymret?"),
        (11, "E", ("Barnehage Fjordvik", 2), "Nå har vi", "ny logg."),
    ]
    codings, spans = {}, {}
    for number, code, where, first, last in plan:
        document = documents[where]
        text = texts[document]
        start = text.index(first)
        end = text.index(last, start) + len(last)
        codings[number] = add_coding(project, codes[code], document, start, end)
        spans[number] = (start, end)
    return Study(project, codes, codings, spans, groups)


def _texts(project: Project) -> dict[int, str]:
    from sqlalchemy import select

    from sdi.storage.models import Document

    with project.store.reading() as session:
        return dict(session.execute(select(Document.id, Document.text)).all())
