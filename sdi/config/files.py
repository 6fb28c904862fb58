"""Files sdi writes outside the database — exports, codebook and review files, the key, the lemma cache, the
workbench's preferences — written whole or not at all (`write_atomically`), with one line naming the file
when the disk refuses (`WriteError`); and TOML strings for the TOML files it writes (`toml_string`). Here,
in the config room, because every room may import it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sdi.i18n import Notice

_WRITE_REFUSALS = {errno.ENOSPC: "config.write.full", errno.EDQUOT: "config.write.quota",
                   errno.EFBIG: "config.write.too_large", errno.EROFS: "config.write.read_only_disk",
                   errno.EACCES: "config.write.read_only", errno.EPERM: "config.write.locked"}  # fmt: skip


class WriteError(OSError):
    """A file could not be written (full disk, read-only folder): one line naming it, left as it was."""

    def __init__(self, path: Path, error: OSError) -> None:
        known = _WRITE_REFUSALS.get(error.errno or 0)
        reason = Notice(known) if known else error.strerror or type(error).__name__
        self.message = Notice("config.write.refused", path=path, reason=reason)
        super().__init__(error.errno, str(self.message), str(path))

    def __str__(self) -> str:
        return str(self.message)

    def in_language(self, language: str) -> str:  # the sentence in `language`
        return self.message.in_language(language)


def write_atomically(path: Path, content: bytes | str) -> Path:
    """Replace `path` by `content` whole or not at all: a temporary file beside it (created owner-only),
    flushed to disk, renamed over it. Every file sdi writes outside the database goes through here (exports,
    codebook files, the key, review files, the lemma cache, the workbench's preferences); it lives in the
    config module because every room may import this one. Text is written as UTF-8 with `\n` line ends.
    A full or read-only folder is a WriteError naming the file."""
    import tempfile

    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # 0600
    except OSError as exc:
        raise WriteError(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(path, exc) from None
        raise
    return path


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string; text with line breaks becomes a multi-line string so diffs stay readable."""
    escaped = "".join(
        _ESCAPES.get(ch, ch if ch == "\n" or ord(ch) >= 0x20 else f"\\u{ord(ch):04x}") for ch in value
    )
    if "\n" in value:
        return '"""\n' + escaped + '"""'
    return f'"{escaped}"'
