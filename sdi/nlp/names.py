"""Finding what may identify someone in a transcript: person names, places and institutions.

Pure functions over plain annotations (`sdi.nlp.pipeline.Annotation`), called by `sdi.workflow.anonymise`.
Three sources of mentions, strongest first:

- **lists**: names the researcher already knows (the pseudonym key, `[pseudonyms]`, `[privacy] names /
  places / institutions`), matched fuzzily with rapidfuzz so a genitive («Karis») or a misspelling
  («Karri») of «Kari» is caught too;
- **entities**, when the loaded pipeline has named-entity recognition;
- otherwise **capitals**: a capitalised word that is not at a sentence start and not a common word (the
  caller's `is_common`, built on the lemma table), joined with its neighbours («Gunn Elin»), widened to an
  institution noun after it («Lia skole»). After a place preposition («på Holmen») even a common word
  counts, since places are named after common nouns.

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
from sdi.nlp.pipeline import Annotation, Token

PERSON, PLACE, INSTITUTION = "person", "place", "institution"
KINDS = (PERSON, PLACE, INSTITUTION)
# Entity labels of spaCy's Norwegian models (NorNE) and of the common English scheme.
ENTITY_KINDS = {
    "PER": PERSON, "PERSON": PERSON,
    "LOC": PLACE, "GPE": PLACE, "GPE_LOC": PLACE, "FAC": PLACE,
    "ORG": INSTITUTION, "GPE_ORG": INSTITUTION,
}  # fmt: skip
# Nouns that make a preceding name an institution: «Solbakken barnehage», «Åsen skule».
INSTITUTION_NOUNS = {
    "barnehage": "Barnehage", "barnehagen": "Barnehage", "barnehagar": "Barnehage",
    "skole": "Skole", "skolen": "Skole", "skule": "Skole", "skulen": "Skole",
    "barneskole": "Skole", "barneskolen": "Skole", "ungdomsskole": "Skole", "ungdomsskolen": "Skole",
    "helsestasjon": "Helsestasjon", "helsestasjonen": "Helsestasjon",
    "sykehus": "Sykehus", "sykehuset": "Sykehus", "legekontor": "Legekontor", "legekontoret": "Legekontor",
    "kirke": "Kirke", "kirken": "Kirke", "kyrkje": "Kirke", "senter": "Senter", "senteret": "Senter",
}  # fmt: skip
PLACE_PREPOSITIONS = frozenset({"på", "i", "fra", "frå", "ved", "utenfor", "nær", "rundt"})
SENTENCE_MARKS = frozenset({".", "!", "?", ":", "…", "«", "»", "[", "(", '"', "“", "”", "-", "–", "—"})
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
    is_common: Callable[[str], bool],
    use_entities: bool,
    protected: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Every mention in one text; `protected` spans (pseudonyms already there) are never touched."""
    tokens = [t for t in annotation.tokens if not _inside(t, protected)]
    found = _known(source, text, lists, protected) + _listed(source, text, tokens, lists)
    if use_entities:
        found += _entities(source, text, annotation, protected)
    else:
        found += _capitals(source, text, tokens, annotation.sentences, lists.skip, is_common)
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
        (listed[mention.listed] if mention.listed else found[mention.text]).append(mention)
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
            name = exact.get(written) or _near(written, names)
            if name is not None:
                found.append(Mention(source, start, end, text[start:end], lists.names[name], "list", name))
    return found


