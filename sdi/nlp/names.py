"""Finding what may identify someone in a transcript: person names, places and institutions.

Pure functions over plain annotations (`sdi.nlp.pipeline.Annotation`), called by
`sdi.workflow.anonymise.names`.
Three sources of mentions, strongest first:

- **lists**: names the researcher already knows (the pseudonym key, `[pseudonyms]`, `[privacy] names /
  places / institutions`), matched fuzzily with rapidfuzz so a genitive («Karis») or a misspelling
  («Karri») of «Kari» is caught too;
- **entities**, when the loaded pipeline has named-entity recognition, and
- **capitals**: a capitalised word that is not a common word (the caller's `is_common`, built on the lemma
  table), joined with its neighbours («Gunn Elin»), widened to an institution noun after it («Lia skole»);
  both found by `sdi.nlp.name_discovery`, which also knows Norway's municipalities and counties, names at
  a sentence start and genitives («Karis» is a mention of «Kari»).

Mentions of the same name are gathered into one `NameCandidate` across all transcripts, so one name gets
one pseudonym everywhere; `sdi.nlp.pseudonym_proposal` proposes that pseudonym.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from sdi.nlp.known_names import KnownNames
from sdi.nlp.name_discovery import (
    ENTITY_KINDS,
    INSTITUTION,
    INSTITUTION_NOUNS,
    PERSON,
    PLACE,
    base_name,
    discover,
)
from sdi.nlp.pipeline import Annotation, Token
from sdi.nlp.stopwords import SPOKEN

__all__ = ["ENTITY_KINDS", "INSTITUTION", "INSTITUTION_NOUNS", "PERSON", "PLACE"]

KINDS = (PERSON, PLACE, INSTITUTION)
MONTHS_AND_DAYS = frozenset(
    {
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "desember", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    }
)  # fmt: skip
FUZZY_SCORE = 80.0  # rapidfuzz ratio (0–100) for a misspelt listed name; «Kari»/«Karri» scores 89
FUZZY_MIN_LENGTH = 4  # shorter names only match exactly (or in the genitive): «Ida» ≠ «Ina»
_SOURCES = {"list": 0, "entity": 1, "capital": 2}


@dataclass(frozen=True)
class Mention:
    """One occurrence: `source` names the text (a transcript path), offsets index that text."""

    source: str
    start: int
    end: int
    text: str  # as written
    kind: str
    how: str  # list | entity | capital
    listed: str | None = None  # the listed name it matched, if it came from a list
    name: str = ""  # the name it stands for when that differs from `text` (a genitive: «Karis» → «Kari»)


@dataclass
class NameCandidate:
    """A name with all its mentions across the transcripts; `name` is the form the key will hold."""

    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    listed: bool = False  # the name comes from the key or a list in sdi.toml

    @property
    def variants(self) -> tuple[str, ...]:
        """Other spellings seen (a genitive of the name itself is not a variant: the pseudonymiser keeps
        the `s`)."""
        forms = {m.text for m in self.mentions} - {self.name, self.name + "s"}
        return tuple(sorted(forms))

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True)
class NameLists:
    """What the researcher already knows: listed names by kind, and words never to flag."""

    names: Mapping[str, str] = field(default_factory=dict)  # name → kind
    skip: frozenset[str] = frozenset()  # group and site names, participant labels, the project's title


def find_mentions(
    source: str,
    text: str,
    annotation: Annotation,
    *,
    lists: NameLists,
    is_common: Callable[..., bool],
    use_entities: bool,
    protected: Sequence[tuple[int, int]] = (),
    is_name: Callable[[str], bool] = lambda word: False,
) -> list[Mention]:
    """Every mention in one text; `protected` spans (pseudonyms already there) are never touched.
    `is_name(word)`: the lemma table knows the word only as a name (see `name_word_test`)."""
    tokens = [t for t in annotation.tokens if not _inside(t, protected)]
    found = _known(source, text, lists, protected) + _listed(source, text, tokens, lists)
    for start, end, kind, how in discover(
        source, text, tokens, annotation,
        skip=lists.skip, is_common=is_common, is_name=is_name, use_entities=use_entities,
    ):  # fmt: skip
        if any(s < end and start < e for s, e in protected):
            continue
        written = text[start:end]
        name = base_name(written, is_name)
        found.append(Mention(source, start, end, written, kind, how, name=name if name != written else ""))
    return _without_overlaps(found)


def gather(mentions: Iterable[Mention], lists: NameLists) -> list[NameCandidate]:
    """One candidate per name across all texts, in order of first mention.

    Listed names gather their own mentions. Found forms are folded into a listed name or a more frequent
    form when they are its genitive or a near spelling («Karri» into «Kari»); the kind is the majority of
    the mentions' kinds (a listed name keeps its listed kind)."""
    ordered = list(mentions)
    listed: dict[str, list[Mention]] = defaultdict(list)
    found: dict[str, list[Mention]] = defaultdict(list)
    for mention in ordered:
        (listed[mention.listed] if mention.listed else found[mention.name or mention.text]).append(mention)
    frequency = Counter({form: len(group) for form, group in found.items()})
    canonical: dict[str, str] = {}
    for form, _count in sorted(frequency.items(), key=lambda item: (-item[1], item[0])):
        canonical[form] = _fold(form, canonical, listed.keys()) or form
    groups: dict[str, list[Mention]] = defaultdict(list)
    for name, group in listed.items():
        groups[name].extend(group)
    for form, group in found.items():
        groups[canonical[form]].extend(group)
    first = {m: index for index, m in enumerate(ordered)}
    candidates = []
    for name, group in groups.items():
        group.sort(key=lambda m: first[m])
        kinds = Counter(m.kind for m in group)
        kind = lists.names.get(name) or max(KINDS, key=lambda k: (kinds[k], k == PERSON))
        candidates.append(NameCandidate(name, kind, group, listed=name in listed))
    candidates.sort(key=lambda c: first[c.mentions[0]])
    return candidates


