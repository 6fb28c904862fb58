"""The workbench a researcher lives in: the palette in bokmål, every export from it (a file on disk, read
back), the memo browser opening a memo's object, memos on Korpus, filtering the reader by code and walking
a code's codings, a transcript's log with its codings, and the first-run screen of an empty project."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from docx import Document as WordDocument
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import TextArea

from sdi.publish import Written
from sdi.tui.app import SdiApp
from sdi.tui.context import said
from sdi.tui.modals.audit import AuditModal
from sdi.tui.modals.dialogs import TextModal
from sdi.tui.modals.memo_browser import MemoBrowser
from sdi.tui.modals.picker import PickerModal
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.corpus_screen import CorpusScreen
from sdi.tui.widgets.status_line import StatusLine
from sdi.workflow.code import code_span
from sdi.workflow.concept import list_concepts
from sdi.workflow.memo import write_memo
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.quote import add_quote, create_quote_set
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.tui.conftest import REPO
from tests.tui.helpers import messages, open_coding, open_step, pick, type_text

SIZE = (120, 36)


async def run_command(pilot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Open the palette, type, wait for the hits, take the first one."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, typed)
    await pilot.pause(0.4)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_speaks_bokmal(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Søk etter kommandoer …"
        await type_text(pilot, "qxqxzz")
        await pilot.pause(0.9)  # Textual waits half a second before saying there is nothing
        options = palette.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt.renderable) for i in range(options.option_count)]
        assert any("Ingen treff" in text for text in shown), shown
        await pilot.press("escape")
        await pilot.pause()
        assert said(app, app.screen.active_bindings["ctrl+p"].binding.description) == "Kommandoer"
        await run_command(pilot, "Velg tema")  # Textual's own theme search, in bokmål too
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Søk etter tema …"


async def test_every_export_from_the_palette_writes_its_file(analysis_project: Project) -> None:
    first = list_concepts(analysis_project)[0]
    set_id = create_quote_set(analysis_project, "Artikkel 1")
    for quote in first.key_quotes:
        add_quote(analysis_project, set_id, quote.coding_id)
    exports = analysis_project.root / "exports"
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        for typed, name in (
            ("eksport analyserapport", "analyserapport.docx"),
            ("eksport artikkel 1 poster", "artikkel-1-poster.docx"),
            ("eksport kodebok", "kodebok.csv"),
            ("eksport qdpx", "sammen-tidlig-fokusgrupper-i-fjordvik-og-åsmark.qdpx"),
        ):
            await run_command(pilot, typed)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert (exports / name).is_file(), (typed, sorted(p.name for p in exports.glob("*")))
            assert any(f"exports/{name}" in message for message in messages(app)), messages(app)
            assert app.activity == ""  # the progress line is gone when it is done
    report = WordDocument(str(exports / "analyserapport.docx"))
    assert any(first.name in paragraph.text for paragraph in report.paragraphs)
    poster = WordDocument(str(exports / "artikkel-1-poster.docx"))
    poster_text = [paragraph.text for paragraph in poster.paragraphs] + [
        cell.text for table in poster.tables for row in table.rows for cell in row.cells
    ]  # the poster sets each group's quotes in a panel (a table cell)
    assert any(first.key_quotes[0].text[:30] in text for text in poster_text)
    assert (exports / "kodebok.docx").is_file()


async def test_the_progress_line_says_what_is_being_written(
    analysis_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the file is written (held here until the line is read), the status line says so."""
    from sdi.publish import Export

    release = threading.Event()
    write = Export.run

    def held(self: Export, *, allow_names: bool = False) -> Written:
        release.wait(10)
        return write(self, allow_names=allow_names)

    monkeypatch.setattr(Export, "run", held)
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "eksport analyserapport")
        assert "⏳ Eksporterer analyserapporten" in str(app.screen.query_one(StatusLine).render())
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = str(app.screen.query_one(StatusLine).render())
        assert "Eksporterer" not in line and "koder: tester" in line
    assert (analysis_project.root / "exports/analyserapport.docx").is_file()


async def test_the_memo_browser_finds_a_memo_and_opens_its_object(analysis_project: Project) -> None:
    document = list_transcripts(analysis_project)[0].id
    turn = transcript_view(analysis_project, document).turns[3]
    _, coding = code_span(analysis_project, document, turn.start, turn.start + 25, statement="Ventetid")
    write_memo(analysis_project, "coding", coding, "Sjekk om dette gjelder begge kommunene")
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, MemoBrowser)
        assert len(browser.shown) == 5  # the four of the demo analysis and ours
        await type_text(pilot, "begge kommunene")
        await pilot.pause()
        assert [item.memo.target_type for item in browser.shown] == ["coding"]
        assert "Ventetid" in browser.shown[0].label
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingScreen) and screen.document_id == document
        assert screen.reader.caret == turn.start  # on the coded words
        await pilot.press("escape")  # the walk back: where we came from
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        await pilot.press("M")
        await pilot.pause()
        await type_text(pilot, "sovende logger")  # a memo on a code of the demo analysis
        await pilot.press("enter")
        await pilot.pause()
        groups = app.screen
        assert isinstance(groups, CodeGroupScreen) and groups.pane == "codes"
        code = groups._highlighted_code()
        assert code is not None and "Logger blir liggende" in code.statement


