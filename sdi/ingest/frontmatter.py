"""TOML metadata: `+++` front matter at the top of a transcript, or a `X.toml` sidecar beside it.

Metadata errors are the ones users make by hand, so every error names the file and the line in the
file (not in the TOML block), which is what an editor shows.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sdi import safe_toml
from sdi.i18n import Notice
from sdi.i18n.outside import toml_reason
from sdi.ingest import limits
from sdi.ingest.encoding import decode_bytes, read_bytes
from sdi.ingest.model import IngestError, ParticipantInfo, TranscriptMeta

FENCE = "+++"
_STRING_KEYS = ("title", "group", "site", "category", "summary")
_TOP_KEYS = frozenset((*_STRING_KEYS, "stage", "date", "participants"))
_PARTICIPANT_KEYS = frozenset(("label", "pseudonym", "role", "service", "moderator", "attributes"))
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END = re.compile(r"\s*\(at end of document\)")
_TABLE_HEADER = re.compile(r"^\s*\[")
_PARTICIPANTS_HEADER = re.compile(r"^\s*\[\[\s*participants\s*\]\]")
_BARE_UNICODE_KEY = re.compile(r"(?P<pre>(?:^|[{,.\[\n])[ \t]*)(?P<key>[\w-]+)(?=[ \t]*[=.\]])")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Word's autocorrect turns straight quotes into typographic ones, which TOML does not accept.
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})

Where = int | None | Callable[[], int | None]
"""A line of the block (0-based), or how to find it when a message needs it."""
MetaValues = dict[str, Any]
"""Validated metadata keys present in one source (front matter or sidecar); merged key by key."""


def split_front_matter(
    path: Path, lines: Sequence[str], *, smart_quotes: bool = False
) -> tuple[MetaValues, int]:
    """Parse front matter at the top of `lines` (line i+1 of the file is `lines[i]`).

    Returns the validated values and the index of the first body line. Leading blank lines are
    allowed; a `---` opening is refused with a hint, since YAML front matter is a common habit.
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return {}, 0
    opening = lines[first].strip()
    if opening == "---":
        raise IngestError(
            path,
            Notice("ingest.fm.yaml"),
            first + 1,
        )
    if opening != FENCE:
        return {}, 0
    close = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == FENCE), None)
    if close is None:
        raise IngestError(path, Notice("ingest.fm.unterminated"), first + 1)
    block = list(lines[first + 1 : close])
    size = sum(len(line) + 1 for line in block)
    if size > limits.MAX_METADATA_BYTES:
        what = Notice("ingest.fm.front_matter")
        raise limits.refusal(path, "metadata_size", first + 1, what=what, size=size,
                             limit=limits.MAX_METADATA_BYTES)  # fmt: skip
    if smart_quotes:
        block = [line.translate(_SMART_QUOTES) for line in block]
    values = parse_metadata(path, block, first_line=first + 2, what=Notice("ingest.fm.front_matter"))
    return values, close + 1


def read_sidecar(transcript: Path, max_bytes: int) -> MetaValues:
    """Metadata from `X.toml` beside `X.ext`, the way to describe files that cannot carry front matter."""
    sidecar = transcript.with_suffix(".toml")
    if sidecar == transcript or not sidecar.is_file():
        return {}
    data = read_bytes(sidecar, min(max_bytes, limits.MAX_METADATA_BYTES))
    if not data.strip():
        return {}
    text, _ = decode_bytes(sidecar, data)
    return parse_metadata(sidecar, text.split("\n"), first_line=1, what=Notice("ingest.fm.sidecar"))


def parse_metadata(path: Path, block: Sequence[str], *, first_line: int, what: str) -> MetaValues:
    """Parse and validate a TOML block whose first line is line `first_line` of `path`."""
    try:
        raw = safe_toml.loads(quote_unicode_keys("\n".join(block)))
    except tomllib.TOMLDecodeError as exc:
        message, line = _toml_error(str(exc), first_line, len(block))
        raise IngestError(path, Notice("ingest.fm.invalid_toml", what=what, reason=message), line) from None
    return _Validator(path, block, first_line, what).top(raw)


def quote_unicode_keys(text: str) -> str:
    """Quote bare keys such as `kjønn`: TOML 1.1 allows them, but Python's TOML 1.0 parser does not.

    Only code outside strings and comments is touched, and no newline is added, so line numbers in
    parser errors stay right.
    """
    if text.isascii():
        return text
    out: list[str] = []
    start = i = 0
    while i < len(text):
        if text[i] in "\"'#":
            out.append(_BARE_UNICODE_KEY.sub(_quote_key, text[start:i]))
            end = _skip_literal(text, i)
            out.append(text[i:end])
            start = i = end
        else:
            i += 1
    out.append(_BARE_UNICODE_KEY.sub(_quote_key, text[start:]))
    return "".join(out)


