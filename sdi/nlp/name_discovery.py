"""Discovering names nobody has listed yet: the entity recogniser's and our rules', with their kinds.

Called by `sdi.nlp.names.find_mentions` for each turn. Two sources, both used when the pipeline has an
entity recogniser (the model finds what rules miss, rules find what the model misses):

- **entities**: person, place or institution by the model's label (NorNE: PER; LOC, GPE_LOC; ORG, GPE_ORG);
- **capitals**: a run of capitalised words that is not only capitalised because a sentence starts there,
  widened to an institution noun after it («Lia skole») or to «kommune»/«fylke» («Ibestad kommune»); a
  word after a place preposition («på Holmen») counts even when it is a common word.

A word at a sentence start counts as a name when the lemma table knows it only as a name («Kari», «Norge»),
the model tagged it a proper noun, or it is a Norwegian municipality or county (`data/norwegian_places.txt`)
that is not also a common word. Municipalities and counties are places whatever the model says. A mention
never begins with a sentence-initial common word («Siden Ibestad kommune» → «Ibestad kommune»), so an
accepted replacement cannot swallow its neighbour. A genitive («Karis», «Norges») is found under its name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from sdi.nlp.pipeline import Annotation, Token

PERSON, PLACE, INSTITUTION = "person", "place", "institution"
# Entity labels of spaCy's Norwegian models (NorNE), sdi's own, and the common English scheme.
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
# Nouns that make a preceding name a municipality or county: «Ibestad kommune», «Troms fylke».
PLACE_NOUNS = frozenset(
    {"kommune", "kommunes", "kommunen", "kommuna", "fylke", "fylkes", "fylket", "fylkeskommune",
     "fylkeskommunes"}
)  # fmt: skip
PLACE_PREPOSITIONS = frozenset({"på", "i", "fra", "frå", "ved", "utenfor", "nær", "rundt"})
NAME_TAGS = frozenset({"PROPN", "NOUN", "X", ""})  # parts of speech a one-word name may carry ("" untagged)
SENTENCE_MARKS = frozenset({".", "!", "?", ":", "…", "«", "»", "[", "(", '"', "“", "”", "-", "–", "—"})


@cache
def spoken_words() -> frozenset[str]:
    """Fillers, spoken and dialect forms: never a name on their own (unlike some stop words: «Hans»)."""
    from sdi.nlp.lexicon import DIALECT
    from sdi.nlp.stopwords import SPOKEN

    return SPOKEN | frozenset(DIALECT)


@cache
def places() -> frozenset[str]:
    """Norway's municipalities and counties (and the country), as written."""
    text = resources.files("sdi.nlp").joinpath("data/norwegian_places.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(" ".join(line.split()) for line in lines if line)


def base_name(text: str, is_name: Callable[[str], bool]) -> str:
    """The name a mention stands for: «Karis» → «Kari», «Norges» → «Norge», «Nav» → «Nav» (no genitive
    taken off unless what is left is a known name or place)."""
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        stem = text[:-1]
        if stem in places() or is_name(stem.split()[-1]):
            return stem
    return text


def discover(
    source: str,
    text: str,
    tokens: Sequence[Token],
    annotation: Annotation,
    *,
    skip: frozenset[str],
    is_common: Callable[..., bool],
    is_name: Callable[[str], bool],
    use_entities: bool,
) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, how) of every name found in one turn (overlaps are the caller's to resolve)."""
    starts = {start for start, _ in annotation.sentences}
    at_start = [_sentence_start(tokens, i, starts) for i in range(len(tokens))]
    found: list[tuple[int, int, str, str]] = []
    if use_entities:
        found += _entities(text, tokens, annotation, at_start, skip, is_common)
    found += _capitals(text, tokens, at_start, skip, is_common, is_name)
    return [(s, e, _kind(text[s:e], kind, is_name), how) for s, e, kind, how in found]


def _kind(written: str, kind: str, is_name: Callable[[str], bool]) -> str:
    """An institution noun at the end makes an institution («Lia skole»); a municipality or county is a
    place, also as «Ibestad kommune» and in the genitive; otherwise the kind found."""
    words = written.split()
    if len(words) > 1 and words[-1] in INSTITUTION_NOUNS:
        return INSTITUTION
    if len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        words = words[:-1]
    name = base_name(" ".join(words), is_name)
    return PLACE if name in places() or " ".join(words) in places() else kind


def _entities(
    text: str,
    tokens: Sequence[Token],
    annotation: Annotation,
    at_start: list[bool],
    skip: frozenset[str],
    is_common: Callable[..., bool],
) -> list[tuple[int, int, str, str]]:
    """The model's entities of the kinds we pseudonymise, trimmed to what can be a name: no word in front
    that is lowercase, on the skip list (the project's own names, acronyms of services) or a
    sentence-initial common word; no punctuation at either end. A single word is dropped when the model
    tagged it as something no name is (a verb, a number) or it is a filler or dialect form: a news-trained
    model takes spoken words at a sentence start for names («Ho», «Berre», «Korleis»)."""

    def skipped(token: Token) -> bool:
        return token.text in skip or token.text.rstrip(".") in skip

    found = []
    for entity in annotation.entities:
        kind = ENTITY_KINDS.get(entity.label)
        if kind is None:
            continue
        inside = [i for i, t in enumerate(tokens) if entity.start <= t.start and t.end <= entity.end]
        while inside and (
            skipped(tokens[inside[0]])
            or tokens[inside[0]].is_punct
            or not tokens[inside[0]].text[:1].isupper()
            or (at_start[inside[0]] and len(inside) > 1 and is_common(tokens[inside[0]].text, True))
        ):
            inside = inside[1:]
        while inside and tokens[inside[-1]].is_punct:
            inside = inside[:-1]
        if not inside or all(skipped(tokens[i]) for i in inside if not tokens[i].is_punct):
            continue
        if len(inside) == 1:
            only = tokens[inside[0]]
            if (
                any(ch.isdigit() for ch in only.text)
                or ("-" in only.text and only.text.rpartition("-")[2].islower())  # «Word-fil»: a compound
                or only.pos not in NAME_TAGS
                or only.text.lower() in spoken_words()
            ):
                continue
        start, end = tokens[inside[0]].start, tokens[inside[-1]].end
        if text[start:end] in skip:
            continue
        after = inside[-1] + 1
        if after < len(tokens) and _adjacent(text, tokens[inside[-1]], tokens[after]):
            noun = tokens[after].text  # «Troms» + «fylke», «Åsen» + «skule»: the noun belongs to the name
            if noun in INSTITUTION_NOUNS or noun.lower() in PLACE_NOUNS:
                end = tokens[after].end
        found.append((start, end, kind, "entity"))
    return found


def _capitals(
    text: str,
    tokens: Sequence[Token],
    at_start: list[bool],
    skip: frozenset[str],
    is_common: Callable[..., bool],
    is_name: Callable[[str], bool],
) -> list[tuple[int, int, str, str]]:
    """Runs of capitalised words that are names (see the module docstring)."""
    found: list[tuple[int, int, str, str]] = []
    index = 0
    while index < len(tokens):
        if not _capitalised(tokens[index]) or tokens[index].text in skip:
            index += 1
            continue
        run = [index]
        while (
            run[-1] + 1 < len(tokens)
            and _capitalised(tokens[run[-1] + 1])
            and tokens[run[-1] + 1].text not in skip
            and not at_start[run[-1] + 1]
            and _adjacent(text, tokens[run[-1]], tokens[run[-1] + 1])
        ):
            run.append(run[-1] + 1)
        index = run[-1] + 1
        after = tokens[index] if index < len(tokens) else None
        before = tokens[run[0] - 1].text.lower() if run[0] > 0 else ""
        noun = after.text.lower() if after is not None and _adjacent(text, tokens[run[-1]], after) else ""
        institution = after is not None and after.text in INSTITUTION_NOUNS and bool(noun)
        place_noun = noun in PLACE_NOUNS
        preposition = before in PLACE_PREPOSITIONS and not at_start[run[0]]
        # Drop leading words that are only capitalised because a sentence starts there.
        while run and at_start[run[0]] and not _name_at_start(tokens, run, is_common, is_name, place_noun):
            run = run[1:]
        if not run:
            continue
        names = [i for i in run if not is_common(tokens[i].text) or (at_start[i] and is_name(tokens[i].text))]
        listed = _listed_place(tokens, run)
        if not (names or institution or place_noun or preposition or listed or len(run) > 1):
            continue
        end = after.end if (institution or place_noun) and after is not None else tokens[run[-1]].end
        start = tokens[run[0]].start
        kind = INSTITUTION if institution else PLACE if place_noun or preposition or listed else PERSON
        found.append((start, end, kind, "capital"))
    return found


def _name_at_start(
    tokens: Sequence[Token],
    run: list[int],
    is_common: Callable[..., bool],
    is_name: Callable[[str], bool],
    place_noun: bool,
) -> bool:
    """Whether the sentence-initial first word of `run` is a name, not a capitalised common word."""
    token = tokens[run[0]]
    common = is_common(token.text, True)
    if not common:
        word = token.text
        genitive = word[:-1] if len(word) > 3 and word.endswith("s") else ""
        known = is_name(word) or (genitive and is_name(genitive)) or word in places() or genitive in places()
        return bool(known) or token.pos == "PROPN" or len(run) > 1
    # A common word that is also a municipality («Time», «Lund») only with «kommune» or «fylke» after it.
    return len(run) == 1 and place_noun and token.text in places()


def _listed_place(tokens: Sequence[Token], run: list[int]) -> bool:
    written = " ".join(tokens[i].text for i in run)
    return written in places() or (written.endswith("s") and written[:-1] in places())


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
    """A sentence starts here, or may: after a mark, or after a word with a full stop that the sentence
    splitter did not split on («… i februar 2018. Siden …», «osv. Da …»)."""
    if index == 0 or tokens[index].start in starts:
        return True
    previous = tokens[index - 1].text
    return previous in SENTENCE_MARKS or (len(previous) > 1 and previous.endswith("."))


def _adjacent(text: str, first: Token, second: Token) -> bool:
    """Words separated only by whitespace (a name may wrap across a line)."""
    return not text[first.end : second.start].strip()
