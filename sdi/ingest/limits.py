"""How much one input may ask of sdi, so every reader does bounded work and a refusal is one clear line.

The lengths are the store's column widths (`sdi.storage.models`; a test keeps the two in step), checked
here so that a too-long group name or speaker label is refused naming the file and line, the same on SQLite
(which would take it) and PostgreSQL (which would fail mid-import). Messages come from the catalogue
(`sdi.i18n.limits`) as `Notice`s: English where a plain string is read, the project's language in the
faces."""

from __future__ import annotations

from pathlib import Path

from sdi.i18n import Notice
from sdi.ingest.model import IngestError

MAX_PARTICIPANTS = 1_000  # declared in one transcript's metadata; a focus group has a dozen
MAX_METADATA_BYTES = 1024 * 1024  # front matter or a sidecar file
MAX_STAGE = 1_000
MAX_NAME = 200  # a speaker's label or pseudonym, a role, a service
META_LENGTHS = {"title": 500, "group": 200, "site": 200, "category": 200}
MAX_STATEMENT = 1_000  # a code's statement
MAX_GROUP_NAME = 300  # a code group's or a concept's name
PATTERN_SECONDS = 0.25  # one speaker pattern from sdi.toml on one line


def refusal(path: Path | str, key: str, line: int | None = None, **values: object) -> IngestError:
    """An IngestError with the catalogue's sentence `limits.<key>`."""
    return IngestError(path, Notice(f"limits.{key}", **values), line)


def too_long(path: Path | str, what: str, value: str, limit: int, line: int | None = None) -> IngestError:
    """`what` (a `Notice` naming it, said in the project's language) is longer than the store keeps."""
    return refusal(path, "too_long", line, what=what, length=len(value), limit=limit)
