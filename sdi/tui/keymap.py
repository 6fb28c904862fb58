"""The researcher's keymap: `[keys]` in `sdi.toml` (binding id = "key", or several keys "ctrl+e,f2"), checked
and handed to Textual's keymap support (`App.set_keymap`), which rebinds every binding with that id — on
whichever screen owns it — in the keys, the footer, `?`'s help and the palette.

A broken entry — an id no binding has, or a key Textual cannot name — is a `ConfigError` naming `sdi.toml`
and the entry's line, raised before the workbench draws anything, so the CLI prints it as one line."""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Iterator
from functools import cache

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys

from sdi.config import Config, ConfigError, locate
from sdi.i18n import Notice

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED = frozenset(key.value for key in Keys if "+" not in key.value)


def user_keymap(config: Config) -> dict[str, str]:
    """`[keys]` of the project's `sdi.toml`, checked: binding id → key string for `App.set_keymap`."""
    if not config.keys:
        return {}
    known = binding_ids()
    for ident, given in config.keys.items():
        if ident not in known:
            _refuse(config, ident, Notice("keys.unknown_id", ident=ident, known=", ".join(sorted(known))))
        for part in given.split(","):
            if not is_key(part.strip()):
                _refuse(config, ident, Notice("keys.bad_key", ident=ident, given=given, part=part.strip()))
    return dict(config.keys)


def is_key(key: str) -> bool:
    """Whether Textual can name `key`: modifiers joined by `+` to one key — a letter or digit, a named key
    (`escape`, `f2`, `pageup`) or a character by its name (`question_mark`); a lone character is also one."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, base = key.split("+")
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 and base.isalnum()) or base in _NAMED or base in _character_names()


@cache
def _character_names() -> frozenset[str]:
    """The names Textual gives keys of characters that are not letters or digits (`question_mark`,
    `greater_than_sign`): the Unicode name in lower case with `_` for spaces and hyphens, a few shortened."""
    names = set()
    for code in range(0x21, 0x2E80):
        name = unicodedata.name(chr(code), "")
        if name:
            key = name.lower().replace("-", "_").replace(" ", "_")
            names.add(KEY_NAME_REPLACEMENTS.get(key, key))
    return frozenset(names)


def binding_ids() -> frozenset[str]:
    """The id of every binding the workbench declares (`BINDINGS` of its app, screens, modals and widgets)."""
    import sdi.tui

    for module in pkgutil.walk_packages(sdi.tui.__path__, "sdi.tui."):
        importlib.import_module(f"sdi.tui.{module.name.removeprefix('sdi.tui.')}")  # its own room only
    return frozenset(
        binding.id
        for node in _subclasses(DOMNode)
        if node.__module__.startswith("sdi.tui.")
        for binding in node.BINDINGS
        if isinstance(binding, Binding) and binding.id
    )


def _subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _refuse(config: Config, ident: str, message: str) -> None:
    try:
        line = locate(config.path.read_text(encoding="utf-8-sig"), "keys", ident)
    except OSError:
        line = None
    raise ConfigError(config.path, message, line)

