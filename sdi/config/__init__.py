"""`sdi.toml` → one frozen, validated `Config`, passed explicitly to whoever needs it. Beside it in this room:
`url` (the database URL), `key` (the pseudonym key file), `files` (writing files whole or not at all).

Read by every room, imports none of them. A broken file is a `ConfigError` that names the file, the key
and the line, so a researcher can fix it without reading a traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdi import safe_toml
from sdi.config.files import write_atomically
from sdi.config.url import expand_url, written_password
from sdi.i18n import Notice, said
from sdi.i18n.outside import os_reason, toml_reason

CONFIG_NAME = "sdi.toml"
STATE_DIR = ".sdi"
DEFAULT_KEY_FILE = f"{STATE_DIR}/pseudonymnokkel.toml"
DEFAULT_MODEL = "nb_core_news_sm"
INDEX_LEMMAS = ("pipeline", "lookup")
DEFAULT_MODERATORS = ("Moderator", "I", "Intervjuer", "Ordstyrer")
# National services and bodies named in almost every Norwegian welfare study: naming them identifies no one.
DEFAULT_ACRONYMS = (
    "NAV", "Nav", "PPT", "BUP", "DPS", "BUF", "Bufetat", "Bufdir", "SFO", "FAU", "IOP", "KS", "Statped",
    "Udir", "RVTS", "FHI", "Helsedirektoratet", "Barneombudet",
)  # fmt: skip
LANGUAGES = ("nb", "en")


class ConfigError(Exception):
    """A problem in `sdi.toml`, located by file and line where possible."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, language: str) -> str:  # the message said again from its catalogue key
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {said(self.message, language)}"


