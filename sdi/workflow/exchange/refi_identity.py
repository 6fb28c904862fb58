"""Recognising what comes back: a REFI-QDA file that went through another tool keeps names, words and spans
but not our GUIDs (QualCoder and ATLAS.ti issue new ones on export). Used by `refi_import` inside its
transaction, so importing a colleague's round trip adds only what is genuinely new:

- a code is the same code when it has our GUID; or the same name in the same or no place (its category or
  Set is our code group, or either side has none); or the same description; or the same codings on the
  same words (at least half of its codings coincide with one code's);
- a coding is the same when it has our GUID, or the same code codes the same span of the same transcript
  (a different coder the project already knows keeps their own coding, for agreement);
- a memo is the same when its target already has a memo with the same words; empty notes and our own
  markers are no memos at all.

Memos also ride in descriptions, because QualCoder reads a code's memo from its `<Description>` and a
coding's from its selection's: `[Memo] ` marks where they start."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from sdi.storage.models import Code, Coding, Memo

MEMO_MARK = "[Memo] "
_MEMO_SPLIT = re.compile(r"(?:\A|\n\n)\[Memo\] ")
WAYS = ("GUID", "navn", "beskrivelse", "kodinger")  # how a code was recognised, as the summary says it


def norm(text: str) -> str:
    """Text as compared: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def split_memos(description: str) -> tuple[str, list[str]]:
    """A description and the memo texts that ride after it (`join_memos` wrote them)."""
    head, *memos = _MEMO_SPLIT.split(description)
    return head.strip(), [memo.strip() for memo in memos if memo.strip()]


def join_memos(description: str, memos: Iterable[str]) -> str:
    parts = [description.strip(), *(f"{MEMO_MARK}{text.strip()}" for text in memos if text.strip())]
    return "\n\n".join(part for part in parts if part)


class CodeMatcher:
    """The project's codes, to recognise a file's code by GUID, name and place, description or codings."""

    def __init__(self, codes: Iterable[Code], guid_of: dict[int, str]) -> None:
        self.codes = list(codes)
        self.by_guid = {guid_of[c.id]: c for c in self.codes}
        self.by_name: dict[str, list[Code]] = defaultdict(list)
        self.by_description: dict[str, list[Code]] = defaultdict(list)
        for code in self.codes:
            self.by_name[norm(code.statement)].append(code)
            head, _ = split_memos(code.description)
            if norm(head):
                self.by_description[norm(head)].append(code)

    def match(self, guid: str, name: str, place: str | None, description: str,
              spans: Iterable[tuple[int, int, int]], span_codes: dict[tuple[int, int, int], set[int]],
              ) -> tuple[Code | None, str]:  # fmt: skip
        """(our code, how it was recognised) or (None, "") for a code that is new here."""
        if guid in self.by_guid:
            return self.by_guid[guid], WAYS[0]
        for code in self.by_name.get(norm(name), ()):
            group = code.group.name if code.group is not None else None
            if place is None or group is None or norm(place) == norm(group):
                return code, WAYS[1]
        same = self.by_description.get(norm(split_memos(description)[0]), []) if norm(description) else []
        if len(same) == 1:
            return same[0], WAYS[2]
        spans = list(spans)
        votes = Counter(code for span in spans for code in span_codes.get(span, ()))
        if votes:
            code_id, count = votes.most_common(1)[0]
            if 2 * count >= len(spans):
                return next(c for c in self.codes if c.id == code_id), WAYS[3]
        return None, ""


class CodingIndex:
    """Codings by span, to recognise one that comes back with another GUID."""

    def __init__(self, codings: Iterable[Coding], known_coders: set[int]) -> None:
        self.known_coders = known_coders  # coders the project had before this import
        self.by_span: dict[tuple[int, int, int, int], list[Coding]] = defaultdict(list)
        for coding in codings:
            self.add(coding)

    def add(self, coding: Coding) -> None:
        self.by_span[(coding.document_id, coding.code_id, coding.start, coding.end)].append(coding)

    def find(self, document: int, code: int, start: int, end: int, coder: int | None) -> Coding | None:
        """The same code on the same span — unless it is another known coder's, who keeps their own."""
        for coding in self.by_span.get((document, code, start, end), ()):
            if coding.coder_id == coder or coder not in self.known_coders:
                return coding
        return None

    def span_codes(self) -> dict[tuple[int, int, int], set[int]]:
        found: dict[tuple[int, int, int], set[int]] = defaultdict(set)
        for document, code, start, end in self.by_span:
            found[(document, start, end)].add(code)
        return found


class MemoIndex:
    """The words of every memo per target, so a memo that comes back (as a note or in a description) is
    recognised, and so are several memos that a description joined."""

    def __init__(self, memos: Iterable[Memo]) -> None:
        self.texts: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        for memo in memos:
            self.add(memo.target_type, memo.target_id, memo.text)

    def add(self, kind: str, target: int | None, text: str) -> None:
        self.texts[(kind, target)].append(text)

    def known(self, kind: str, target: int | None, text: str) -> bool:
        texts = self.texts.get((kind, target), [])
        wanted = norm(text)
        return any(norm(t) == wanted for t in texts) or norm("\n\n".join(texts)) == wanted
