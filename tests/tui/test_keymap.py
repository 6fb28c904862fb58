"""The researcher's keymap, `[keys]` in sdi.toml: a remapped key works on the screen that owns the binding
and the old key no longer does; the footer, `?`'s help and the palette show the new key; a broken entry is
one line naming sdi.toml and its line, before anything is drawn. Every binding of the workbench has an id."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.binding import Binding

from sdi.config import ConfigError
from sdi.tui.app import SdiApp
from sdi.tui.keymap import binding_ids, is_key
from sdi.tui.modals.help import HelpModal
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.widgets.key_footer import KeyFooter
from sdi.workflow.project import Project, open_project
from tests.tui.helpers import open_coding


def with_keys(root: Path, keys: str) -> Project:
    config = root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[keys]\n" + keys, encoding="utf-8")
    return open_project(root, coder="tester", exact=True)


def footer_keys(app: SdiApp) -> dict[str, str]:
    """description → key as the footer shows them."""
    footer = app.screen.query_one(KeyFooter)
    return {key.description: key.key_display for key in footer.query("FooterKey")}  # type: ignore[attr-defined]


async def test_a_remapped_key_works_and_the_old_one_does_not(project_root: Path) -> None:
    project = with_keys(project_root, 'code = "f6"\nhelp = "f2"\n')
    try:
        app = SdiApp(project)
        async with app.run_test(size=(160, 30)) as pilot:
            screen = await open_coding(pilot)
            shown = footer_keys(app)
            assert shown["Kod"].lower() == "f6" and shown["Hjelp"].lower() == "f2"
            await pilot.press("question_mark")  # the old key of help: nothing
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, HelpModal)
            keys = app.screen.keys
            assert keys["Kod"].lower() == "f6" and keys["Hjelp"].lower() == "f2"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CodingScreen)
            await pilot.press("c")  # the old key of «Kod»: no code picker
            await pilot.pause()
            assert app.screen is screen
    finally:
        project.close()


async def test_without_keys_the_footer_says_the_keys_in_the_project_language(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(160, 30)) as pilot:
        await open_coding(pilot)
        shown = footer_keys(app)
        assert shown["Kod"] == "c" and "Hjelp" in shown
        assert not [text for text in shown if text.startswith("tui.")]


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        ('nosuch = "f2"\n', "[keys] nosuch: no key has this id"),
        ('help = "ctrl+"\n', '[keys] help = "ctrl+": «ctrl+» is not a key'),
        ('help = "f2,banana"\n', "«banana» is not a key"),
        ('help = 3\n', "'keys.help' must be a key as text"),
    ],
)
def test_a_broken_entry_is_one_line_naming_sdi_toml(project_root: Path, keys: str, said: str) -> None:
    lines = (project_root / "sdi.toml").read_text(encoding="utf-8").count("\n") + 3
    with pytest.raises(ConfigError) as caught:
        project = with_keys(project_root, keys)
        try:
            SdiApp(project)
        finally:
            project.close()
    message = str(caught.value)
    assert f"sdi.toml:{lines}: " in message and said in message and "\n" not in message


def test_every_binding_of_the_workbench_has_an_id_and_a_key_textual_can_name() -> None:
    ids = binding_ids()
    from textual.dom import DOMNode

    import sdi.tui

    def subclasses(cls: type) -> list[type]:
        return [sub for direct in cls.__subclasses__() for sub in (direct, *subclasses(direct))]

    ours = [cls for cls in subclasses(DOMNode) if cls.__module__.startswith(sdi.tui.__name__ + ".")]
    for cls in ours:
        for binding in vars(cls).get("BINDINGS", []):  # the bindings it declares itself
            assert isinstance(binding, Binding), cls
            assert binding.id, f"{inspect.getsourcefile(cls)}: {binding.key} → {binding.action} has no id"
            assert all(is_key(key.strip()) for key in binding.key.split(",")), binding.key
    assert {"help", "code", "check", "merge_accept", "step_coding"} <= ids