@dataclass(frozen=True)
class Config:
    """A project: the folder holding `sdi.toml` and what the file says."""

    root: Path
    title: str = "Uten tittel"
    language: str = "nb"
    coder: str = ""
    nlp_model: str = DEFAULT_MODEL
    nlp_index: str = "pipeline"  # [nlp] index: the search index's lemmas from the pipeline, or "lookup"
    database_url: str = ""
    moderator_labels: tuple[str, ...] = DEFAULT_MODERATORS
    speaker_patterns: tuple[str, ...] = ()
    pseudonyms: dict[str, str] = field(default_factory=dict)  # sdi.toml's list and the key file, merged
    key_file: str = DEFAULT_KEY_FILE
    # [privacy] names, places, institutions: real names `sdi anonymise` looks for (fuzzily), by kind
    privacy_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: tuple[str, ...] = DEFAULT_ACRONYMS  # [privacy] acronyms: never proposed by `sdi anonymise`
    # [analysis] the words of the model being evaluated: a code made only of them is suspect
    model_terms: tuple[str, ...] = ()
    guide: str = ""  # the interview guide (text/Markdown), relative to the project folder
    keys: dict[str, str] = field(default_factory=dict)  # [keys] the workbench's keymap: binding id → key(s)

    @property
    def key_path(self) -> Path:
        """The pseudonym key: real names → pseudonyms, kept apart from the database and out of git."""
        return self.root / Path(self.key_file).expanduser()

    @property
    def known_names(self) -> dict[str, str]:
        """Every real name the project knows → what replaces it: the key and `[pseudonyms]` → pseudonyms, the
        `[privacy]` lists → «[navn]», «[sted]», «[institusjon]». Every written file is checked against it."""
        names: dict[str, str] = {}
        for kind, listed in self.privacy_lists.items():
            for name in listed:
                names.setdefault(name, _LIST_PLACEHOLDERS.get(kind, "[navn]"))
        names.update(self.pseudonyms)
        return names

    @property
    def path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def state_dir(self) -> Path:
        """Git-ignored folder for the embedded database and its backups."""
        return self.root / STATE_DIR

    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def codebooks_dir(self) -> Path:
        return self.root / "codebooks"

    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL; relative SQLite paths are taken from the project folder, and `${NAME}` is
        filled in from the environment (so a team server's password never sits in `sdi.toml`)."""
        url = expand_url(self.database_url, self.root, self._unset)
        return url or f"sqlite:///{self.state_dir / 'sdi.sqlite'}"

    def database_url_error(self, message: str) -> ConfigError:
        """`message` about `database.url`, naming its line of `sdi.toml`."""
        text = self.path.read_text(encoding="utf-8-sig") if self.path.exists() else ""
        return ConfigError(self.path, message, locate(text, "database", "url"))

    def _unset(self, name: str) -> ConfigError:
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        return ConfigError(self.path, Notice("config.env_unset", name=name), locate(text, "database", "url"))


_LIST_PLACEHOLDERS = {"names": "[navn]", "places": "[sted]", "institutions": "[institusjon]"}

# table -> key -> (expected type(s), what the error message calls it: a catalogue key)
_TEXT, _TEXTS, _PATH = "config.kind.string", "config.kind.strings", "config.kind.path"
_SCHEMA: dict[str, dict[str, tuple[type | tuple[type, ...], str]]] = {
    "project": {"title": (str, _TEXT), "language": (str, _TEXT), "coder": (str, _TEXT)},
    "nlp": {"model": (str, _TEXT), "index": (str, _TEXT)},
    "database": {"url": (str, _TEXT)},
    "speakers": {"moderator": (list, _TEXTS), "patterns": (list, _TEXTS)},
    "privacy": {"key_file": (str, _PATH), "names": (list, _TEXTS), "places": (list, _TEXTS),
                "institutions": (list, _TEXTS), "acronyms": (list, _TEXTS)},
    "analysis": {"model_terms": (list, _TEXTS), "guide": (str, _PATH)},
}
_FREE_TABLES = {"pseudonyms", "keys"}


def user_config_dir() -> Path:
    """sdi's folder in the user's configuration (`$XDG_CONFIG_HOME/sdi`, else `~/.config/sdi`)."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "sdi"


def in_private_folder(root: Path, path: Path | str) -> bool:
    """Files holding real names (the key, `sdi anonymise`'s review file) may live only in the project's
    `.sdi/` (git-ignored) or in sdi's user configuration folder: nowhere they could be committed, synced with
    the corpus or read by others by accident."""
    path = (root / Path(path).expanduser()).resolve()
    homes = ((root / STATE_DIR).resolve(), user_config_dir().resolve())
    return any(path != home and path.is_relative_to(home) for home in homes)


def find_project(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `sdi.toml`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(start / CONFIG_NAME, Notice("config.not_found"))


def load_config(root: Path) -> Config:
    """Read and validate `root/sdi.toml`."""
    root = root.resolve()
    path = root / CONFIG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, Notice("config.missing")) from None
    except OSError as exc:
        raise ConfigError(path, Notice("config.unreadable", reason=os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(path, Notice("config.not_utf8"), line) from None
    try:
        data = safe_toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, at = safe_toml.problem(exc)
        raise ConfigError(path, Notice("config.invalid_toml", reason=toml_reason(message)), at) from None
    return _validate(root, path, text, data)


def _validate(root: Path, path: Path, text: str, data: dict[str, Any]) -> Config:
    def fail(table: str | None, key: str | None, message: str, /, **values: object) -> ConfigError:
        return ConfigError(path, Notice(message, **values), locate(text, table, key))  # a catalogue key

    for table, value in data.items():
        if table not in _SCHEMA and table not in _FREE_TABLES:
            known = ", ".join(f"[{name}]" for name in [*_SCHEMA, *sorted(_FREE_TABLES)])
            raise fail(None, table, "config.unknown_table", table=table, known=known)
        if not isinstance(value, dict):
            raise fail(None, table, "config.not_table", table=table)
    values: dict[str, Any] = {}
    for table, keys in _SCHEMA.items():
        for key, value in data.get(table, {}).items():
            setting = f"{table}.{key}"
            if key not in keys:
                raise fail(table, key, "config.unknown_key", setting=setting, known=", ".join(keys))
            expected, kind = keys[key][0], Notice(keys[key][1])
            if not isinstance(value, expected):
                found = type(value).__name__
                raise fail(table, key, "config.wrong_type", setting=setting, kind=kind, found=found)
            if isinstance(value, list) and not all(isinstance(item, str) for item in value):
                raise fail(table, key, "config.wrong_items", setting=setting, kind=kind)
            values[setting] = value
    language = values.get("project.language", "nb")
    if language not in LANGUAGES:
        raise fail("project", "language", "config.language", choices=", ".join(LANGUAGES))
    patterns = tuple(values.get("speakers.patterns", ()))
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            bad = {"pattern": repr(pattern), "reason": str(exc)}
            raise fail("speakers", "patterns", "config.bad_pattern", **bad) from None
        if "label" not in compiled.groupindex:
            raise fail("speakers", "patterns", "config.pattern_label", pattern=repr(pattern))
    pseudonyms: dict[str, str] = {}
    for name, replacement in data.get("pseudonyms", {}).items():
        if not isinstance(replacement, str) or not replacement.strip() or not name.strip():
            raise fail("pseudonyms", name, "config.pseudonym_empty", name=name)
        pseudonyms[name] = replacement
    key_file = values.get("privacy.key_file", DEFAULT_KEY_FILE)
    if not in_private_folder(root, key_file):
        raise fail("privacy", "key_file", "config.key_file", state=STATE_DIR, folder=str(user_config_dir()))
    from sdi.config.key import read_key  # the key module reads Config and ConfigError from here

    pseudonyms.update(read_key(root / Path(key_file).expanduser()))
    keymap: dict[str, str] = {}
    for ident, key in data.get("keys", {}).items():
        if not isinstance(key, str) or not key.strip():
            raise fail("keys", ident, "config.keys_text", ident=ident)
        keymap[ident] = key.strip()
    where = written_password(values.get("database.url", ""))
    if where is not None:
        raise fail("database", "url", "config.password", where=where)
    index = values.get("nlp.index", "pipeline")
    if index not in INDEX_LEMMAS:
        raise fail("nlp", "index", "config.index", choices=", ".join(map(repr, INDEX_LEMMAS)))
    moderators = values.get("speakers.moderator")
    terms = tuple(" ".join(term.split()) for term in values.get("analysis.model_terms", ()))
    if not all(terms):
        raise fail("analysis", "model_terms", "config.model_terms")
    return Config(
        root=root,
        title=values.get("project.title", Config.title),
        language=language,
        coder=values.get("project.coder", ""),
        nlp_model=values.get("nlp.model", DEFAULT_MODEL),
        nlp_index=index,
        database_url=values.get("database.url", ""),
        moderator_labels=tuple(moderators) if moderators is not None else DEFAULT_MODERATORS,
        speaker_patterns=patterns,
        pseudonyms=pseudonyms,
        key_file=key_file,
        privacy_lists={
            kind: tuple(name.strip() for name in values[f"privacy.{kind}"] if name.strip())
            for kind in ("names", "places", "institutions")
            if f"privacy.{kind}" in values
        },
        acronyms=tuple(w.strip() for w in values.get("privacy.acronyms", DEFAULT_ACRONYMS) if w.strip()),
        model_terms=terms,
        guide=values.get("analysis.guide", "").strip(),
        keys=keymap,
    )


_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def locate(text: str, table: str | None, key: str | None) -> int | None:
    """The line of `key` inside `[table]` (or of the table header), found by scanning the file."""
    current: str | None = None
    header_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = header.group(1).strip('"')
            if table is None and key is not None and current.split(".")[0] == key:
                return number
            if current == table:
                header_line = number
            continue
        if key is None or current != table:
            continue
        stripped = line.lstrip()
        for quoted in (key, f'"{key}"', f"'{key}'"):
            if stripped.startswith(quoted) and stripped[len(quoted) :].lstrip().startswith("="):
                return number
    return header_line


def write_default(root: Path, title: str) -> Path:
    """Create a fresh `sdi.toml` (never overwrites)."""
    path = root / CONFIG_NAME
    if path.exists():
        raise ConfigError(path, Notice("config.exists"))
    safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
    template = (Path(__file__).parent / "default_project.toml").read_text(encoding="utf-8")  # beside this
    listed = "[" + ", ".join(f'"{word}"' for word in DEFAULT_ACRONYMS) + "]"
    write_atomically(path, template.format(title=safe_title, model=DEFAULT_MODEL, acronyms=listed))
    return path