def _fold(form: str, canonical: Mapping[str, str], listed: Iterable[str]) -> str | None:
    """The listed name or already-kept form that `form` is a genitive or a misspelling of, if any."""
    kept = [name for name, target in canonical.items() if name == target]
    for name in (*listed, *kept):
        if form == name + "s" or (form.endswith("s") and form[:-1] == name):
            return name
    if len(form) < FUZZY_MIN_LENGTH:
        return None
    choices = [name for name in (*listed, *kept) if name[:1].casefold() == form[:1].casefold()]
    best = process.extractOne(form, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE + 5)
    return best[0] if best else None


# ---- the three sources ------------------------------------------------------------------------------------


def _known(
    source: str, text: str, lists: NameLists, protected: Sequence[tuple[int, int]]
) -> list[Mention]:
    """Listed names as the one known-name matcher finds them: any case, soft hyphens, line breaks."""
    found = []
    for match in _known_matcher(frozenset(lists.names)).find(text):
        start, end, name = match.start, match.suffix_end, match.name
        if not any(s < end and start < e for s, e in protected):
            found.append(Mention(source, start, end, text[start:end], lists.names[name], "list", name))
    return found


@lru_cache(maxsize=4)
def _known_matcher(names: frozenset[str]) -> KnownNames:
    return KnownNames(sorted(names))


def _listed(source: str, text: str, tokens: Sequence[Token], lists: NameLists) -> list[Mention]:
    """Windows of words that match a listed name exactly, in the genitive, or nearly (capitalised only)."""
    if not lists.names:
        return []
    words = [t for t in tokens if not t.is_punct]
    by_length: dict[int, list[str]] = defaultdict(list)
    for name in lists.names:
        by_length[len(name.split())].append(name)
    found: list[Mention] = []
    for size, names in by_length.items():
        exact = {n: n for n in names} | {n + "s": n for n in names}
        for index in range(len(words) - size + 1):
            window = words[index : index + size]
            if not window[0].text[:1].isupper() or not _adjacent(text, window):
                continue
            start, end = window[0].start, window[-1].end
            written = " ".join(t.text for t in window)
            known = exact.get(written) or _near(written, names)
            if known is not None:
                found.append(Mention(source, start, end, text[start:end], lists.names[known], "list", known))
    return found


def _near(written: str, names: Sequence[str]) -> str | None:
    if len(written) < FUZZY_MIN_LENGTH:
        return None
    choices = [n for n in names if len(n) >= FUZZY_MIN_LENGTH and n[:1].casefold() == written[:1].casefold()]
    best = process.extractOne(written, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
    return best[0] if best else None


def _adjacent(text: str, window: Sequence[Token]) -> bool:
    """Words separated only by whitespace (a name may wrap across a line)."""
    return all(not text[a.end : b.start].strip() for a, b in pairwise(window))


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep the strongest source, then the longest."""
    ranked = sorted(mentions, key=lambda m: (_SOURCES[m.how], -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in ranked:
        if not any(m.start < mention.end and mention.start < m.end for m in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def common_word_test(
    lemma_of: Callable[[str], str | None],
    extra: Iterable[str] = (),
    guess: Callable[[str], str | None] = lambda lower: None,
) -> Callable[..., bool]:
    """`is_common(word, at_start=False)`: the lemma table knows the word (or its form without accents:
    «Éin») as a lowercase word, not a name; or it is a month, a weekday, a filler or spoken form of
    `SPOKEN`, one of `extra` (dialect forms the table lacks), or a hyphenated compound with a lowercase
    head. At a sentence start, where a capital says nothing, also an inflected compound of common words
    (`guess`, the lookup lemmatiser's rules: «Konsultasjonsteamet» → «konsultasjonsteam»; a guess that
    changes nothing, like «Fjordvik», does not count: places are named after common nouns)."""
    known = set(MONTHS_AND_DAYS) | set(SPOKEN) | {word.lower() for word in extra}

    def is_common(word: str, at_start: bool = False) -> bool:
        lower = word.lower()
        head = lower.rpartition("-")[2]
        if head and head != lower and word.rpartition("-")[2].islower():
            return True  # `PPT-samarbeidet`, `Word-skjema`: a compound whose head is a common word
        folded = "".join(ch for ch in unicodedata.normalize("NFD", lower) if not unicodedata.combining(ch))
        listed = False
        for form in dict.fromkeys((lower, unicodedata.normalize("NFC", folded))):
            if form in known:
                return True
            lemma = lemma_of(form)
            if lemma is not None and lemma[:1].islower():
                return True
            listed = listed or lemma is not None
        if not at_start or listed:  # a word the table knows as a name is not guessed into a common one
            return False
        guessed = guess(lower)
        return guessed is not None and guessed != lower and guessed[:1].islower()

    return is_common


def name_word_test(lemma_of: Callable[[str], str | None]) -> Callable[[str], bool]:
    """`is_name(word)`: the lemma table knows the word only as a name (its lemma is capitalised: «Kari»,
    «Norge»), so a capital at a sentence start says nothing against it being one."""

    def is_name(word: str) -> bool:
        lemma = lemma_of(word.lower())
        return lemma is not None and lemma[:1].isupper()

    return is_name


PSEUDONYM = re.compile(r"\[[^\[\]\n]{1,60}\]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Bracketed spans (`[barn]`, `[Person A]`, `[utydelig]`): pseudonyms and cues, never names."""
    return [(m.start(), m.end()) for m in PSEUDONYM.finditer(text)]