def _near(written: str, names: Sequence[str]) -> str | None:
    if len(written) < FUZZY_MIN_LENGTH:
        return None
    choices = [n for n in names if len(n) >= FUZZY_MIN_LENGTH and n[:1].casefold() == written[:1].casefold()]
    best = process.extractOne(written, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
    return best[0] if best else None


def _entities(
    source: str, text: str, annotation: Annotation, protected: Sequence[tuple[int, int]]
) -> list[Mention]:
    found = []
    for entity in annotation.entities:
        kind = ENTITY_KINDS.get(entity.label)
        if kind is None or any(s < entity.end and entity.start < e for s, e in protected):
            continue
        found.append(
            Mention(source, entity.start, entity.end, text[entity.start : entity.end], kind, "entity")
        )
    return found


def _capitals(
    source: str,
    text: str,
    tokens: Sequence[Token],
    sentences: Sequence[tuple[int, int]],
    skip: frozenset[str],
    is_common: Callable[[str], bool],
) -> list[Mention]:
    """Runs of capitalised words that are not sentence-initial common words (see the module docstring)."""
    starts = {start for start, _ in sentences}
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _capitalised(token) or token.text in skip:
            index += 1
            continue
        run = [index]
        while (
            run[-1] + 1 < len(tokens)
            and _capitalised(tokens[run[-1] + 1])
            and tokens[run[-1] + 1].text not in skip
            and _adjacent(text, [tokens[run[-1]], tokens[run[-1] + 1]])
        ):
            run.append(run[-1] + 1)
        index = run[-1] + 1
        at_start = [_sentence_start(tokens, i, starts) for i in run]
        before = tokens[run[0] - 1].text.lower() if run[0] > 0 else ""
        after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
        institution = (
            after is not None
            and after.text in INSTITUTION_NOUNS
            and _adjacent(text, [tokens[run[-1]], after])
        )
        place = before in PLACE_PREPOSITIONS and not at_start[0]
        # Drop leading words that are only capitalised because a sentence starts there.
        while run and at_start[0] and is_common(tokens[run[0]].text):
            run, at_start = run[1:], at_start[1:]
        if not run:
            continue
        names = [
            i for i, first in zip(run, at_start, strict=True) if not is_common(tokens[i].text) and not first
        ]
        if not (names or institution or place or (len(run) > 1 and not at_start[-1])):
            continue
        end = after.end if institution and after is not None else tokens[run[-1]].end
        start = tokens[run[0]].start
        kind = INSTITUTION if institution else PLACE if place else PERSON
        found.append(Mention(source, start, end, text[start:end], kind, "capital"))
    return found


def _capitalised(token: Token) -> bool:
    word = token.text
    return (
        not token.is_punct
        and word[:1].isupper()
        and word[:1].isalpha()
        and not (len(word) > 1 and word.isupper())  # acronyms (PPT, NAV) name services, not people
        and not any(ch.isdigit() for ch in word)  # speaker labels like FB1
        and not ("-" in word and word.rpartition("-")[2].islower())  # `PPT-siden`: a compound, not a name
    )


def _sentence_start(tokens: Sequence[Token], index: int, starts: set[int]) -> bool:
    return index == 0 or tokens[index].start in starts or tokens[index - 1].text in SENTENCE_MARKS


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
    lemma_of: Callable[[str], str | None], extra: Iterable[str] = ()
) -> Callable[[str], bool]:
    """`is_common(word)`: the lemma table knows the word (or its form without accents: «Éin») as a lowercase
    word, not a name; or it is a month, a weekday, one of `extra` (dialect forms the table lacks), or a
    hyphenated compound with a lowercase head."""
    known = set(MONTHS_AND_DAYS) | {word.lower() for word in extra}

    def is_common(word: str) -> bool:
        lower = word.lower()
        head = lower.rpartition("-")[2]
        if head and head != lower and word.rpartition("-")[2].islower():
            return True  # `PPT-samarbeidet`, `Word-skjema`: a compound whose head is a common word
        folded = "".join(ch for ch in unicodedata.normalize("NFD", lower) if not unicodedata.combining(ch))
        for form in dict.fromkeys((lower, unicodedata.normalize("NFC", folded))):
            if form in known:
                return True
            lemma = lemma_of(form)
            if lemma is not None and lemma[:1].islower():
                return True
        return False

    return is_common


PSEUDONYM = re.compile(r"\[[^\[\]\n]{1,60}\]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Bracketed spans (`[barn]`, `[Person A]`, `[utydelig]`): pseudonyms and cues, never names."""
    return [(m.start(), m.end()) for m in PSEUDONYM.finditer(text)]
