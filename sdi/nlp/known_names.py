"""The one matcher for names the researcher already knows — the pseudonym key, `[pseudonyms]` and the
`[privacy]` lists — wherever text is checked or pseudonymised: at import (`sdi.ingest.pseudonymise`), by
`sdi anonymise` (`sdi.nlp.names`), in the export checks (`sdi.workflow.name_check`), on every file sdi
writes, on transcript file names and in `sdi keywords`.

A known name matches however it is written: in any case (Unicode case folding, so «KARI NORDMANN», «kari
nordmann» and «ÅSE» ~ «åse»), with soft hyphens and zero-width characters inside it ignored («Ka\u00adri»),
composed or decomposed («å» or «a» + ring), its words separated by any whitespace including a line break,
and in the genitive («Karis», «Kari's», «KARIS»). File names and paths are matched with `loose=True`, where
the words of a name may also be joined by `-`, `_` or `.` («intervju-kari-nordmann.md»).

Standard library only, plus the cached lemma table (no spaCy) for one exception, see `KnownNames`. The
discovery of unknown names (entities, capitalised words, misspellings) stays in `sdi.nlp.names`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

# Invisible characters that may sit inside a word without changing it: soft hyphen, zero-width space,
# zero-width non-joiner and joiner, word joiner, zero-width no-break space (BOM), Mongolian vowel separator.
IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
_SPECIAL = re.compile(
    "[\u00ad\u200b-\u200d\u2060\ufeff\u180e\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]"
)
_GAP, _LOOSE_GAP = r"\s+", r"[\s_.\-]+"
_SPLIT, _LOOSE_SPLIT = re.compile(r"\s+"), re.compile(r"[\s_.\-]+")
_GENITIVE = r"(?P<gen>s|['’]s)?"


def fold(text: str) -> str:
    """`text` as the matcher compares it: ignorable characters dropped, composed, case-folded."""
    return _fold(text)[0]


def _fold(text: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """The folded text and, unless it is character for character the same length, where each folded
    character came from: (start, end) of its source cluster (a base character with its combining marks)."""
    if not _SPECIAL.search(text):
        folded = text.casefold()
        if len(folded) == len(text):
            return folded, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index, size = 0, len(text)
    while index < size:
        if text[index] in IGNORABLE:
            index += 1
            continue
        after = index + 1
        while after < size and (text[after] in IGNORABLE or unicodedata.combining(text[after])):
            after += 1
        cluster = "".join(ch for ch in text[index:after] if ch not in IGNORABLE)
        for ch in unicodedata.normalize("NFC", cluster).casefold():
            out.append(ch)
            starts.append(index)
            ends.append(after)
        index = after
    return "".join(out), (starts, ends)


@dataclass(frozen=True)
class KnownMatch:
    """One occurrence of a known name in a text. `start:end` is the name as written (soft hyphens and all),
    `end:suffix_end` its genitive ending as written ("" when none)."""

    start: int
    end: int
    suffix_end: int
    name: str  # the known name it matched, as listed

    def suffix(self, text: str) -> str:
        return text[self.end : self.suffix_end]


def common_lowercase_word(word: str) -> bool:
    """Is the folded `word` an ordinary lowercase Norwegian word (the lemma table's)? «per», «dag», «liv»,
    «vik», «berg» are; «kari», «åse», «gunn» are not."""
    from sdi.nlp.lemma_table import lemma_table

    lemma = lemma_table().get(word)
    return lemma is not None and lemma[:1].islower()


class KnownNames:
    """A compiled matcher for a set of known names (see the module docstring).

    One exception to «any case»: a one-word name that is also an ordinary lowercase word («Per», «Dag»,
    «Liv», «Vik») is not matched where it is written all in lowercase — «to ganger per uke» keeps its «per».
    Capitalised and upper-case forms are always matched, and names of several words in any case. `common`
    decides what an ordinary word is (None: every one-word name matches in lowercase too)."""

    def __init__(
        self,
        names: Iterable[str],
        *,
        loose: bool = False,
        common: Callable[[str], bool] | None = common_lowercase_word,
    ) -> None:
        self.loose = loose
        split = _LOOSE_SPLIT if loose else _SPLIT
        self._by_key: dict[str, list[str]] = {}
        for name in names:
            words = [w for w in split.split(fold(name)) if w]
            if words:
                self._by_key.setdefault(" ".join(words), []).append(name)
        self._capitalised_only = {k for k in self._by_key if " " not in k and common and common(k)}
        self._pattern: re.Pattern[str] | None = None
        if self._by_key:
            gap = _LOOSE_GAP if loose else _GAP
            keys = sorted(self._by_key, key=lambda k: (-len(k), k))
            alternation = "|".join(gap.join(re.escape(w) for w in key.split(" ")) for key in keys)
            before, after = (r"(?<![^\W_])", r"(?![^\W_])") if loose else (r"(?<!\w)", r"(?!\w)")
            self._pattern = re.compile(rf"{before}(?P<name>{alternation}){_GENITIVE}{after}")

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> list[KnownMatch]:
        """Every occurrence in `text`, in order, longest name first where names overlap."""
        if self._pattern is None or not text:
            return []
        folded, origin = _fold(text)
        split = _LOOSE_SPLIT if self.loose else _SPLIT
        found = []
        for match in self._pattern.finditer(folded):
            key = " ".join(w for w in split.split(match.group("name")) if w)
            start, end, suffix_end = match.start(), match.end("name"), match.end()
            if origin is not None:
                starts, ends = origin
                start, end = starts[start], ends[end - 1]
                suffix_end = ends[suffix_end - 1] if suffix_end > match.end("name") else end
            if key in self._capitalised_only and text[start:end].islower():
                continue  # «per uke», «en dag»: the ordinary word, not the name
            found.append(KnownMatch(start, end, suffix_end, self._listed(key, text[start:end])))
        return found

    def _listed(self, key: str, written: str) -> str:
        """The listed name for a match: the one written exactly so when several fold alike."""
        listed = self._by_key[key]
        return written if written in listed else listed[0]

    def names_in(self, text: str) -> list[str]:
        """The listed names found in `text`, one entry per occurrence."""
        return [match.name for match in self.find(text)]

    def replace(self, text: str, replacement: Mapping[str, str]) -> str:
        """`text` with each occurrence replaced by `replacement[name]`, genitive endings kept as written."""
        parts, cursor = [], 0
        for match in self.find(text):
            parts += [text[cursor : match.start], replacement[match.name], match.suffix(text)]
            cursor = match.suffix_end
        parts.append(text[cursor:])
        return "".join(parts)


def words_of(names: Iterable[str]) -> frozenset[str]:
    """Every word of the names, folded («Kari Nordmann» → kari, nordmann): what `sdi keywords` never
    offers."""
    return frozenset(word for name in names for word in _LOOSE_SPLIT.split(fold(name)) if word)


def pseudonymise_path(path: str, matcher: KnownNames, replacement: Mapping[str, str] | None = None) -> str:
    """A file path with known names in it replaced (each part of the path on its own, loose matching):
    «corpus/intervju-kari-nordmann.md» → «corpus/intervju-person-a.md». `matcher` must be loose; without
    `replacement` a name becomes «navn»."""
    parts = []
    for part in path.split("/"):
        stem, dot, suffix = part.rpartition(".") if "." in part.lstrip(".") else (part, "", "")
        edited = []
        cursor = 0
        for match in matcher.find(stem):
            pseudonym = (replacement or {}).get(match.name, "navn")
            edited += [stem[cursor : match.start], file_name_part(pseudonym)]
            cursor = match.suffix_end
        edited.append(stem[cursor:])
        parts.append("".join(edited) + dot + suffix)
    return "/".join(parts)


def file_name_part(text: str) -> str:
    """A pseudonym as a part of a file name: «[Person A]» → «person-a»."""
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in kept.split("-") if part) or "navn"
