"""Consistent pseudonyms for found names: one name, one pseudonym, in every transcript.

Pure; called by `sdi.workflow.anonymise.names` with the candidates of `sdi.nlp.names` and the existing key.
A name the key (or `[pseudonyms]`) already maps keeps its pseudonym. A new one gets a bracketed label by
kind with the next free letter — «[Person A]», «[Sted B]», «[Barnehage A]» — never a letter the key already
uses for that label, so earlier and later runs never give two names the same pseudonym. A place that is
also the name part of an institution («Solbakken» of «Solbakken barnehage») shares its pseudonym.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sdi.nlp.names import INSTITUTION, INSTITUTION_NOUNS, PERSON, PLACE, NameCandidate

LABELS = {PERSON: "Person", PLACE: "Sted", INSTITUTION: "Institusjon"}
_LETTERED = re.compile(r"^\[(?P<label>.+) (?P<letter>[A-Z]+)\]$")


@dataclass(frozen=True)
class Proposal:
    """A candidate with the pseudonym proposed for it; `reused` when the key already had it."""

    candidate: NameCandidate
    replacement: str
    reused: bool

    @property
    def name(self) -> str:
        return self.candidate.name


def letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: enough letters for any study."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def label_for(candidate: NameCandidate) -> str:
    """«Barnehage» for «Solbakken barnehage», else the kind's label."""
    if candidate.kind == INSTITUTION:
        last = candidate.name.split()[-1]
        return INSTITUTION_NOUNS.get(last, LABELS[INSTITUTION])
    return LABELS.get(candidate.kind, LABELS[PERSON])


def propose(candidates: Sequence[NameCandidate], existing: Mapping[str, str]) -> list[Proposal]:
    """A pseudonym for every candidate, in the candidates' order."""
    used: dict[str, set[str]] = {}
    for value in existing.values():
        match = _LETTERED.match(value.strip())
        if match:
            used.setdefault(match["label"], set()).add(match["letter"])
    institutions = {
        " ".join(c.name.split()[:-1]): c for c in candidates if c.kind == INSTITUTION and " " in c.name
    }
    chosen: dict[str, str] = {}
    proposals: list[Proposal] = []
    for candidate in candidates:
        known = existing.get(candidate.name)
        if known is not None:
            proposals.append(Proposal(candidate, known, True))
            chosen[candidate.name] = known
            continue
        if candidate.name in chosen:  # named already, as the place part of an institution
            proposals.append(Proposal(candidate, chosen[candidate.name], False))
            continue
        owner = institutions.get(candidate.name)
        if owner is not None and owner.name in chosen:
            proposals.append(Proposal(candidate, chosen[owner.name], False))
            continue
        if owner is not None and owner.name in existing:
            proposals.append(Proposal(candidate, existing[owner.name], True))
            continue
        target = owner or candidate
        label = label_for(target)
        taken = used.setdefault(label, set())
        index = 0
        while letters(index) in taken:
            index += 1
        taken.add(letters(index))
        replacement = f"[{label} {letters(index)}]"
        chosen[target.name] = replacement
        chosen[candidate.name] = replacement
        proposals.append(Proposal(candidate, replacement, False))
    return proposals
