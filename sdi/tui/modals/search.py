"""`/`: find what was said. A lemma search (or, with the toggle, a fuzzy search for a half-remembered quote —
the toggle is remembered for the project) narrowed by optional filters; hits as key-word-in-context lines as
wide as the dialog, with who said it where, and how many there are beyond the ones shown. `enter` on a hit
walks down to the transcript at that turn (`escape` in Coding walks back); `q` puts the hit's passage in a
quote set — through the coding already on it, or after coding it on the spot, since a quote is a coding:
the sentences holding every matched word, or with `ctrl+w` in the code picker, the whole turn."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from sdi.tui.context import refuse
from sdi.tui.modals.base import SdiModal
from sdi.tui.modals.code_picker import CodeChoice, CodePicker
from sdi.tui.modals.picker import PickerModal
from sdi.workflow.code import code_span
from sdi.workflow.errors import describe, reportable_errors
from sdi.workflow.likeness import RETRIEVAL_FLOOR
from sdi.workflow.passage import Passage, hit_passage, turn_passage
from sdi.workflow.preference import read_preferences, write_preference
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.search import TurnHit, search
from sdi.workflow.search_filter import FilterOptions, SearchFilter, filter_options

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp
    from sdi.tui.screens.base import SdiScreen

LIMIT = 100
PREFILL = 120  # characters of the passage put in the code picker's input
FUZZY = "search_fuzzy"  # the preference that remembers the fuzzy toggle
MIN_CONTEXT = 30  # characters of context either side of a match, at the least
DIMENSIONS = tuple(f.name for f in fields(SearchFilter))


@dataclass(frozen=True)
class SearchOutcome:
    """What the search view hands back: where to go (transcript id, offset), and whether it wrote."""

    place: tuple[int, int] | None
    wrote: bool


class HitList(OptionList):
    """The hits; `up` on the first one goes back to the query."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (0, None):
            self.screen.query_one("#query", Input).focus()
        else:
            super().action_cursor_up()


