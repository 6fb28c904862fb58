"""Bytes to clean text.

Transcripts arrive from Word on Windows, from transcription services and from Mac editors, so the
encoding is rarely declared and sometimes wrong. This module guesses it conservatively, refuses
things that are clearly not text, and repairs the classic "Ã¸" mojibake so that æøå survive.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import unicodedata
from pathlib import Path

from sdi.i18n import Notice
from sdi.ingest.model import IngestError

# Longest BOM first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.03
# Control characters that occur in real documents (tab, newlines, Word's form feed / vertical tab).
_BENIGN_CONTROLS = frozenset("\t\n\r\f\v")
_NEWLINES = re.compile(r"\r\n?")
_STRAY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file whole, refusing missing files and files above the configured size limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError(path, "file not found") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not path.is_file():
        raise IngestError(path, "not a regular file")
    if size > max_bytes:
        raise IngestError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from None


def decode_bytes(path: Path, data: bytes, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode a transcript file and return `(text, encoding_name)`.

    The text has "\\n" newlines, is NFC-normalised and has no BOM. Warnings about repairs are appended
    to `warnings` when given, so the caller can show them to the user.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    text, encoding = _decode(path, data)
    text, repaired = repair_mojibake(text)
    if repaired and warnings is not None:
        warnings.append(Notice("ingest.repaired_text", count=repaired))
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(path, "binary file, not a transcript")
    text = clean_text(_NEWLINES.sub("\n", text))
    if not text.strip():
        raise IngestError(path, "empty file")
    return text, encoding


def clean_text(text: str) -> str:
    """NFC-normalise and replace stray control characters, so offsets stay stable downstream."""
    text = text.lstrip("\ufeff")
    text = _STRAY.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise IngestError(path, f"not valid {name} despite its byte-order mark") from None
    utf16 = _guess_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise IngestError(path, "binary file, not a transcript")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _guess_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: Latin text has a NUL in every other byte, on the odd (LE) or even (BE) side."""
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if _is_control(ch))
    return bad / len(sample)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and ch not in _BENIGN_CONTROLS


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8-read-as-cp1252 damage, but only when Norwegian letters show the telltale pattern.

    Repair is piecewise (per damaged sequence) so correctly decoded text in the same file survives,
    and repeated so that text damaged twice is also restored. Returns the text and the repair count.
    """
    total = 0
    for _ in range(3):
        if not _norwegian_mojibake().search(text):
            break
        count = 0

        def fix(match: re.Match[str]) -> str:
            nonlocal count
            raw = bytes(_reverse_map()[ch] for ch in match.group())
            try:
                fixed = raw.decode("utf-8")
            except UnicodeDecodeError:
                return match.group()
            count += 1
            return fixed

        text = _mojibake_pattern().sub(fix, text)
        if not count:
            break
        total += count
    return text, total


@functools.cache
def _norwegian_mojibake() -> re.Pattern[str]:
    """æøåÆØÅ damaged once or twice (UTF-8 bytes read as cp1252 or latin-1): the evidence we require."""
    forms: set[str] = set()
    for letter in "æøåÆØÅ":
        for first in (True, False):
            once = _misread(letter.encode("utf-8"), first)
            forms.add(once)
            forms.update(_misread(once.encode("utf-8"), second) for second in (True, False))
    return re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))


def _misread(data: bytes, cp1252: bool) -> str:
    """How `data` looks when decoded byte by byte as cp1252 (latin-1 for its gaps) or as latin-1."""
    chars = []
    for byte in data:
        char = chr(byte)
        if cp1252:
            with contextlib.suppress(UnicodeDecodeError):
                char = bytes([byte]).decode("cp1252")
        chars.append(char)
    return "".join(chars)


@functools.cache
def _reverse_map() -> dict[str, int]:
    """Character → the byte it came from, as cp1252 decoded it (latin-1 for cp1252's five gaps)."""
    mapping: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        with contextlib.suppress(UnicodeDecodeError):
            mapping[bytes([byte]).decode("cp1252")] = byte
        mapping.setdefault(chr(byte), byte)
    return mapping


@functools.cache
def _mojibake_pattern() -> re.Pattern[str]:
    """Lead byte plus the right number of continuation bytes, each seen through cp1252/latin-1 eyes."""

    def chars(lo: int, hi: int) -> str:
        found = {ch for ch, byte in _reverse_map().items() if lo <= byte <= hi}
        return "[" + "".join(re.escape(ch) for ch in sorted(found)) + "]"

    cont = chars(0x80, 0xBF)
    return re.compile(
        f"{chars(0xC2, 0xDF)}{cont}|{chars(0xE0, 0xEF)}{cont}{{2}}|{chars(0xF0, 0xF4)}{cont}{{3}}"
    )