def _quote_key(match: re.Match[str]) -> str:
    key = match.group("key")
    return match.group() if key.isascii() else f'{match.group("pre")}"{key}"'


def _skip_literal(text: str, i: int) -> int:
    """End index of the string or comment starting at `text[i]`."""
    quote = text[i]
    if quote == "#":
        newline = text.find("\n", i)
        return len(text) if newline < 0 else newline
    delim = quote * 3 if text.startswith(quote * 3, i) else quote
    k = i + len(delim)
    while k < len(text):
        if quote == '"' and text[k] == "\\":
            k += 2
            continue
        if len(delim) == 1 and text[k] == "\n":
            return k
        if text.startswith(delim, k):
            end = k + len(delim)
            while len(delim) == 3 and end < len(text) and text[end] == quote and end - k < 5:
                end += 1
            return end
        k += 1
    return len(text)


def merge_meta(front: Mapping[str, Any], sidecar: Mapping[str, Any]) -> MetaValues:
    """Front matter wins over the sidecar, key by key (participants count as one key)."""
    return {**sidecar, **front}


def meta_from_values(values: Mapping[str, Any]) -> TranscriptMeta:
    return TranscriptMeta(
        group=values.get("group"),
        site=values.get("site"),
        category=values.get("category"),
        stage=values.get("stage"),
        date=values.get("date"),
        title=values.get("title"),
        summary=values.get("summary"),
        participants=tuple(values.get("participants", ())),
    )


def _toml_error(message: str, first_line: int, block_len: int) -> tuple[str, int]:
    """The parser's reason with its position said as the file's line (and the column, in the language)."""
    position = _TOML_POSITION.search(message)
    if position:
        line = int(position.group(1)) + first_line - 1
        reason = _TOML_POSITION.sub("", message)
        return Notice("ingest.fm.toml_column", reason=toml_reason(reason), column=position.group(2)), line
    if _TOML_END.search(message):
        reason = _TOML_END.sub("", message)
        return Notice("ingest.fm.toml_end", reason=toml_reason(reason)), first_line + max(block_len - 1, 0)
    return toml_reason(message), first_line