class SearchModal(SdiModal[SearchOutcome]):
    """Opened over a step screen (`opener`), whose quote-set picker it reuses."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "tui.key.close", id="close"),
        Binding("ctrl+f", "toggle_fuzzy", "tui.key.fuzzy", id="fuzzy"),
        Binding("down", "to_hits", "tui.key.to_hits", show=False, id="to_hits"),
        Binding("q", "quote", "tui.key.quote_hit", id="quote_hit"),
        Binding("ctrl+r", "clear_filters", "tui.key.clear_filters", show=False, id="clear_filters"),
    ]

    def __init__(self, opener: SdiScreen) -> None:
        super().__init__()
        self.opener = opener
        self.project = opener.project
        self.hits: list[TurnHit] = []
        self.wrote = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.search.title"), classes="title")
            with Horizontal(id="query-row"):
                yield Input(placeholder=self.tr("tui.search.placeholder"), id="query")
                yield Checkbox(self.tr("tui.search.fuzzy"), id="fuzzy", compact=True)
            for row in (DIMENSIONS[:4], DIMENSIONS[4:]):
                with Horizontal(classes="filters"):
                    for name in row:
                        prompt = self.tr(f"tui.search.filter.{name}")
                        yield Select[str]([], prompt=prompt, id=f"filter-{name}", compact=True)
            yield Label(self.tr("tui.search.start"), id="summary")
            yield HitList(id="hits")
            yield Label(self.tr("tui.search.hint"), classes="hint")

    def on_mount(self) -> None:
        self._fill_filters(filter_options(self.project))
        if read_preferences(self.project).get(FUZZY) == "on":
            with self.prevent(Checkbox.Changed):
                self.query_one("#fuzzy", Checkbox).value = True
            self.query_one("#query", Input).placeholder = self.tr("tui.search.placeholder_fuzzy")
        self.query_one("#query", Input).focus()

    def _fill_filters(self, options: FilterOptions) -> None:
        def stage(number: int) -> str:
            return self.tr("tui.search.stage", number=number)

        choices: dict[str, list[tuple[str, str]]] = {
            "groups": [(v, v) for v in options.groups],
            "categories": [(v, v) for v in options.categories],
            "sites": [(v, v) for v in options.sites],
            "stages": [(stage(n), str(n)) for n in options.stages],
            "roles": [(v, v) for v in options.roles],
            "participants": [(v, v) for v in options.participants],
            "codes": [(statement, str(i)) for i, statement in options.codes],
            "code_groups": [(name, str(i)) for i, name in options.code_groups],
        }
        for name, values in choices.items():
            select = self.query_one(f"#filter-{name}", Select)
            select.set_options(values)
            select.disabled = not values

    # ---- searching --------------------------------------------------------------------------------------

    @property
    def within(self) -> SearchFilter:
        """The filter the pickers describe (each picker holds one value or none)."""
        chosen: dict[str, tuple[str, ...]] = {}
        for name in DIMENSIONS:
            value = self.query_one(f"#filter-{name}", Select).value
            chosen[name] = (value,) if isinstance(value, str) else ()
        return SearchFilter(**chosen)

    @property
    def fuzzy(self) -> bool:
        return self.query_one("#fuzzy", Checkbox).value

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self.run_search() and self.hits:
            self.query_one(HitList).focus()

    @on(Select.Changed)
    @on(Checkbox.Changed, "#fuzzy")
    def _narrowed(self, event: Select.Changed | Checkbox.Changed) -> None:
        if isinstance(event, Checkbox.Changed):
            key = "tui.search.placeholder_fuzzy" if self.fuzzy else "tui.search.placeholder"
            self.query_one("#query", Input).placeholder = self.tr(key)
            with suppress(OSError):  # a read-only project folder: remembered for this dialog only
                write_preference(self.project, FUZZY, "on" if self.fuzzy else "off")
        if self.query_one("#query", Input).value.strip():
            self.run_search()

    def run_search(self) -> bool:
        """Search with what is typed and chosen; a refusal (unknown value, only stop words) is one line."""
        query = self.query_one("#query", Input).value
        if not query.strip():
            return False
        ignored: tuple[str, ...] = ()
        total = 0
        try:
            if self.fuzzy:
                found = find_quote(self.project, query, LIMIT, self.within)
                self.hits, scores = [m.turn for m in found], [m.score for m in found]
            else:
                result = search(self.project, query, LIMIT, self.within)
                self.hits, scores, ignored = list(result.hits), [], result.ignored
                total = result.total
        except reportable_errors() as error:
            self.hits = []
            self.query_one(HitList).clear_options()
            said = describe(error, str(getattr(self.app, "language", "nb")))
            self.query_one("#summary", Label).update(Text(said, style="bold"))
            return False
        self._show(scores, ignored, total)
        return True

    def _show(self, scores: list[float], ignored: tuple[str, ...], total: int = 0) -> None:
        hits = self.query_one(HitList)
        hits.clear_options()
        hits.add_options(
            Option(self._line(hit, scores[index] if scores else None), id=str(index))
            for index, hit in enumerate(self.hits)
        )
        if self.hits:
            hits.highlighted = 0
        if self.hits and total > len(self.hits):
            summary = self.tr("tui.search.hits_limited", count=total, shown=len(self.hits))
        elif self.hits:
            summary = self.tr("tui.search.hits", count=len(self.hits))
        elif self.fuzzy:  # nothing close enough: say so, rather than list look-alikes
            query = " ".join(self.query_one("#query", Input).value.split())
            summary = self.tr("sim.no_match", query=query, floor=RETRIEVAL_FLOOR)
        else:
            summary = self.tr("tui.search.no_hits")
        if ignored:
            summary += " · " + self.tr("tui.search.ignored", words=", ".join(ignored))
        self.query_one("#summary", Label).update(summary)

    def _line(self, hit: TurnHit, score: float | None) -> Text:
        """Two lines: where and who, then the match in its context (or the sentence, for a fuzzy hit)."""
        who = f"{hit.speaker} ({hit.role})" if hit.role and hit.role != hit.speaker else hit.speaker
        where = f"{hit.group}, {self.tr('tui.search.stage', number=hit.stage)}"
        head = Text.assemble(
            (f"{hit.source_path}:{hit.line}", "dim"), "  ", (who, "bold"), ("  · " + where, "dim")
        )
        if score is not None:
            start, end = hit.spans[0]
            sentence = " ".join(hit.text[start:end].split())
            return Text.assemble((f"{score:5.1f} ", "bold"), head, "\n   ", sentence)
        left, word, right = hit.kwic_parts(self._context_width(hit))
        return Text.assemble(head, "\n   ", left, (word, "reverse bold"), right)

    def _context_width(self, hit: TurnHit) -> int:
        """Characters of context either side of the match that fill one line of the hit list."""
        width = self.query_one(HitList).scrollable_content_region.width or self.app.size.width - 8
        match = hit.spans[0][1] - hit.spans[0][0] if hit.spans else 0
        return max(MIN_CONTEXT, (width - 3 - 2 - match) // 2)

    def _highlighted(self) -> TurnHit | None:
        hits = self.query_one(HitList)
        index = hits.highlighted
        return self.hits[index] if index is not None and 0 <= index < len(self.hits) else None

    # ---- actions ----------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        offset = hit.turn_start + (hit.spans[0][0] if hit.spans else 0)
        self.dismiss(SearchOutcome((hit.document_id, offset), self.wrote))

    def action_close(self) -> None:
        self.dismiss(SearchOutcome(None, self.wrote))

    def action_to_hits(self) -> None:
        hits = self.query_one(HitList)
        if hits.option_count and not hits.has_focus:
            hits.focus()

    def action_toggle_fuzzy(self) -> None:
        self.query_one("#fuzzy", Checkbox).toggle()

    def action_clear_filters(self) -> None:
        for name in DIMENSIONS:
            self.query_one(f"#filter-{name}", Select).clear()

    def action_quote(self) -> None:
        """`q`: the passage of the highlighted hit into a quote set, through a coding of it."""
        hit = self._highlighted()
        if hit is None:
            return
        try:
            passage = hit_passage(self.project, hit)
            whole = turn_passage(self.project, hit)
        except reportable_errors() as error:
            refuse(self, error)
            return
        if len(passage.codings) == 1:
            self._quote(passage.codings[0][0])
        elif passage.codings:
            choices = [(str(i), statement) for i, statement in passage.codings]
            self.app.push_screen(
                PickerModal(self.tr("tui.search.pick_coding"), choices),
                lambda key: self._quote(int(key)) if key else None,
            )
        else:
            self._code_then_quote(passage, whole, hit.speaker)

    def _quote(self, coding_id: int) -> None:
        self.wrote = True
        self.opener.quote_coding(coding_id)

    def _code_then_quote(self, passage: Passage, whole: Passage, speaker: str) -> None:
        """No coding on the passage yet: name what it says (as `c` in Coding does), then quote it. The picker
        shows the exact words; `ctrl+w` there takes the whole turn instead."""
        words = " ".join(passage.text.split())
        prefill = words if len(words) <= PREFILL else words[:PREFILL].rsplit(" ", 1)[0] + " …"

        def chosen(choice: CodeChoice | None) -> None:
            if choice is None:
                return
            coded = whole if choice.wider else passage
            existing = {"code_id": choice.code_id} if choice.code_id else {"statement": choice.statement}
            done = self.opener.attempt(code_span, self.project, coded.document_id, coded.start, coded.end,
                                       **existing, document_version=coded.version)  # fmt: skip
            if done is not None:
                self.wrote = True
                self.notify(self.tr("tui.search.coded", statement=choice.statement))
                self._quote(done[1])

        span = (passage.document_id, passage.start, passage.end)
        wider = [(speaker, " ".join(whole.text.split()))] if (whole.start, whole.end) != span[1:] else []
        picker = CodePicker(self.project, prefill, [(speaker, words)], span, wider)
        self.app.push_screen(picker, chosen)


def open_search(app: SdiApp, opener: SdiScreen) -> None:
    """`/`: the search view over the screen in front; `enter` on a hit walks down to it in Coding."""

    def done(outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.wrote:
            opener.after_write()
        if outcome.place is not None:
            document_id, offset = outcome.place
            app.walk_down("coding", {"document": document_id, "offset": offset})

    app.push_screen(SearchModal(opener), done)
