"""One matcher for the names the project knows, with no gaps: «KARI NORDMANN», «kari nordmann», soft hyphens,
zero-width characters and a line break inside the name are caught at import, by `sdi anonymise`, in every
export and in every file sdi writes (codebook TOML, merge decisions); transcript file names leave the project
pseudonymised; a known name is never offered as a keyword. On both engines."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.nlp.known_names import KnownNames
from sdi.publish import names_in_export
from sdi.workflow.anonymise.names import apply_decisions, as_proposed, find_names
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.concept import create_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.keywords import keywords_by
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote import add_quote, create_quote_set, edit_display, quotes_of_set
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import transcript_md, write

NAME = "Kari Nordmann"
VARIANTS = {
    "upper": "KARI NORDMANN",
    "lower": "kari nordmann",
    "soft-hyphen": "Ka\u00adri Nord\u00admann",
    "zero-width": "Ka\u200bri\u200d Nordmann",
    "line-break": "Kari\nNordmann",
    "genitive": "KARI NORDMANNS",
}
BODY = """\
Moderator: Hvordan gikk det med stafettloggen?

P1: Jeg ringte helsesøster, og hun sa at stafettloggen ligger i permen.

P2: Vi venter for lenge før vi ringer foreldrene, altså.
"""


def _privacy(root: Path, names: str) -> None:
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('key_file = ".sdi/pseudonymnokkel.toml"',
                     f'key_file = ".sdi/pseudonymnokkel.toml"\nnames = [{names}]'),
        encoding="utf-8",
    )  # fmt: skip


@pytest.fixture
def guarded(project_dir: Path) -> Iterator[Project]:
    """«Kari Nordmann» on the [privacy] list (so the stored text may still hold her) and a transcript whose
    file is named after her."""
    _privacy(project_dir, f'"{NAME}"')
    write(project_dir, "corpus/intervju-kari-nordmann.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    project = open_project(project_dir, coder="kari", exact=True)
    report = import_paths(project, [])
    assert not report.failed, [o.message for o in report.failed]
    yield project
    project.close()


def _analysis(project: Project, written: str) -> None:
    """A code, group, concept and quote set whose texts hold the name as `written`, by two coders (so a
    merge of their codes writes a decisions file)."""
    document = list_transcripts(project)[0].id
    text = "\n".join(t.text for t in transcript_view(project, document).turns)
    start = text.index("stafettloggen ligger")
    code = create_code(project, f"{written} venter på stafettloggen")
    coding = add_coding(project, code, document, start, start + len("stafettloggen ligger i permen"))
    group = create_group(project, "Å vente")
    move_codes(project, [code], group)
    create_concept(project, group, "Ventekultur")
    quotes = create_quote_set(project, "Poster")
    add_quote(project, quotes, coding)
    quote = quotes_of_set(project, quotes)[0].id
    edit_display(project, quote, f"{written} sa: stafettloggen ligger i permen")
    other = open_project(project.root, coder="ola", exact=True)
    try:
        twin = create_code(other, f"{written} venter på stafettloggen")
        add_coding(other, twin, document, start, start + len("stafettloggen ligger"))
    finally:
        other.close()


EXPORTS = {
    "quotes paper": (["export", "quotes", "Poster", "--appendix"], "exports/poster-paper.docx"),
    "quotes poster": (["export", "quotes", "Poster", "--layout", "poster"], "exports/poster-poster.docx"),
    "codebook docx": (["export", "codebook", "--format", "docx"], "exports/kodebok.docx"),
    "codebook csv": (["export", "codebook", "--format", "csv"], "exports/kodebok.csv"),
    "report": (["export", "report"], "exports/analyserapport.docx"),
    "refi qdpx": (["refi", "export"], "exports/teststudie.qdpx"),
    "refi qdc": (["refi", "export", "--codebook-only"], "exports/teststudie.qdc"),
    "codebook toml": (["codebook", "export", "--with-codings"], "codebooks/kodebok.toml"),
    "codebook file csv": (["codebook", "export", "codebooks/kodebok.csv"], "codebooks/kodebok.csv"),
    "codebook file qdc": (["codebook", "export", "codebooks/kodebok.qdc"], "codebooks/kodebok.qdc"),
    "matrix csv": (["matrix", "--rows", "code", "--format", "csv"], "exports/matrise-code-group.csv"),
    "matrix xlsx": (["matrix", "--rows", "code", "--format", "xlsx"], "exports/matrise-code-group.xlsx"),
    "figure heatmap": (["figure", "heatmap", "--rows", "code"], "exports/varmekart.svg"),
    "figure concept-map png": (["figure", "concept-map", "--format", "png"], "exports/begrepskart.png"),
    "merge decisions": (["merge", "--coders", "kari,ola"], "codebooks/merge-*.toml"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_export_and_written_file_refuses_each_form_of_a_known_name(
    guarded: Project, variant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _analysis(guarded, VARIANTS[variant])
    root = str(guarded.root)
    for what, (argv, pattern) in EXPORTS.items():
        capsys.readouterr()
        assert main(["--project", root, *argv]) == 3, what
        err = capsys.readouterr().err
        assert "ekte navn" in err and "Traceback" not in err, what
        assert not list(guarded.root.glob(pattern)), f"{what} was left on disk"
    for what in ("quotes paper", "codebook csv", "refi qdpx", "matrix xlsx"):
        argv, pattern = EXPORTS[what]
        assert main(["--project", root, *argv, "--allow-names"]) == 0, what
        assert names_in_export(next(guarded.root.glob(pattern)), [NAME]), what  # the check reads it back


@pytest.mark.parametrize("what", ["codebook toml", "merge decisions"])
def test_team_files_can_be_written_with_the_names_replaced(
    guarded: Project, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _analysis(guarded, VARIANTS["soft-hyphen"])
    argv, pattern = EXPORTS[what]
    assert main(["--project", str(guarded.root), *argv, "--replace-names"]) == 0, capsys.readouterr().err
    written = next(guarded.root.glob(pattern))
    text = written.read_text(encoding="utf-8")
    assert "[navn] venter på stafettloggen" in text
    assert not KnownNames([NAME], loose=True).find(text)
    assert written.stat().st_mode & 0o077 == 0  # owner-only, like every file sdi writes


def test_transcript_file_names_leave_pseudonymised_and_are_found_again(
    guarded: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = list_transcripts(guarded)[0].id
    text = "\n".join(t.text for t in transcript_view(guarded, document).turns)
    start = text.index("stafettloggen ligger")
    code = create_code(guarded, "Loggen ligger i permen")
    add_coding(guarded, code, document, start, start + len("stafettloggen ligger i permen"))
    root = str(guarded.root)
    assert main(["--project", root, "refi", "export"]) == 0, capsys.readouterr().err
    with zipfile.ZipFile(guarded.root / "exports" / "teststudie.qdpx") as archive:
        project_xml = archive.read("project.qde").decode("utf-8")
    assert "corpus/intervju-navn.md" in project_xml and "nordmann" not in project_xml.lower()
    assert main(["--project", root, "codebook", "export", "--with-codings"]) == 0
    codebook = guarded.root / "codebooks" / "kodebok.toml"
    assert 'transcript = "corpus/intervju-navn.md"' in codebook.read_text(encoding="utf-8")
    # a colleague with the same corpus imports the codebook: the coding finds its transcript again
    colleague = tmp_path / "kollega"
    assert main(["init", str(colleague)]) == 0
    _privacy(colleague, f'"{NAME}"')
    write(colleague, "corpus/intervju-kari-nordmann.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    assert main(["--project", str(colleague), "import"]) == 0
    assert main(["--project", str(colleague), "codebook", "import", str(codebook)]) == 0
    assert "1 kodinger" in capsys.readouterr().out


@pytest.mark.parametrize("variant", ["upper", "lower", "soft-hyphen", "zero-width", "line-break"])
def test_import_pseudonymises_each_form_of_a_key_name(project_dir: Path, variant: str) -> None:
    from sdi.config import load_config
    from sdi.config.key import add_to_key

    add_to_key(load_config(project_dir), NAME, "[helsesykepleier]")
    body = BODY.replace("helsesøster", f"{VARIANTS[variant]}s kollega")
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        import_paths(project, [])
        stored = transcript_view(project, list_transcripts(project)[0].id)
        text = "\n".join(turn.text for turn in stored.turns)
        assert "[helsesykepleier]s kollega" in text
        assert not KnownNames([NAME]).find(text)
    finally:
        project.close()


def test_anonymise_finds_and_replaces_every_form_of_a_listed_name(project_dir: Path) -> None:
    _privacy(project_dir, f'"{NAME}"')
    forms = [VARIANTS[v] for v in ("upper", "lower", "soft-hyphen", "zero-width", "line-break")]
    body = "Moderator: Hvem ringte dere?\n\n" + "".join(
        f"P{1 + n % 2}: Vi ringte {form} i går.\n\n" for n, form in enumerate(forms)
    )
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        import_paths(project, [])
        proposals = {p.name: p for p in find_names(project)}
        kari = proposals[NAME]
        assert kari.count == len(forms) and kari.variants == ()  # one name, found however it is written
        apply_decisions(project, as_proposed([kari]))
        stored = transcript_view(project, list_transcripts(project)[0].id)
        assert not KnownNames([NAME]).find("\n".join(turn.text for turn in stored.turns))
    finally:
        project.close()


def test_a_known_name_is_never_offered_as_a_keyword(project_dir: Path) -> None:
    _privacy(project_dir, '"Kari Nordmann", "Holmen"')
    talk = "P1: Kari Nordmann sa det, og Kari Nordmann ringte fra Holmen om stafettloggen igjen.\n\n" * 6
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, "Moderator: Ja?\n\n" + talk))
    write(project_dir, "corpus/sk-1.md",
          transcript_md("Skole Åsmark", 1, "Moderator: Ja?\n\n" + BODY.split("\n", 2)[2] * 6))  # fmt: skip
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        import_paths(project, [])
        slices = keywords_by(project, "group", top=30, min_g2=0)
        offered = {k.lemma.casefold() for s in slices for k in s.keywords}
        assert "stafettlogg" in offered or "stafettloggen" in offered  # the slice has keywords at all
        assert not offered & {"kari", "nordmann", "holmen", "karis"}
    finally:
        project.close()


def test_the_review_file_is_only_written_where_the_key_may_live(
    guarded: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _privacy_text = "Moderator: Ja?\n\nP1: Vi ringte Kari Nordmann.\n"
    write(guarded.root, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, _privacy_text))
    import_paths(guarded, [])
    root = str(guarded.root)
    for outside in ("codebooks/navn.toml", str(guarded.root / "exports" / "navn.toml")):
        capsys.readouterr()
        assert main(["--project", root, "anonymise", "--write-review", outside]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "gjennomgangsfilen inneholder virkelige navn" in err
        assert not (guarded.root / outside).exists()
    inside = guarded.root / ".sdi" / "gjennomgang.toml"
    assert main(["--project", root, "anonymise", "--write-review", str(inside)]) == 0
    assert NAME in inside.read_text(encoding="utf-8") and inside.stat().st_mode & 0o077 == 0
