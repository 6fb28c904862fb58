"""The working folders `sdi db copy` leaves in `.sdi/` while it runs (each holds a snapshot of the whole
database), and their removal when the copy that made one was killed. Standard library only: every start
cleans up, the lean read paths of cold commands included."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

WORK_PREFIX = "copy-"
_WORK = re.compile(r"^copy-(\d+)-")
LEGACY_AGE = 3600  # seconds: a working folder without a process id, older than this, is a leftover


def work_prefix() -> str:
    """The prefix of a copy's working folder in `.sdi/` (it holds a snapshot of the whole database): with
    the process id, so a later run can tell a leftover from a copy still running."""
    return f"{WORK_PREFIX}{os.getpid()}-"


def remove_leftovers(state_dir: Path) -> list[Path]:
    """Remove the working folders of copies that were killed (their process is gone); returns them."""
    removed: list[Path] = []
    if not state_dir.is_dir():
        return removed
    for folder in state_dir.glob(f"{WORK_PREFIX}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        match = _WORK.match(folder.name)
        if match is not None:
            if _running(int(match.group(1))):
                continue
        elif time.time() - folder.stat().st_mtime < LEGACY_AGE:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
