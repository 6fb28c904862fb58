"""`sdi anonymise` over the store: names found across transcripts (fuzzy variants too), one pseudonym per
name everywhere, the key written owner-only, the text rewritten as a new version with codings re-anchored,
and nothing of the name left in the store or an export."""

from __future__ import annotations

import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as WordDocument
from sqlalchemy import select

from sdi.cli.main import main
from sdi.config import load_config
from sdi.config.key import add_to_key
from sdi.storage.models import DocumentVersion
from sdi.workflow.anonymise.names import Decision, apply_decisions, as_proposed, find_names
from sdi.workflow.code import add_coding, codings_of_document, create_code, list_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote import add_quote, create_quote_set
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import dump_store, transcript_md, write

FIRST = """\
Moderator: Hva skjedde da?

P1: Jeg ringte Kari på helsestasjonen i går. Det var Karis mor som tok telefonen.

P2: Ja, og Karri sa det samme til meg etterpå.
"""
SECOND = """\
Moderator: Hvordan gikk det videre?

P1: Vi snakket med Kari igjen, og familien bor nå på Holmen.

P2: Det var bra for alle.
"""


@pytest.fixture
def named(project_dir: Path) -> Iterator[Project]:
    """Two stages of one group that name «Kari» (once misspelt) and a place; Kari is on the privacy list."""
    config = project_dir / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            'key_file = ".sdi/pseudonymnokkel.toml"',
            'key_file = ".sdi/pseudonymnokkel.toml"\nnames = ["Kari"]',
        ),
        encoding="utf-8",
    )
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, FIRST))
    write(project_dir, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, SECOND))
    project = open_project(project_dir, coder="tester", exact=True)
    report = import_paths(project, [])
    assert not report.failed, [o.message for o in report.failed]
    yield project
    project.close()


def _texts(project: Project) -> dict[str, str]:
    """Each transcript's turns, joined, by source path."""
    views = (transcript_view(project, t.id) for t in list_transcripts(project))
    return {v.source_path: "\n".join(turn.text for turn in v.turns) for v in views}


def _offset(project: Project, document_id: int, phrase: str) -> int:
    """Where `phrase` starts in the stored text of the transcript."""
    turn = next(turn for turn in transcript_view(project, document_id).turns if phrase in turn.text)
    return turn.start + turn.text.index(phrase)


def test_finds_a_listed_name_its_genitive_and_a_misspelling_in_both_transcripts(named: Project) -> None:
    proposals = {p.name: p for p in find_names(named)}
    kari = proposals["Kari"]
    assert kari.kind == "person" and kari.listed
    assert kari.variants == ("Karri",)
    assert kari.count == 4  # Kari, Karis, Karri in the first; Kari in the second
    assert {o.source_path for o in kari.occurrences} == {"corpus/bh-1.md", "corpus/bh-2.md"}
    assert all(o.line > 1 for o in kari.occurrences)
    holmen = proposals["Holmen"]
    assert holmen.kind == "place" and holmen.replacement == "[Sted A]"
    assert kari.replacement == "[Person A]"
    assert "Moderator" not in proposals and "Fjordvik" not in proposals


def test_apply_rewrites_every_transcript_consistently_and_keeps_codings(named: Project) -> None:
    first, second = (t.id for t in sorted(list_transcripts(named), key=lambda t: t.source_path))
    code = create_code(named, "ringte Kari på helsestasjonen")  # a code in the informant's words
    span = _offset(named, first, "ringte Kari på helsestasjonen")
    add_coding(named, code, first, span, span + len("ringte Kari på helsestasjonen"))
    later = _offset(named, second, "Det var bra for alle")
    add_coding(named, code, second, later, later + len("Det var bra for alle"))

    report = apply_decisions(named, as_proposed(find_names(named)))

    assert report.documents == 2 and report.replacements == 5 and report.flagged == 0
    texts = _texts(named)
    assert "Jeg ringte [Person A] på" in texts["corpus/bh-1.md"]
    assert "Det var [Person A]s mor" in texts["corpus/bh-1.md"]
    assert "og [Person A] sa det samme" in texts["corpus/bh-1.md"]
    assert "med [Person A] igjen" in texts["corpus/bh-2.md"] and "på [Sted A]." in texts["corpus/bh-2.md"]
    coded = [c for d in (first, second) for c in codings_of_document(named, d)]
    assert sorted(c.text for c in coded) == ["Det var bra for alle", "ringte [Person A] på helsestasjonen"]
    assert {c.status for c in coded} <= {"ok", "moved"}

    assert [c.statement for c in list_codes(named)] == ["ringte [Person A] på helsestasjonen"]
    stored = dump_store(named)  # transcripts, old versions, codes, the audit log and the undo history
    assert "Kari" not in stored and "Karri" not in stored and "Holmen" not in stored
    with named.store.reading() as session:
        assert len(session.scalars(select(DocumentVersion)).all()) == 2  # the old versions are kept

    key = named.config.key_path
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    entries = tomllib.loads(key.read_text(encoding="utf-8"))
    assert entries == {"Kari": "[Person A]", "Karri": "[Person A]", "Holmen": "[Sted A]"}

    again = import_paths(named, [])  # the sources still hold the names; the key now replaces them
    assert {o.action for o in again.outcomes} == {"unchanged"}
    assert find_names(named) == []


