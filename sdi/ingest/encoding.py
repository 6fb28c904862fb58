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
from sdi.i18n.outside import os_reason
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
        raise IngestError(path, Notice("reading.not_found")) from None
    except OSError as exc:
        raise IngestError(path, Notice("reading.unreadable", reason=os_reason(exc))) from None
    if not path.is_file():
        raise IngestError(path, Notice("reading.not_a_file"))
    if size > max_bytes:
        raise IngestError(path, Notice("reading.too_large", size=size, limit=max_bytes))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, Notice("reading.unreadable", reason=os_reason(exc))) from None


def decode_bytes(path: Path, data: bytes, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode a transcript file and return `(text, encoding_name)`.

    The text has "\\n" newlines, is NFC-normalised and has no BOM. Warnings about repairs are appended
    to `warnings` when given, so the caller can show them to the user.
    """
    if not data.strip():
        raise IngestError(path, Notice("reading.empty"))
    text, encoding = _decode(path, data)
    text, repaired = repair_mojibake(text)
    if repaired and warnings is not None:
        warnings.append(Notice("ingest.repaired_text", count=repaired))
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(path, Notice("reading.binary"))
    text = clean_text(_NEWLINES.sub("\n", text))
    if not text.strip():
        raise IngestError(path, Notice("reading.empty"))
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
                raise IngestError(path, Notice("reading.bad_bom", encoding=name)) from None
    utf16 = _guess_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise IngestError(path, Notice("reading.binary"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in ("cp1252", "latin-1"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        _refuse_foreign_script(path, data, text)
        return text, name
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


# Encodings of other scripts that a file which is neither UTF-8 nor UTF-16 may be in, with the Unicode ranges
# their text falls in: named in the refusal when the file decodes in one of them as that script.
_FOREIGN: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...] = (
    ("euc_kr", "EUC-KR", ((0x3000, 0x303F), (0xAC00, 0xD7AF))),  # Hangul syllables: no Hanja, no jamo
    ("shift_jis", "Shift-JIS", ((0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))),
    ("euc_jp", "EUC-JP", ((0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))),
    ("gb18030", "GB18030", ((0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))),
    ("big5", "Big5", ((0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))),
    ("cp1251", "Windows-1251", ((0x0400, 0x04FF), (0x2010, 0x2030))),
    ("koi8_r", "KOI8-R", ((0x0400, 0x04FF),)),
)
# Characters above ASCII that Norwegian text in Windows-1252 holds: the Latin-1 letters (æøå, é, ü …) and the
# typography Word writes («», “”, ‘’, –, —, …). Others (ƒ ‚ ˆ Š Ž ¤ ¦ …) are what another script's bytes
# become when read as Windows-1252.
_NORWEGIAN_HIGH = frozenset(
    [chr(code) for code in range(0xC0, 0x100) if code not in (0xD7, 0xF7)]
    + list("\xa0«»“”‘’„–—…•€°§½¼¾±·´©®™²³¹")
)
_SINGLE_BYTE = frozenset({"cp1251", "koi8_r"})
_FOREIGN_SHARE = 0.25  # of the visible characters above ASCII: Norwegian has a few per cent (æøå, «», –)
_FOREIGN_LEAST = 20


def _refuse_foreign_script(path: Path, data: bytes, text: str) -> None:
    """A file read through the single-byte fallback that does not look like Norwegian in Windows-1252 — many
    characters only another script's bytes turn into, or mostly letters above ASCII — is text in another
    encoding (Shift-JIS, GB18030, Windows-1251 …): importing it would store mojibake, so it is refused, naming
    the encoding it decodes in when one fits."""
    sample = text[: _SAMPLE * 8]
    visible = sum(1 for ch in sample if not ch.isspace())
    high = [ch for ch in sample if ord(ch) >= 0x80]
    strange = sum(1 for ch in high if ch not in _NORWEGIAN_HIGH)
    foreign = strange >= 3 and strange >= 0.05 * len(high)
    if not foreign and (len(high) < _FOREIGN_LEAST or len(high) < _FOREIGN_SHARE * visible):
        return
    guess = _guess_script(data)
    if guess:
        raise IngestError(path, Notice("reading.unknown_encoding_guess", encoding=guess))
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(path, Notice("reading.binary"))
    raise IngestError(path, Notice("reading.unknown_encoding"))


def _guess_script(data: bytes) -> str | None:
    """The encoding `data` reads as one script in: the multi-byte ones first (they refuse most bytes that are
    not theirs), then the Cyrillic single-byte ones, which read anything — of those the one giving most lower
    case (Windows-1251 and KOI8-R each read the other's letters with the case flipped). Each candidate reads
    the file's opening once; only the name in the refusal depends on it."""
    best: tuple[float, str] | None = None
    for codec, name, ranges in _FOREIGN:
        sample = _opening(data, codec)
        if sample is None:
            continue
        cased = _script_fit(sample, ranges)
        if cased is None:
            continue
        if codec not in _SINGLE_BYTE:
            return name
        if cased >= 0.6 and (best is None or cased > best[0]) and _reads_as_russian(sample):
            best = (cased, name)
    return best[1] if best else None


def _opening(data: bytes, codec: str) -> str | None:
    """The file's first bytes as `codec` reads them (a character cut at the end is left out), or None when
    they are not valid in it: bounded work however large the file."""
    try:
        return codecs.getincrementaldecoder(codec)().decode(data[: _SAMPLE * 16], final=False)
    except UnicodeDecodeError:
        return None


def _reads_as_russian(sample: str) -> bool:
    """Whether the Cyrillic letters of `sample` are mostly Russian's ten commonest (о е а и н т с р в л make
    about 60 % of Russian text): any single-byte text decodes as Cyrillic in Windows-1251 or KOI8-R, but
    Greek or Hebrew read that way has the letters spread evenly."""
    letters = [ch for ch in sample.lower() if "\u0430" <= ch <= "\u044f"]
    return bool(letters) and sum(1 for ch in letters if ch in "оеаинтсрвл") >= 0.45 * len(letters)


def _script_fit(sample: str, ranges: tuple[tuple[int, int], ...]) -> float | None:
    """None when the characters above ASCII of `sample` fall mostly outside the script's ranges; else the
    share of lower case among its cased letters."""
    wide = [ch for ch in sample if ord(ch) >= 0x80]
    inside = sum(1 for ch in wide if any(lo <= ord(ch) <= hi for lo, hi in ranges))
    if not wide or inside < 0.9 * len(wide):
        return None
    cased = [ch for ch in wide if ch.lower() != ch.upper()]
    return sum(1 for ch in cased if ch.islower()) / len(cased) if cased else 0.0


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
