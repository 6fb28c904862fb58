"""`sdi status`: per focus group and stage — transcripts, words, speakers, coded share, codes, groups,
concepts — and the project's totals."""

from __future__ import annotations

import argparse

from sdi.cli.table import render
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "status",
        help="help.status",
        description="desc.status",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.overview import status_report

    report = status_report(args.project, coder=args.coder)
    status, lang = report.status, report.language
    print(f"{t('project', lang)}: {status.title}")
    print(f"{t('database', lang)}: {status.database}")
    print(f"{t('coder', lang)}: {status.coder}")
    print(f"{t('nlp', lang)}: {report.pipeline}")
    if report.stale_documents:
        print(t("reindex.hint", lang, documents=report.stale_documents, pipeline=report.stale_pipeline))
    print()
    if not status.rows:
        print(t("empty", lang))
        return 0
    headers = [
        t(k, lang)
        for k in (
            "group",
            "site",
            "stage",
            "date",
            "transcript",
            "words",
            "speakers",
            "turns",
            "coded",
            "codes",
            "code_groups",
            "concepts",
        )
    ]
    rows = [
        [
            r.group,
            r.site,
            r.stage,
            r.date.isoformat() if r.date else "",
            r.transcript or "–",
            r.words,
            r.speakers,
            r.turns,
            f"{r.coded_share:.0%}",
            r.codes,
            r.code_groups,
            r.concepts,
        ]
        for r in status.rows
    ]
    numeric = [False, False, True, False, False, True, True, True, True, True, True, True]
    print(render(headers, rows, numeric))
    print()
    print(
        f"{t('total', lang)}: {status.transcripts} {t('transcripts', lang).lower()}, {status.groups} "
        f"{t('groups', lang)}, {len(status.rows)} {t('stages', lang)}, "
        f"{status.words} {t('words', lang).lower()}, "
        f"{t('coded', lang).lower()} {status.coded_share:.0%}"
    )
    print(
        f"{status.codes} {t('codes', lang).lower()} ({status.ungrouped_codes} {t('ungrouped', lang)}), "
        f"{status.codings} {t('codings', lang)}, {status.code_groups} {t('code_groups', lang).lower()}, "
        f"{status.concepts} {t('concepts', lang).lower()}"
    )
    if status.flagged_codings:
        print(f"{status.flagged_codings} {t('flagged', lang)}")
    print(t("speakers_note", lang))
    return 0
