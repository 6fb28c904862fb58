"""Word counting without spaCy: fast enough for start-up paths and status lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters and digits, allowing inner hyphens/apostrophes ("barnehage-lærer", "ka'kke").
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def count_words(text: str, skip: Iterable[tuple[int, int]] = ()) -> int:
    """Words in `text`, not counting the `skip` spans (non-speech cues such as «(ler)»)."""
    spans = sorted(skip)
    if not spans:
        return sum(1 for _ in WORD.finditer(text))
    total = 0
    cursor = 0
    for start, end in spans:
        if start > cursor:
            total += sum(1 for _ in WORD.finditer(text, cursor, start))
        cursor = max(cursor, end)
    total += sum(1 for _ in WORD.finditer(text, cursor))
    return total
