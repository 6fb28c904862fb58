"""`i` on Korpus (and the first-run screen): import the transcripts in corpus/, as `sdi import` does, in a
worker thread with the file being read in the status line; afterwards one notification says how it went,
with every warning and failure in the project's language (where the reader gave a reason by key)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from sdi.i18n import said
from sdi.tui.context import refusals, refuse

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp
    from sdi.workflow.corpus_import import ImportOutcome, ImportReport

NOTICE_SECONDS = 15
SHOWN_PROBLEMS = 6  # warnings and failures listed in the notification; `sdi import` prints them all


def report_lines(app: SdiApp, report: ImportReport) -> tuple[str, list[str]]:
    """The summary line and the problems (failures, then warnings), each naming its file."""
    language = app.language
    summary = app.tr(
        "import_summary",
        files=len(report.outcomes),
        imported=report.count("imported"),
        updated=report.count("updated"),
        unchanged=report.count("unchanged"),
        failed=len(report.failed),
    )
    problems = [said(outcome.message, language) for outcome in report.failed]
    problems += [f"{o.path}: {said(w, language)}" for o in report.outcomes for w in o.warnings]
    return summary, problems


def start_import(app: SdiApp, done: Callable[[], None]) -> None:
    """Import corpus/; `done` runs on the app's thread afterwards (the screen's `after_write`)."""
    from sdi.workflow.corpus_import import import_paths  # loaded on use: start-up does not need it

    project = app.project

    def progress(index: int, total: int, outcome: ImportOutcome) -> None:
        text = app.tr("tui.import.running", index=index, total=total, path=outcome.path)
        app.call_from_thread(app.set_activity, text)

    def work() -> None:
        try:
            report = import_paths(project, [], progress)
        except refusals() as error:
            app.call_from_thread(finished, None, error)
            return
        app.call_from_thread(finished, report, None)

    def finished(report: ImportReport | None, error: BaseException | None) -> None:
        app.set_activity("")
        done()  # the screen that started it: `SdiScreen.after_write`
        if report is None:
            refuse(app, error or RuntimeError())
            return
        summary, problems = report_lines(app, report)
        if problems:
            more = len(problems) - SHOWN_PROBLEMS
            listed = problems[:SHOWN_PROBLEMS] + ([app.tr("tui.import.more", count=more)] if more > 0 else [])
            severity: SeverityLevel = "error" if report.failed else "warning"
            app.notify("\n".join([summary, *listed]), severity=severity, timeout=NOTICE_SECONDS)
        else:
            app.notify(summary, timeout=NOTICE_SECONDS)

    app.set_activity(app.tr("tui.import.starting"))
    app.run_worker(work, thread=True, exit_on_error=False, group="import")
