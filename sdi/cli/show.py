"""`sdi show DOC`: a transcript with line numbers, speakers and roles."""

from __future__ import annotations

import argparse
import shutil
import textwrap

from sdi.cli.common import opened, width
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "show",
        help="help.show",
        description="desc.show",
    )
    parser.add_argument("doc", metavar="meta.transcript", help="help.show.doc")
    parser.add_argument("--width", type=width, default=0, metavar="meta.n", help="help.show.width")
    parser.set_defaults(handler=run)


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.transcript import find_transcript, transcript_view

    with opened(args) as project:
        view = transcript_view(project, find_transcript(project, args.doc))
    lang = project.config.language
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    header = f"{view.title} — {view.group}, {t('stage', lang).lower()} {view.stage}"
    if view.date:
        header += f", {view.date.isoformat()}"
    print(header)
    print(
        f"{view.source_path} · {t('version', lang)} {view.version} · {view.words} {t('words', lang).lower()}"
    )
    print()
    label_width = min(28, max((len(_label(turn, lang)) for turn in view.turns), default=8))
    indent = 6 + 2 + label_width + 2
    body_width = max(20, width - indent)
    for turn in view.turns:
        label = _label(turn, lang)
        if turn.time_start is not None:
            label = f"{label} {_clock(turn.time_start)}"
        paragraphs = turn.text.split("\n")
        first = True
        for paragraph in paragraphs:
            lines = textwrap.wrap(paragraph, body_width) or [""]
            for line in lines:
                prefix = f"{turn.line:>6}  {label:<{label_width}}  " if first else " " * indent
                print(prefix + line)
                first = False
        print()
    return 0


def _label(turn, lang: str) -> str:  # type: ignore[no-untyped-def]
    if turn.is_moderator:
        return f"{turn.speaker} ({t('moderator', lang)})" if turn.role == "" else f"{turn.speaker}"
    return f"{turn.speaker} ({turn.role})" if turn.role else turn.speaker or "–"