def test_the_key_is_reused_and_new_letters_do_not_clash(named: Project) -> None:
    add_to_key(named.config, "Kari", "[Person A]")
    add_to_key(named.config, "Ola", "[Sted A]")
    named.config = load_config(named.root)
    proposals = {p.name: p for p in find_names(named)}
    assert proposals["Kari"].replacement == "[Person A]" and proposals["Kari"].reused
    assert proposals["Holmen"].replacement == "[Sted B]"


def test_a_pseudonym_holding_the_name_is_refused_and_nothing_changes(named: Project) -> None:
    before = dump_store(named)
    with pytest.raises(WorkflowError, match="contains the real name"):
        apply_decisions(named, [Decision("Kari", "[Kari]")])
    with pytest.raises(WorkflowError):
        apply_decisions(named, [])
    assert dump_store(named) == before
    assert not named.config.key_path.exists()


def test_after_applying_a_word_export_has_no_name_and_the_guard_still_refuses(
    named: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    first = min(list_transcripts(named), key=lambda t: t.source_path).id
    span = _offset(named, first, "Det var Karis mor")
    code = create_code(named, "mor tok telefonen")
    coding = add_coding(named, code, first, span, span + len("Det var Karis mor som tok telefonen"))
    quotes = create_quote_set(named, "Artikkel")
    add_quote(named, quotes, coding)
    apply_decisions(named, as_proposed(find_names(named)))
    root = str(named.root)

    output = named.root / "exports" / "artikkel.docx"
    assert main(["--project", root, "export", "quotes", "Artikkel", "-o", str(output)]) == 0
    words = "\n".join(p.text for p in WordDocument(str(output)).paragraphs)
    assert "[Person A]s mor" in words and "Kari" not in words

    create_code(named, "Kari ringte tilbake")  # a code statement is the researcher's text: not rewritten
    capsys.readouterr()
    assert main(["--project", root, "export", "codebook", "--format", "csv"]) == 3
    assert "Kari" in capsys.readouterr().err
    assert not (named.root / "exports" / "kodebok.csv").exists()


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_failure_leaves_store_and_key_as_they_were(
    named: Project, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """The key is written last inside the transaction; if anything fails, the store rolls back and the key
    file is put back as it was (here: one earlier entry)."""
    import sdi.workflow.anonymise.names as anonymise

    add_to_key(named.config, "Ola", "[Person Q]")
    key_before = named.config.key_path.read_bytes()
    store_before = dump_store(named)
    real = anonymise.add_many_to_key

    def failing(config, entries):  # type: ignore[no-untyped-def]
        if when == "after":
            real(config, entries)  # written, then the commit "fails"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anonymise, "add_many_to_key", failing)
    with pytest.raises(OSError):
        apply_decisions(named, as_proposed(find_names(named)))
    assert dump_store(named) == store_before
    assert named.config.key_path.read_bytes() == key_before
    assert stat.S_IMODE(named.config.key_path.stat().st_mode) == 0o600


def test_with_a_model_that_has_entities_the_entities_are_the_candidates(
    named: Project, tmp_path: Path
) -> None:
    """The model path: a saved pipeline whose entity ruler knows «Kari» and «Holmen»; the entities give the
    kinds. The list still catches the misspelling the model does not know."""
    import dataclasses

    import spacy

    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Kari"}, {"label": "GPE_LOC", "pattern": "Holmen"}])  # type: ignore[attr-defined]
    folder = tmp_path / "nb_anonymise_model"
    nlp.to_disk(folder)
    named.config = dataclasses.replace(named.config, nlp_model=str(folder), privacy_lists={})

    proposals = {p.name: p for p in find_names(named)}
    assert set(proposals) == {"Kari", "Holmen"} and proposals["Kari"].variants == ()  # «Karri» unknown
    assert proposals["Kari"].kind == "person" and proposals["Holmen"].kind == "place"
    assert proposals["Kari"].count == 3  # Kari twice, and «Karis» found the way apply replaces it
    # The capitals rule runs beside the entities, but «Karri» is a common word to it (curry): not proposed.

    named.config = dataclasses.replace(named.config, privacy_lists={"names": ("Kari",)})
    proposals = {p.name: p for p in find_names(named)}
    assert set(proposals) == {"Kari", "Holmen"} and proposals["Kari"].variants == ("Karri",)


def test_on_the_imported_demo_corpus_known_names_and_the_projects_own_are_not_proposed(
    demo_root: Path,
) -> None:
    """The demo's invented real names are replaced on import ([pseudonyms]); what is left to propose are
    words the researcher judges (a system name, a product), never a known name, a site, a pseudonym, an
    acronym on the skip list, a filler or dialect word, or a compound with a lowercase head."""
    project = open_project(demo_root, coder="demo", exact=True)
    try:
        proposals = find_names(project)
        known = set(project.config.pseudonyms)
        acronyms = set(project.config.acronyms)
    finally:
        project.close()
    names = {p.name for p in proposals}
    assert names and not names & known and not names & acronyms
    assert not names & {"Fjordvik", "Åsmark", "Barnehage", "Moderator", "Sammen", "Ho", "Eh", "Ehm"}
    assert not any(name.startswith("[") or "-" in name for name in names)
    assert all(
        p.occurrences and all(o.source_path.startswith("corpus/") for o in p.occurrences) for p in proposals
    )
