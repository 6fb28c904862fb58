"""The workbench's own preferences (theme, …) for this project on this machine: `.sdi/workbench.toml`.

Not research data, so not in the store: no audit event, no undo, nothing for a colleague's copy. A damaged
file is ignored (the defaults apply) rather than keeping the workbench from opening."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sdi import safe_toml
from sdi.config.files import toml_string, write_atomically
from sdi.workflow.project import Project

FILE = Path(".sdi") / "workbench.toml"


def _path(project: Project) -> Path:
    return project.root / FILE


def read_preferences(project: Project) -> dict[str, str]:
    try:
        data = safe_toml.loads(_path(project).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def write_preference(project: Project, name: str, value: str) -> None:
    """Keep `name = value`, replacing the file atomically so a crash never leaves half of it."""
    preferences = read_preferences(project) | {name: value}
    text = "".join(f"{key} = {toml_string(preferences[key])}\n" for key in sorted(preferences))
    write_atomically(_path(project), text)
