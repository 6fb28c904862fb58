"""`sdi nlp evaluate FILE.conllu`: how well the language pipeline does on gold data; `sdi reindex`: annotate
the stored transcripts again with the pipeline in use now."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sdi.cli.table import render
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "nlp",
        help="help.nlp",
        description="desc.nlp",
    )
    commands = parser.add_subparsers(dest="nlp_command", metavar="meta.command", required=True)
    evaluate = commands.add_parser(
        "evaluate",
        help="help.nlp.evaluate",
        description="desc.nlp.evaluate",
    )
    evaluate.add_argument("file", type=Path, metavar="meta.file", help="help.nlp.evaluate.file")
    evaluate.add_argument("--json", action="store_true", help="help.nlp.evaluate.json")
    evaluate.add_argument(
        "--model", metavar="meta.name", help="help.nlp.evaluate.model",
    )  # fmt: skip
    evaluate.set_defaults(handler=run_evaluate)

    reindex = sub.add_parser(
        "reindex",
        help="help.nlp.reindex",
        description="desc.nlp.reindex",
    )
    reindex.add_argument("--all", action="store_true", help="help.nlp.reindex.all")
    reindex.add_argument("--quiet", "-q", action="store_true", help="help.nlp.reindex.quiet")
    reindex.set_defaults(handler=run_reindex)


def run_evaluate(args: argparse.Namespace) -> int:
    from sdi.workflow.evaluation import configured_model, evaluate_file

    model, acronyms = configured_model(args.project)
    result = evaluate_file(args.file, args.model or model, acronyms, _language(args.project))
    if args.json:
        print(json.dumps({
            "file": str(result.path), "pipeline": result.pipeline, "description": result.description,
            **result.scores, "names": result.names,
            "load_seconds": round(result.load_seconds, 3), "words_per_second": round(result.words_per_second),
        }, ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    lang = _language(args.project)
    scores = result.scores
    print(t("eval.pipeline", lang, description=result.description))
    print(t("eval.file", lang, path=result.path, sentences=scores["sentences"], tokens=scores["tokens"]))
    print()
    upos = scores["upos_acc"]
    rows = [
        [t("eval.tokens", lang), _percent(scores["token_acc"], lang)],
        [t("eval.upos", lang), _percent(upos, lang) if upos is not None else t("eval.no_pos", lang)],
        [t("eval.lemma", lang), _percent(scores["lemma_acc"], lang)],
        [t("eval.lemma_det", lang), _percent(scores["lemma_acc_det"], lang)],
    ]
    print(render([t("eval.measure", lang), t("eval.score", lang)], rows, [False, True]))
    if scores["entities"] is None:
        print()
        print(t("eval.no_entities", lang))
    else:
        for key, table in (("eval.entities", scores["entities"]), ("eval.kinds", scores["kinds"]),
                           ("eval.names", result.names)):  # fmt: skip
            print()
            print(t(key, lang))
            print(_entity_table(table, lang, with_span=key == "eval.names"))  # type: ignore[arg-type]
    print()
    rate = f"{result.words_per_second:,.0f}".replace(",", " " if lang == "nb" else ",")
    print(t("eval.speed", lang, load=_decimal(result.load_seconds, lang, 2), rate=rate))
    print(t("eval.note", lang))
    return 0


def _entity_table(table: dict[str, dict[str, float]], lang: str, with_span: bool) -> str:
    headers = [t(k, lang) for k in ("eval.type", "eval.gold", "eval.found", "eval.precision", "eval.recall",
                                    "eval.f")]  # fmt: skip
    if with_span:
        headers.append(t("eval.span_recall", lang))
    rows = []
    for label, s in table.items():
        row = [label, s["gold"], s["predicted"], _percent(s["precision"], lang), _percent(s["recall"], lang),
               _percent(s["f"], lang)]  # fmt: skip
        if with_span:
            row.append(_percent(s["span_recall"], lang))
        rows.append(row)
    return render(headers, rows, [False, *([True] * (len(headers) - 1))])


def run_reindex(args: argparse.Namespace) -> int:
    import time

    from sdi.cli.common import opened
    from sdi.workflow.reindex import plan, reindex

    with opened(args) as project:
        lang = project.config.language
        todo = plan(project, everything=args.all)
        if not todo.documents:
            print(t("reindex.current" if not args.all else "reindex.nothing", lang, pipeline=todo.pipeline))
            return 0
        count = len(todo.documents)
        print(t("reindex.start", lang, turns=todo.turns, documents=count, pipeline=todo.pipeline))
        began = time.perf_counter()

        def progress(done: int, turns: int) -> None:
            if not args.quiet:
                print(t("reindex.progress", lang, done=done, documents=len(todo.documents), turns=turns),
                      flush=True)  # fmt: skip

        turns = reindex(project, todo.documents, progress)
        seconds = _decimal(time.perf_counter() - began, lang, 1)
        print(t("reindex.done", lang, turns=turns, seconds=seconds))
    return 0


def _language(start: Path | None) -> str:
    from sdi.config import ConfigError, find_project, load_config

    try:
        return load_config(find_project((start or Path.cwd()).resolve())).language
    except ConfigError:
        return "nb"


def _percent(value: object, lang: str) -> str:
    return _decimal(float(value) * 100, lang, 2) + " %"  # type: ignore[arg-type]


def _decimal(value: float, lang: str, places: int) -> str:
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "nb" else text
