"""One language: every string a researcher reads comes from the catalogue (`sdi.i18n`) in the project's
language. An AST scan of sdi/ fails on a worded literal handed to what shows text — user-facing exception
constructors, argparse help, Textual's notify/Label/Static/Button/titles/bindings, and the CLI's print —
and the real CLI is run to see its help and its refusals in bokmål for an nb project and in English for an
en one."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sdi.i18n import catalogue

SDI = Path(__file__).resolve().parents[1] / "sdi"

# Files another helper (wip-rooms) converts while moving them into workflow/exchange and workflow/anonymise;
# the lead empties this set when that work is merged. Nothing else may be listed here.
PENDING: set[str] = set()

# Exceptions that never reach a researcher: a programming mistake, said in English for the developer.
INTERNAL = {
    "RuntimeError",
    "AssertionError",
    "AttributeError",
    "KeyError",
    "TypeError",
    "NotImplementedError",
}
# Calls that show their string arguments (by name of the function or method called).
SHOWN_CALLS = {
    "notify",
    "Label",
    "Static",
    "Button",
    "Checkbox",
    "Input",
    "Header",
    "Footer",
    "Hit",
    "DiscoveryHit",
}
SHOWN_KEYWORDS = {
    "help", "description", "epilog", "title", "sub_title", "placeholder", "tooltip", "label", "message",
}  # fmt: skip
# Helpers that build a refusal from their arguments (`fail(message, where)`, `limits.too_long(path, what,…)`).
REFUSING = {"fail": (0,), "refusal": (), "too_long": (1,), "_Refused": (0,)}
PRINTS = {"print", "echo", "_say", "say", "warn", "_warn", "error"}
# The mark of a raise no researcher reads (every caller checks first, or catches it): `# not shown: <why>`.
NOT_SHOWN = "# not shown:"
WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def _literal_text(node: ast.AST) -> str | None:
    """The words a literal (or f-string) carries, without its placeholders; None for anything else (and for
    an f-string that only builds a catalogue key, e.g. f"tui.step.{name}")."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = "".join(
            p.value for p in node.values if isinstance(p, ast.Constant) and isinstance(p.value, str)
        )
        return None if re.fullmatch(r"[a-z0-9_.]*", text) else text
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        left, right = _literal_text(node.left), _literal_text(node.right)
        if left is None and right is None:
            return None
        return (left or "") + " " + (right or "")
    return None


def _worded(text: str) -> bool:
    """A literal that a reader would read as a sentence or word: not a catalogue key, CSS id, format or
    punctuation."""
    stripped = text.strip()
    if not WORD.search(stripped.replace("sdi", "")):  # the program's name is no sentence
        return False
    if KEY.match(stripped) and (stripped in catalogue() or "." not in stripped):
        return False  # a catalogue key, or a bare id/class-like token
    return not re.fullmatch(r"[#.]?[a-z0-9_-]+", stripped)  # a CSS id or class


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _offenders_in(path: Path, root: Path = SDI) -> list[str]:
    relative = path.relative_to(root).as_posix()
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    face_cli = relative.startswith("cli/")
    found: list[str] = []

    def flag(node: ast.AST, what: str, text: str) -> None:
        first, last = getattr(node, "lineno", 1), getattr(node, "end_lineno", None) or 1
        if any(NOT_SHOWN in line for line in lines[max(first - 2, 0) : last + 1]):
            return  # a contract between rooms, said on the line why no researcher reads it
        found.append(f"{relative}:{getattr(node, 'lineno', '?')}: {what}: {text.strip()[:60]!r}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            arguments = [
                *node.args,
                *(k.value for k in node.keywords if k.arg not in {"key", "id", "classes"}),
            ]
            is_error = re.search(r"(Error|Refusal|Warning|Exception)$", name) and name not in INTERNAL
            if name in REFUSING:  # only the arguments that are said, not a search string or a path
                arguments = [*(node.args[i] for i in REFUSING[name] if i < len(node.args)),
                             *(k.value for k in node.keywords)]  # fmt: skip
            if is_error or name in SHOWN_CALLS or name in REFUSING or (face_cli and name in PRINTS):
                for argument in arguments:
                    text = _literal_text(argument)
                    if text is not None and _worded(text):
                        flag(node, name, text)
                continue
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    text = _literal_text(keyword.value)
                    if text is not None and _worded(text):
                        flag(node, f"{name}({keyword.arg}=)", text)
            language = node.args[1] if name == "t" and len(node.args) >= 2 else None
            if isinstance(language, ast.Constant) and language.value == "en":  # fixed English: use a Notice
                flag(node, "t(…, 'en')", _literal_text(node.args[0]) or "")
            if name == "Binding" and len(node.args) >= 3:
                text = _literal_text(node.args[2])
                if text is not None and _worded(text):
                    flag(node, "Binding", text)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {_name(target) for target in targets if isinstance(target, ast.Attribute)}
            names |= {
                _name(target)
                for target in targets
                if isinstance(target, ast.Name) and _name(target).isupper()
            }
            if names & {"TITLE", "SUB_TITLE", "title", "sub_title", "placeholder"} and node.value is not None:
                text = _literal_text(node.value)
                if text is not None and _worded(text):
                    flag(node, "/".join(sorted(names)), text)
            if names & {"BINDINGS"} and isinstance(node.value, ast.List):
                for element in node.value.elts:
                    if isinstance(element, ast.Tuple) and len(element.elts) >= 3:
                        text = _literal_text(element.elts[2])
                        if text is not None and _worded(text):
                            flag(element, "BINDINGS", text)
    return found


