"""The one catalogue of user-facing strings, bokmål (`nb`) and English (`en`), chosen by `project.language`.

Each face keeps its strings in its own module here (`cli`, `tui`, …) so files stay small; they are merged
into one catalogue, and a key may exist only once across them."""

from __future__ import annotations

from functools import cache

LANGUAGES = ("nb", "en")
_PARTS = (
    "cli", "tui", "errors", "anonymise", "assist", "safety", "exchange", "search", "similarity", "limits",
)  # fmt: skip


@cache
def catalogue() -> dict[str, dict[str, str]]:
    from importlib import import_module

    merged: dict[str, dict[str, str]] = {}
    for part in _PARTS:
        try:
            strings = import_module(f"sdi.i18n.{part}").STRINGS
        except ModuleNotFoundError:
            continue
        clash = merged.keys() & strings.keys()
        if clash:
            raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(strings)
    return merged


def t(key: str, language: str = "nb", **values: object) -> str:
    """The string for `key` in `language` (bokmål when missing), with `{placeholders}` filled in."""
    entry = catalogue()[key]
    text = entry.get(language) or entry["nb"]
    return text.format(**values) if values else text
