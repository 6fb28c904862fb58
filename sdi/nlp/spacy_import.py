"""Importing spaCy without its command-line interface: the offline pipeline load must stay under 0.5 s and
150 MB, and `spacy/__init__` imports `spacy.cli` (typer, weasel, requests, the download machinery) only to
re-export `spacy.info`. A stand-in takes its place during the import and is removed right after, so a later
`import spacy.cli` (by anyone) gets the real one; `spacy.info()` imports the real one when called."""

from __future__ import annotations

import sys
import types
from typing import Any

_STANDINS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, skipping its CLI when spaCy is not imported yet; falls back to the plain import."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package = types.ModuleType("spacy.cli")
    module = types.ModuleType("spacy.cli.info")
    setattr(module, "info", _info)  # noqa: B010 (a stand-in module built at run time)
    setattr(package, "info", module)  # noqa: B010
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        import spacy
    except ImportError:  # a spaCy whose start-up needs more of its CLI: import it whole
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name in _STANDINS:
            if sys.modules.get(name) in (package, module):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is package:
        delattr(spacy, "cli")
    return spacy