async def test_memos_on_korpus(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "1", CorpusScreen)
        await pilot.press("down")  # the first stage
        await pilot.press("m")
        assert isinstance(app.screen, TextModal)
        app.screen.query_one(TextArea).text = "Runde 1 gikk fort; mange snakket i munnen på hverandre."
        await pilot.press("ctrl+s")
        await pilot.pause()
        detail = str(screen.query_one("#stage-detail").render())
        assert "Memoer" in detail and "mange snakket i munnen" in detail
        await pilot.press("up", "m")  # the focus group
        app.screen.query_one(TextArea).text = "Gruppa kjenner hverandre godt."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Gruppa kjenner hverandre godt." in str(screen.query_one("#group-detail").render())
    kinds = {m.target_type for kind in ("stage", "focus_group") for m in _all_memos(tui_project, kind)}
    assert kinds == {"stage", "focus_group"}


def _all_memos(project: Project, kind: str) -> list:  # type: ignore[type-arg]
    from sdi.workflow.memo_index import list_memos

    return [item.memo for item in list_memos(project) if item.memo.target_type == kind]


async def test_filter_by_code_and_walk_its_codings(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        everything = len(reader.visible_turns)
        counts: dict[int, int] = {}
        for coding in screen.codings:
            counts[coding.code_id] = counts.get(coding.code_id, 0) + 1
        code_id = max(counts, key=lambda code: (counts[code], -code))
        await pilot.press("v")
        assert isinstance(app.screen, PickerModal)
        await pick(pilot, f"code-{code_id}")
        coded_turns = {reader.turn_at(c.start).seq for c in screen.codings if c.code_id == code_id}
        assert {turn.seq for turn in reader.visible_turns} == coded_turns
        assert len(reader.visible_turns) < everything
        statement = next(c.statement for c in screen.codings if c.code_id == code_id)
        assert f"bare kodet med «{statement}»" in screen.query_one("StepBar").context
        starts = sorted(c.start for c in screen.codings if c.code_id == code_id)
        await pilot.press("n")
        assert reader.caret == starts[0] and reader.focused_coding().code_id == code_id  # type: ignore[union-attr]
        if len(starts) > 1:
            await pilot.press("n")
            assert reader.caret == starts[1]
            await pilot.press("N")
            assert reader.caret == starts[0]
        await pilot.press("v")
        await pilot.press("home", "enter")  # «all turns» is the first choice
        await pilot.pause()
        assert len(reader.visible_turns) == everything


async def test_a_transcripts_log_holds_its_codings(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("j", "c")
        await type_text(pilot, "Nøler i starten")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")  # the transcript's log (nothing in the panel has the focus)
        log = app.screen
        assert isinstance(log, AuditModal)
        assert any("som «Nøler i starten»" in summary for summary in log.summaries), log.summaries
        assert screen.view is not None and screen.view.title in str(log.query_one(".title").render())


async def test_an_empty_project_opens_on_what_to_do_and_i_imports(tmp_path: Path) -> None:
    root = tmp_path / "tom"
    init_project(root, "Tomt prosjekt")
    project = open_project(root, coder="tester", exact=True)
    try:
        app = SdiApp(project)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, CorpusScreen)
            first = str(screen.query_one("#first-run").render())
            assert "corpus/" in first and "Trykk i for å importere" in first and ".docx" in first
            shutil.copy(REPO / "corpus/fjordvik/barnehage-1.md", root / "corpus/barnehage-1.md")
            (root / "corpus/uten-metadata.md").write_text("FB1: Hei.\n\nFB2: Hei selv.\n", encoding="utf-8")
            await pilot.press("i")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not screen.query_one("#first-run").display
            assert sorted(t.source_path for t in list_transcripts(project)) == [
                "corpus/barnehage-1.md",
                "corpus/uten-metadata.md",
            ]
            said = "\n".join(messages(app))
            assert "2 filer" in said and "ingen fokusgruppe i metadataene" in said, said
            assert "no group in the metadata" not in said
    finally:
        project.close()


async def test_the_footer_fits_80_columns_on_every_screen(analysis_project: Project) -> None:
    """Every key the footer shows is whole at 80×24, left of the palette's key."""
    from textual.widgets._footer import FooterKey

    app = SdiApp(analysis_project)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
            keys = list(app.screen.query(FooterKey))
            palette = next(k for k in keys if k.has_class("-command-palette"))
            others = [k for k in keys if k is not palette]
            assert others and palette.region.right <= 80
            assert all(k.region.right <= palette.region.x for k in others), [
                (k.description, k.region) for k in others
            ]
            assert "Hjelp" in [k.description for k in others]