def offenders() -> list[str]:
    """Every worded literal outside the catalogue that a researcher would read, file:line first."""
    found: list[str] = []
    for path in sorted(SDI.rglob("*.py")):
        relative = path.relative_to(SDI).as_posix()
        if relative.startswith("i18n/") or relative in PENDING:
            continue
        found.extend(_offenders_in(path))
    return found


def test_no_user_facing_literal_outside_the_catalogue() -> None:
    found = offenders()
    assert found == [], f"{len(found)} user-facing literals outside sdi.i18n:\n" + "\n".join(found)


def test_pending_names_only_files_that_exist() -> None:
    assert all((SDI / relative).exists() for relative in PENDING), "PENDING names a file that is gone"


def test_the_scan_sees_a_literal() -> None:
    """The scan is not blind: an English refusal, a help text, a notify and a sentence fixed in English are
    caught; a key, CSS ids and classes are not."""
    sample = SDI.parent / "tests" / "_one_language_sample.py"
    sample.write_text(
        "raise WorkflowError(f'no stage {n} here')\n"
        "parser.add_argument('x', help='what to look for')\n"
        "self.notify('Saved')\n"
        "raise WorkflowError(key='error.missing', what='x', ident=1)\n"
        "Static('', id='reader-pane', classes='pane wide')\n"
        "raise ConfigError(path, t('config.exists', 'en'))\n",
        encoding="utf-8",
    )
    try:
        found = _offenders_in(sample, sample.parent)
    finally:
        sample.unlink()
    assert len(found) == 4, found


def _sdi(project: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sdi.cli.main", *argv],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _project(tmp_path: Path, language: str) -> Path:
    root = tmp_path / language
    (root / "corpus").mkdir(parents=True)
    (root / "sdi.toml").write_text(f'[project]\ntitle = "Språk"\nlanguage = "{language}"\n', encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        (
            "nb",
            ["bruk:", "valg:", "vis denne hjelpeteksten og avslutt", "finn ytringer"],
            ["usage:", "options:"],
        ),
        ("en", ["usage:", "options:", "show this help and exit", "find turns"], ["bruk:", "valg:"]),
    ],
)
def test_help_is_in_the_projects_language(
    tmp_path: Path, language: str, expected: list[str], absent: list[str]
) -> None:
    project = _project(tmp_path, language)
    top = _sdi(project, "--help")
    assert top.returncode == 0, top.stderr
    search = _sdi(project, "search", "--help")
    assert search.returncode == 0, search.stderr
    shown = top.stdout + search.stdout
    for text in expected:
        assert text in shown, (text, shown)
    for text in absent:
        assert text not in shown, (text, shown)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            {
                ("search",): "sdi search: feil: følgende argumenter mangler: ORD",
                ("stauts",): "ugyldig valg: 'stauts'",
                ("status", "--bogus"): "ukjente argumenter: --bogus",
                ("search", "vente", "--limit", "mange"): "ikke et heltall: 'mange'",
                ("show", "finnes-ikke"): "sdi: feil: ingen transkripsjon passer til «finnes-ikke»",
            },
        ),
        (
            "en",
            {
                ("search",): "sdi search: error: the following arguments are required: WORDS",
                ("stauts",): "invalid choice: 'stauts'",
                ("status", "--bogus"): "unrecognized arguments: --bogus",
                ("search", "vente", "--limit", "mange"): "not a whole number: 'mange'",
                ("show", "finnes-ikke"): "sdi: error: no transcript matches «finnes-ikke»",
            },
        ),
    ],
)
def test_errors_are_in_the_projects_language(tmp_path: Path, language: str, expected: dict) -> None:
    project = _project(tmp_path, language)
    for argv, text in expected.items():
        run = _sdi(project, *argv)
        assert run.returncode == 2, (argv, run.stdout, run.stderr)
        assert text in run.stderr, (argv, run.stderr)
        assert "Traceback" not in run.stderr


def test_project_option_chooses_the_language(tmp_path: Path) -> None:
    english = _project(tmp_path, "en")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = _sdi(elsewhere, "--project", str(english), "status", "--help")
    assert "usage:" in run.stdout
    run = _sdi(elsewhere, "status", "--help")  # no project: bokmål
    assert "bruk:" in run.stdout


@pytest.mark.parametrize(
    ("language", "refused", "config"),
    [
        ("nb", "YAML-metadata ('---') støttes ikke", "ukjent nøkkel «project.titel»"),
        ("en", "YAML front matter ('---') is not supported", "unknown key 'project.titel'"),
    ],
)
def test_import_and_config_refusals_are_in_the_projects_language(
    tmp_path: Path, language: str, refused: str, config: str
) -> None:
    """A reader's refusal (a Notice in an IngestError) and a broken sdi.toml, as a researcher reads them."""
    project = _project(tmp_path, language)
    (project / "corpus" / "gruppe.md").write_text("---\ntitle: x\n---\nKari: Hei.\n", encoding="utf-8")
    run = _sdi(project, "import")
    assert refused in run.stderr and "Traceback" not in run.stderr, run.stderr
    toml = project / "sdi.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "titel = 'x'\n", encoding="utf-8")
    run = _sdi(project, "status")
    assert run.returncode == 2 and config in run.stderr, run.stderr
