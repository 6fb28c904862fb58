"""The bottom line of every screen: which project, who codes, which language pipeline, and how far the SDI
chain has come — so the coder always sees the state of the whole analysis while working on one part."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from sdi.tui.context import counted, sdi_app, tr

SEPARATOR = " │ "
MIN_TITLE = 8


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis ("" when there is no room at all)."""
    if cell_len(text) <= width:
        return text
    return text[: width - 1] + "…" if width >= MIN_TITLE else ""


class StatusLine(Widget):
    """One line. When it is too long, the parts get shorter in turn — the pipeline's name, the coder's
    label, the progress wording, and only when even a short title has no room, the pipeline — and the title
    takes what is left."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-line--title",
        "status-line--coder",
        "status-line--nlp",
        "status-line--progress",
        "status-line--separator",
        "status-line--activity",
    }

    def _variants(self) -> list[tuple[str, str, str]]:
        """(coder, nlp, progress) from longest to shortest."""
        app = sdi_app(self)
        status = app.status
        figures = {
            "share": app.percent(status.coded_share),
            "codes": counted(self, "tui.status.codes", status.codes),
            "groups": counted(self, "tui.status.groups", status.code_groups),
            "concepts": counted(self, "tui.status.concepts", status.concepts),
        }
        coder = tr(self, "tui.status.coder", coder=app.project.coder_name)
        nlp = app.nlp_label
        short_nlp = nlp.split(" (")[0]
        progress = tr(self, "tui.status.progress", **figures)
        figures["groups"] = counted(self, "tui.status.groups_short", status.code_groups)
        short_progress = tr(self, "tui.status.progress", **figures)
        name = app.project.coder_name
        return [
            (coder, nlp, progress),
            (coder, short_nlp, progress),
            (name, short_nlp, progress),
            (name, short_nlp, short_progress),
            (name, "", short_progress),
        ]

    def render(self) -> Text:
        activity = sdi_app(self).activity
        if activity:  # something under way (an export being written): said alone, so it is seen
            style = self.get_component_rich_style("status-line--activity")
            return Text(f" ⏳ {activity}", style=style, no_wrap=True, overflow="ellipsis")
        width = self.size.width - 1
        title = sdi_app(self).project.config.title
        variants = self._variants()
        for index, (coder, nlp, progress) in enumerate(variants):
            room = width - sum(cell_len(part) for part in (coder, nlp, progress)) - 3 * len(SEPARATOR)
            last_with_nlp = index == len(variants) - 2  # the pipeline goes only when the title would
            if room >= (MIN_TITLE if last_with_nlp else min(MIN_TITLE * 2, cell_len(title))):
                break
        parts = [("title", fit(title, room)), ("coder", coder), ("nlp", nlp), ("progress", progress)]
        line = Text(" ", no_wrap=True, overflow="ellipsis")
        for index, (name, value) in enumerate(part for part in parts if part[1]):
            if index:
                line.append(SEPARATOR, style=self.get_component_rich_style("status-line--separator"))
            line.append(value, style=self.get_component_rich_style(f"status-line--{name}"))
        return line
