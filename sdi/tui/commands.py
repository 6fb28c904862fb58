"""The command palette (`ctrl+p`): the SDI screens, the main actions, every key of the screen underneath
(read from its bindings, so the palette cannot drift from the keys), every export («eksport») and every
transcript by title — all of the workbench is reachable by typing a few letters of what one wants."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from sdi.tui.context import said, sdi_app, tr
from sdi.tui.matrix_commands import matrix_commands

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
        commands += self._screen_commands(self.screen)
        commands += [
            (tr(app, "tui.cmd.pick"), app.action_pick_transcript, tr(app, "tui.cmd.pick_help")),
            (tr(app, "tui.cmd.merge"), partial(_open_merge, app), tr(app, "tui.cmd.merge_help")),
            (tr(app, "tui.cmd.search"), app.action_search, tr(app, "tui.cmd.search_help")),
            (tr(app, "tui.cmd.keywords"), app.action_keywords, tr(app, "tui.cmd.keywords_help")),
            (tr(app, "tui.cmd.memos"), app.action_memos, tr(app, "tui.cmd.memos_help")),
            (tr(app, "tui.cmd.theme"), app.action_toggle_theme, tr(app, "tui.cmd.theme_help")),
            (tr(app, "tui.cmd.coder"), app.action_switch_coder, tr(app, "tui.cmd.coder_help")),
            (tr(app, "tui.cmd.undo"), app.action_undo, tr(app, "tui.cmd.undo_help")),
            (tr(app, "tui.cmd.redo"), app.action_redo, tr(app, "tui.cmd.redo_help")),
            (tr(app, "tui.cmd.help"), app.action_help, tr(app, "tui.cmd.help_help")),
            (tr(app, "anon.cmd"), partial(_open_anonymise_review, app), tr(app, "anon.cmd_help")),
            *matrix_commands(app),
        ]
        from sdi.tui.exporting import export_commands  # these read through the ORM: loaded on first use
        from sdi.workflow.transcript import list_transcripts

        commands += export_commands(app)
        for item in list_transcripts(app.project):
            name = tr(app, "tui.cmd.open", title=item.title)
            commands.append((name, partial(app.open_transcript, item.id), item.source_path))
        self.commands = commands

    def _screen_commands(self, screen: Screen[object]) -> list[Command]:
        """One command per key of the screen itself, named by what the key does."""
        app = sdi_app(screen)
        mode = getattr(screen, "MODE", "")
        if not mode:
            return []
        step = tr(app, f"tui.step.{mode}")
        commands: dict[str, Command] = {}
        for active in screen.active_bindings.values():  # with the keys of [keys] in sdi.toml
            binding = active.binding
            if active.node is screen and binding.description.startswith("tui.key.") and (
                binding.action not in commands
            ):
                action = said(app, binding.tooltip or binding.description)
                name = tr(app, "tui.cmd.screen", step=step, action=action)
                run = partial(app.run_action, binding.action, screen)
                commands[binding.action] = (name, run, app.get_key_display(binding))
        return list(commands.values())

    async def discover(self) -> Hits:
        for name, command, help_text in self.commands:
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self.commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)


def _open_anonymise_review(app: object) -> None:
    """Loaded on use: the name finder brings rapidfuzz and the import path, which start-up does not need."""
    from sdi.tui.modals.anonymise import open_review

    open_review(app)  # type: ignore[arg-type]


def _open_merge(app: object) -> None:
    """Loaded on use, like the anonymise review: matching codebooks brings rapidfuzz and the NLP pipeline."""
    from sdi.tui.modals.merge import start_merge

    start_merge(app)  # type: ignore[arg-type]
