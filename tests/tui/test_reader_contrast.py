"""The reader's selection and caret sentence stand out in every theme the workbench offers: the selected words
are readable (text against selection background, WCAG contrast ≥ 4.5) and the selection is clearly not the
background, nor the caret's sentence."""

from __future__ import annotations

from rich.color import Color as RichColor
from textual.color import Color

from sdi.tui.app import SdiApp
from sdi.tui.widgets.coding_stripes import DARK_COLOURS, LIGHT_COLOURS
from sdi.tui.widgets.transcript_paint import contrast as wcag
from sdi.workflow.project import Project
from tests.tui.helpers import open_coding


def colour(value: RichColor | None) -> Color:
    assert value is not None
    red, green, blue = value.get_truecolor()
    return Color(red, green, blue)


async def test_the_selection_stands_out_in_every_theme(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        weak: list[str] = []
        for name in sorted(app.available_themes):
            app.theme = name
            await pilot.pause()
            background = reader.background_colors[1]
            layers = reader.painter.frame().layers  # what the rows are drawn with
            selection, sentence = layers["selection"], layers["sentence"]
            text, behind = colour(selection.color), colour(selection.bgcolor)
            sentence_behind = colour(sentence.bgcolor)
            if wcag(sentence_behind, background) < 1.2:
                weak.append(f"{name}: sentence vs background {wcag(sentence_behind, background):.2f}")
            if wcag(text, behind) < 4.5:
                weak.append(f"{name}: selected text {wcag(text, behind):.1f}")
            if wcag(behind, background) < 1.6 or wcag(behind, sentence_behind) < 1.3:
                weak.append(
                    f"{name}: selection vs background {wcag(behind, background):.1f}, "
                    f"vs sentence {wcag(behind, sentence_behind):.1f}"
                )
        assert weak == [], "\n".join(weak)


def test_stripe_colours_are_seen_on_both_backgrounds() -> None:
    """Every stripe colour against a dark (#1e1e1e) or a light (#f5f5f5) reader, at least 2.5:1."""
    dark, light = Color.parse("#1e1e1e"), Color.parse("#f5f5f5")
    assert [c for c in DARK_COLOURS if wcag(Color.parse(c), dark) < 2.5] == []
    assert [c for c in LIGHT_COLOURS if wcag(Color.parse(c), light) < 2.5] == []
