"""The merge view, driven as a team uses it on the demo corpus: a second coder («kari») coded some of the same
passages as the seeded analysis («tester»); from the palette the two coders' codes are compared side by side
with their passages, one pair is renamed, one kept apart, the group conflict is shown, and applying is one
transaction and one undo step."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from textual.widgets import Label, OptionList, Static

from sdi.storage.models import Coder, Coding
from sdi.tui.app import SdiApp
from sdi.tui.modals.merge import MergeModal, start_merge
from sdi.tui.modals.picker import PickerModal
from sdi.workflow.code import add_coding, create_code, list_codes
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.memo import memos_for
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.tui.conftest import REPO
from tests.tui.helpers import answer, messages, pick

WAITING = "Man venter med å ta opp bekymringen fordi man vil være helt sikker"  # tester's, seeded
KARI_WAITING = "Venter med å ta opp bekymringen fordi man vil være sikker"
KARI_OTHER = "Loggen blir liggende når stafettholderen slutter"
RENAMED = "Venter med bekymringen til man er helt sikker"


def code_words(project: Project, transcript: str, statement: str, words: str) -> int:
    """A code on `words` of the transcript whose path ends in `transcript`."""
    doc = next(t.id for t in list_transcripts(project) if t.source_path.endswith(transcript))
    turn = next(t for t in transcript_view(project, doc).turns if words in t.text)
    start = turn.start + turn.text.index(words)
    code = create_code(project, statement)
    add_coding(project, code, doc, start, start + len(words))
    return code


def kari_codes(root: Path) -> None:
    """Kari's own coding of the demo corpus: one code like tester's (in a group of her own), one not."""
    kari = open_project(root, coder="kari", exact=True)
    try:
        waiting = code_words(kari, "fjordvik/skole-1.md", KARI_WAITING, "fordi jeg ville være helt sikker")
        move_codes(kari, [waiting], create_group(kari, "Venting"))
        code_words(kari, "fjordvik/skole-1.md", KARI_OTHER, "Jeg har ventet for lenge noen ganger")
    finally:
        kari.close()


def coded_by(project: Project, statement: str) -> list[str]:
    code = next(c.id for c in list_codes(project) if c.statement == statement)
    with project.store.reading() as session:
        rows = session.execute(
            select(Coder.name).join(Coding, Coding.coder_id == Coder.id).where(Coding.code_id == code)
        )
        return sorted(rows.scalars())


async def test_merge_two_coders_from_the_palette(analysis_project: Project) -> None:
    kari_codes(analysis_project.root)
    before = sorted(c.statement for c in list_codes(analysis_project))
    app = SdiApp(analysis_project)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Slå sammen kodebok".replace(" ", ""))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerModal)
        await pick(pilot, "coders:kari\ttester")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MergeModal)
        assert (view.proposal.left.name, view.proposal.right.name) == ("kari", "tester")
        await pilot.pause()
        assert view.query_one("#left-code", Static).size.height > 3  # the first pair is shown in full

        pairs = [(view.proposal.left.code(p.left), view.proposal.right.code(p.right), p)
                 for p in view.proposal.pairs]  # fmt: skip
        index = next(n for n, (a, b, _) in enumerate(pairs) if a and b and a.statement == KARI_WAITING
                     and b.statement == WAITING)  # fmt: skip
        assert pairs[index][2].proposed
        assert view.decisions[(pairs[index][2].left, pairs[index][2].right)][0] == "accept"
        options = view.query_one("#pairs", OptionList)
        await pilot.press(*["down"] * (index - (options.highlighted or 0)))
        await pilot.pause()
        left = str(view.query_one("#left-code", Static).render())
        right = str(view.query_one("#right-code", Static).render())
        assert KARI_WAITING in left and "fordi jeg ville være helt sikker" in left and "kari" in left
        assert WAITING in right and "skole-1.md" in right and "Å vente til man er sikker" in right
        conflicts = str(view.query_one("#conflicts", Static).render())
        assert "Venting" in conflicts and "Å vente til man er sikker" in conflicts

        await pilot.press("r")
        await pilot.pause()
        await answer(pilot, RENAMED)
        assert view.decisions[(pairs[index][2].left, pairs[index][2].right)] == ("rename", RENAMED)
        assert f"«{RENAMED}»" in str(options.get_option_at_index(index).prompt)
        others = [n for n, (a, _, _) in enumerate(pairs) if n != index and a and a.statement == KARI_OTHER]
        assert others and any(view.decisions[(pairs[n][2].left, pairs[n][2].right)][0] == "accept"
                              for n in others)  # fmt: skip
        for other in others:  # kari's other code is kept apart from whatever it resembles
            options.highlighted = other
            await pilot.pause()
            await pilot.press("h")
            assert view.decisions[(pairs[other][2].left, pairs[other][2].right)][0] == "apart"
        assert "1 slås sammen" in str(view.query_one("#summary", Label).render())
        conflicts = str(view.query_one("#conflicts", Static).render())  # only the merging pair's conflict
        assert "Venting" in conflicts and "Når alle kjenner alle" not in conflicts

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MergeModal)
        assert any("1 koder slått sammen (1 med ny formulering)" in m for m in messages(app))
        assert any("ulike kodegrupper" in m for m in messages(app))

        after = sorted(c.statement for c in list_codes(analysis_project))
        assert RENAMED in after and WAITING not in after and KARI_WAITING not in after
        assert KARI_OTHER in after and len(after) == len(before) - 1
        assert set(coded_by(analysis_project, RENAMED)) == {"kari", "tester"}  # codings keep their coders
        merged = next(c.id for c in list_codes(analysis_project) if c.statement == RENAMED)
        memo = "\n".join(m.text for m in memos_for(analysis_project, "code", merged))
        assert "Ulike kodegrupper" in memo and "Venting" in memo

        await pilot.press("ctrl+z")  # one undo takes the whole merge back
        await pilot.pause()
        assert sorted(c.statement for c in list_codes(analysis_project)) == before
        assert set(coded_by(analysis_project, WAITING)) == {"tester"}
        assert coded_by(analysis_project, KARI_WAITING) == ["kari"]


async def test_contradicting_decisions_are_refused_in_the_view(analysis_project: Project) -> None:
    """Escape leaves the store as it was; the view itself never lets a code merge twice."""
    kari_codes(analysis_project.root)
    before = sorted(c.statement for c in list_codes(analysis_project))
    app = SdiApp(analysis_project)
    async with app.run_test(size=(160, 45)) as pilot:
        start_merge(app)
        await pilot.pause()
        await pick(pilot, "coders:kari\ttester")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MergeModal)
        for index in range(len(view.proposal.pairs)):  # accept everything, one after the other
            view.query_one("#pairs", OptionList).highlighted = index
            await pilot.press("a")
        merging = [key for key, (action, _) in view.decisions.items() if action != "apart"]
        rights = [right for _, right in merging]
        assert len(rights) == len(set(rights))  # each right code merges into one code at most
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MergeModal)
    assert sorted(c.statement for c in list_codes(analysis_project)) == before


async def test_a_codebook_file_in_codebooks_is_offered(analysis_project: Project) -> None:
    """A colleague's codebook file: the same seeded codes pair by id; cancelling writes nothing."""
    folder = analysis_project.config.codebooks_dir
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "codebooks" / "demo-analyse.toml", folder / "kollega.toml")
    before = sorted(c.statement for c in list_codes(analysis_project))
    app = SdiApp(analysis_project)
    async with app.run_test(size=(160, 45)) as pilot:
        start_merge(app)
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerModal)
        key = f"file:{folder / 'kollega.toml'}"
        assert [choice for choice, _ in picker.choices] == [key]  # one coder only: no coder pairs
        await pick(pilot, key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MergeModal)
        assert view.proposal.right.kind == "file" and view.proposal.pairs
        assert all(p.by_id and p.proposed for p in view.proposal.pairs)
        assert "kollega.toml" in str(view.query_one(".title", Label).render())
        await pilot.press("escape")
        await pilot.pause()
    assert sorted(c.statement for c in list_codes(analysis_project)) == before
