"""The pseudonym key: the owner-only file of real names → pseudonyms (`privacy.key_file`, in `.sdi/` or sdi's
user configuration folder), read into `Config.pseudonyms` and added to by `sdi pseudonym add` and
`sdi anonymise`. A key other users can read is refused."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

from sdi import safe_toml
from sdi.config import Config, ConfigError, locate
from sdi.config.files import toml_string, write_atomically
from sdi.i18n import Notice


def read_key(path: Path) -> dict[str, str]:
    """The pseudonym key file (`"Real Name" = "[pseudonym]"` lines); missing means empty. A key that other
    users can read is refused: it is the one file that undoes the pseudonymisation."""
    if not path.exists():
        return {}
    if path.stat().st_mode & 0o077:
        raise ConfigError(path, Notice("config.key_readable"))
    text = path.read_text(encoding="utf-8")
    try:
        data = safe_toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _, line = safe_toml.problem(exc)
        raise ConfigError(path, Notice("config.key_toml"), line) from None
    for name, replacement in data.items():
        if not isinstance(replacement, str) or not replacement.strip():
            raise ConfigError(path, Notice("config.key_empty", name=name), locate(text, None, name))
    return dict(data)


def add_to_key(config: Config, name: str, replacement: str) -> Path:
    """Add (or change) one name in the pseudonym key, creating it owner-only; written atomically."""
    return add_many_to_key(config, {name: replacement})


def add_many_to_key(config: Config, entries: Mapping[str, str]) -> Path:
    """Add (or change) several names in one atomic write of the key (owner-only), so a failure leaves the
    key as it was rather than half-updated."""
    path = config.key_path
    cleaned = {" ".join(name.split()): replacement.strip() for name, replacement in entries.items()}
    if not cleaned or not all(name and replacement for name, replacement in cleaned.items()):
        raise ConfigError(path, Notice("config.key_pair"))
    return write_key(path, {**read_key(path), **cleaned})


def write_key(path: Path, entries: Mapping[str, str]) -> Path:
    """Replace the key file by `entries`: a temporary owner-only file renamed over it."""
    lines = ["# sdi pseudonym key: real names → pseudonyms. Never share, never commit."]
    names = sorted(entries, key=str.casefold)
    lines += [f"{toml_string(name)} = {toml_string(entries[name])}" for name in names]
    return write_atomically(path, "".join(f"{line}\n" for line in lines))
