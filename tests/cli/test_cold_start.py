"""A command started from the shell imports its own command module only; `sdi --help` still lists them all."""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib import import_module

from sdi.cli import main as cli_main
from sdi.cli.main import COMMAND_MODULES, COMMAND_OF, command_named


def test_every_sub_command_is_found_in_the_module_that_registers_it() -> None:
    registered = {}
    for name in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        import_module(f"sdi.cli.{name}").register(sub)
        registered.update(dict.fromkeys(sub.choices, name))
    assert {command: command_named([command]) for command in registered} == registered
    assert {command: module for command, module in registered.items() if command != module} == COMMAND_OF


def test_the_command_is_read_past_the_global_options() -> None:
    assert command_named(["--project", "x", "--coder", "Kari", "search", "status"]) == "search"
    assert command_named(["-p", "x", "import"]) == "corpus"
    assert command_named(["-px", "--coder=Kari", "reindex", "--all"]) == "nlp"
    assert command_named(["--project=x", "status"]) == "status"
    for argv in ([], ["--help"], ["--version"], ["-p", "x"], ["bogus"], ["--unknown", "status"]):
        assert command_named(argv) is None, argv


def test_a_command_imports_only_its_own_module() -> None:
    script = (
        "import sys\nfrom sdi.cli.main import build_parser\n"
        "build_parser(['--project', '.', 'status', '--help'][:3])\n"
        "print(sorted(m for m in sys.modules if m.startswith('sdi.cli.') and m not in "
        "('sdi.cli.main', 'sdi.cli.common', 'sdi.cli.table', 'sdi.cli.language')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['sdi.cli.status']"


def test_the_full_help_still_lists_every_command() -> None:
    parser = cli_main.build_parser(["--help"])
    listed = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert len(listed) == len(COMMAND_MODULES) + len(COMMAND_OF) - 2  # init/import have own modules
