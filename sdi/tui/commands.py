"""The command palette (`ctrl+p`): the SDI screens, the main actions and every transcript by title, so all
of the workbench is reachable by typing a few letters of what one wants."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from sdi.tui.context import sdi_app, tr
from sdi.workflow.transcript import list_transcripts

Command = tuple[str, Callable[[], object], str]


class SdiCommands(Provider):
    """Screens and actions first, then «open: <transcript>» for each transcript."""

    async def startup(self) -> None:
        app = sdi_app(self.screen)
        commands: list[Command] = [
            (
                tr(app, "tui.cmd.step", number=number, step=tr(app, f"tui.step.{mode}")),
                partial(app.action_step, number),
                tr(app, f"tui.cmd.step_help.{mode}"),
            )
            for number, mode in enumerate(app.STEPS, start=1)
        ]
        commands += [
            (tr(app, "tui.cmd.pick"), app.action_pick_transcript, tr(app, "tui.cmd.pick_help")),
            (tr(app, "tui.cmd.theme"), app.action_toggle_theme, tr(app, "tui.cmd.theme_help")),
            (tr(app, "tui.cmd.undo"), app.action_undo, tr(app, "tui.cmd.undo_help")),
            (tr(app, "tui.cmd.redo"), app.action_redo, tr(app, "tui.cmd.redo_help")),
            (tr(app, "tui.cmd.help"), app.action_help, tr(app, "tui.cmd.help_help")),
        ]
        for item in list_transcripts(app.project):
            name = tr(app, "tui.cmd.open", title=item.title)
            commands.append((name, partial(app.open_transcript, item.id), item.source_path))
        self.commands = commands

    async def discover(self) -> Hits:
        for name, command, help_text in self.commands:
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self.commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
