"""The one catalogue of user-facing strings, bokmål (`nb`) and English (`en`), chosen by `project.language`.

Each face keeps its strings in its own module here (`cli`, `tui`, …) so files stay small; they are merged
into one catalogue, and a key may exist only once across them."""

from __future__ import annotations

from functools import cache

LANGUAGES = ("nb", "en")
_PARTS = (
    "cli", "tui", "keys", "workbench", "ingest", "errors", "anonymise", "assist", "safety", "exchange",
    "search", "similarity", "matrix", "nlp", "limits", "reading", "refi_file", "cli_help", "cli_help_a",
    "cli_help_f", "refusals", "ingest_errors", "cli_exchange", "outside",
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


class Notice(str):
    """A message by catalogue key that reads as its English text wherever a plain string is expected (logs,
    tests, older callers), and can be said in the project's language with `in_language` — how rooms that do
    not know the language (ingest, workflow) hand faces a sentence to show."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Notice:
        notice = super().__new__(cls, t(key, "en", **values))
        notice.key, notice.values = key, values
        return notice

    def in_language(self, language: str) -> str:
        """The sentence in `language`; a value that is itself a `Notice` is said in it too."""
        return t(self.key, language, **{name: said(value, language) if isinstance(value, Notice) else value
                                         for name, value in self.values.items()})  # fmt: skip


def said(message: str, language: str) -> str:
    """`message` in `language` when it is a `Notice`, else as it is."""
    return message.in_language(language) if isinstance(message, Notice) else message