class _Validator:
    """Checks types and keys, locating each offending key's line by scanning the block text."""

    def __init__(self, path: Path, block: Sequence[str], first_line: int, what: str) -> None:
        self.path = path
        self.block = block
        self.first_line = first_line
        self.what = what

    def fail(self, message: str, index: Where) -> IngestError:
        return IngestError(
            self.path, Notice("ingest.fm.in", what=self.what, message=message), self._line(index)
        )

    def _line(self, index: Where) -> int:
        """The file's line of block line `index`; found only now when given as a search (`at`)."""
        found = index() if callable(index) else index
        return self.first_line + (found if found is not None else 0)

    def top(self, raw: Mapping[str, Any]) -> MetaValues:
        values: MetaValues = {}
        for key, value in raw.items():
            where = self._key_index(key, 0, self._first_table())
            if key not in _TOP_KEYS:
                allowed = ", ".join(sorted(_TOP_KEYS))
                raise self.fail(Notice("ingest.fm.unknown_key", field=key, allowed=allowed), where)
            if key in _STRING_KEYS:
                text = self._string(key, value, where).strip()
                if len(text) > limits.META_LENGTHS.get(key, len(text)):
                    raise limits.too_long(self.path, Notice("ingest.fm.key", what=self.what, field=key), text,
                                          limits.META_LENGTHS[key],
                                          self._line(where))  # fmt: skip
                if text:
                    values[key] = text
            elif key == "stage":
                if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= limits.MAX_STAGE:
                    raise limits.refusal(self.path, "stage", self._line(where), what=self.what,
                                         limit=limits.MAX_STAGE, value=_shown(value))  # fmt: skip
                values[key] = value
            elif key == "date":
                values[key] = self._date(value, where)
            else:
                values[key] = self._participants(value, where)
        return values

    def _string(self, key: str, value: Any, where: Where) -> str:
        if not isinstance(value, str):
            raise self.fail(Notice("ingest.fm.string", field=key, kind=_type_name(value)), where)
        return value

    def _date(self, value: Any, where: Where) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(Notice("ingest.fm.date", value=repr(value)), where)

    def _participants(self, value: Any, where: int | None) -> list[ParticipantInfo]:
        if not isinstance(value, list):
            raise self.fail(Notice("ingest.fm.participants"), where)
        headers = [i for i, line in enumerate(self.block) if _PARTICIPANTS_HEADER.match(line)]
        if len(value) > limits.MAX_PARTICIPANTS:
            raise limits.refusal(self.path, "participants", self._line(headers[0] if headers else where),
                                 what=self.what, count=len(value), limit=limits.MAX_PARTICIPANTS)  # fmt: skip
        people: list[ParticipantInfo] = []
        seen: set[str] = set()
        for n, entry in enumerate(value):
            start = headers[n] if n < len(headers) else where
            person = self._participant(n + 1, entry, start)
            if person.label in seen:
                raise self.fail(Notice("ingest.fm.label_twice", label=person.label), start)
            seen.add(person.label)
            people.append(person)
        return people

    def _participant(self, number: int, entry: Any, start: int | None) -> ParticipantInfo:
        if not isinstance(entry, dict):
            raise self.fail(Notice("ingest.fm.participant_table", number=number), start)
        end = self._next_table(start)

        def at(key: str) -> Where:  # searched only when a message needs the line
            return lambda: self._key_index(key, start, end) if start is not None else None

        for key in entry:
            if key not in _PARTICIPANT_KEYS:
                allowed = ", ".join(sorted(_PARTICIPANT_KEYS))
                raise self.fail(
                    Notice("ingest.fm.participant_key", number=number, field=key, allowed=allowed), at(key)
                )
        if "label" not in entry:
            raise self.fail(Notice("ingest.fm.no_label", number=number), start)
        label = " ".join(self._string("label", entry["label"], at("label")).split())
        if not label:
            raise self.fail(Notice("ingest.fm.empty_label", number=number), at("label"))
        pseudonym = " ".join(
            self._string("pseudonym", entry.get("pseudonym", label), at("pseudonym")).split()
        )
        moderator = entry.get("moderator", False)
        if not isinstance(moderator, bool):
            raise self.fail(Notice("ingest.fm.moderator", number=number), at("moderator"))
        attributes = entry.get("attributes", {})
        if not isinstance(attributes, dict):
            raise self.fail(Notice("ingest.fm.attributes", number=number), at("attributes"))
        for key, item in attributes.items():
            if isinstance(item, dict | list):
                raise self.fail(Notice("ingest.fm.attribute", number=number, field=key), at("attributes"))
        person = ParticipantInfo(
            label=label,
            pseudonym=pseudonym or label,
            role=self._string("role", entry.get("role", ""), at("role")).strip(),
            service=self._string("service", entry.get("service", ""), at("service")).strip(),
            attributes={str(k): _scalar(v) for k, v in attributes.items()},
            is_moderator=moderator,
        )
        for key in ("label", "pseudonym", "role", "service"):
            value = getattr(person, key)
            if len(value) > limits.MAX_NAME:
                named = Notice("ingest.fm.participant_value", what=self.what, number=number, field=key)
                raise limits.too_long(self.path, named, value, limits.MAX_NAME, self._line(at(key)))
        return person

    def _first_table(self) -> int:
        return next((i for i, line in enumerate(self.block) if _TABLE_HEADER.match(line)), len(self.block))

    def _next_table(self, start: int | None) -> int:
        if start is None:
            return len(self.block)
        following = (i for i in range(start + 1, len(self.block)) if _TABLE_HEADER.match(self.block[i]))
        return next(following, len(self.block))

    def _key_index(self, key: str, start: int, end: int) -> int | None:
        pattern = _key_line(key)
        found = next((i for i in range(start, end) if pattern.match(self.block[i])), None)
        if found is None:  # inline tables or dotted keys: any mention is better than nothing
            found = next((i for i in range(len(self.block)) if pattern.match(self.block[i])), None)
        return found if found is not None else start if start < len(self.block) else None


def _key_line(key: str) -> re.Pattern[str]:
    name = re.escape(key)
    return re.compile(rf"""^\s*(?:{name}|"{name}"|'{name}')\s*[=.]""")


def _shown(value: Any) -> str:
    """A value as written in a message, cut short (a number of a thousand digits is not read out)."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"{str(value)[:12]}…"
    return text if len(text) <= 40 else f"{text[:39]}…"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _type_name(value: Any) -> str:
    names: dict[type, str] = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
