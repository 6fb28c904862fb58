"""The last guard before a file leaves the project: look in a written file's texts for every real name the
project knows (the pseudonym key, `[pseudonyms]`, the `[privacy]` lists) with the one known-name matcher
(`sdi.nlp.known_names`): any case, soft hyphens and zero-width characters, names wrapped across lines or
split over paragraphs, genitives, and names joined by `-`, `_` or `.` as in file names. Finding one means
the file is refused (unless the researcher insists), or, for the text files sdi writes for the team
(codebooks, merge decisions), written with the names replaced when asked to.

The texts come from `sdi.export.readback` (a written file read back as its readers see it); `sdi.publish`
puts the two together (`names_in_export`). Figures' labels are checked here before they are drawn."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from sdi.nlp.known_names import KnownNames, file_name_part


def find_names(texts: Iterable[tuple[str, str]], names: Iterable[str]) -> list[str]:
    """'where: name as written' for each known name in `texts`. The texts are read as one (joined by line
    breaks), so a name wrapped from one paragraph or line into the next is found too."""
    matcher = KnownNames(names, loose=True)
    parts = list(texts)
    if not matcher or not parts:
        return []
    starts, joined, offset = [], [], 0
    for _where, text in parts:
        starts.append(offset)
        joined.append(text)
        offset += len(text) + 1
    whole = "\n".join(joined)
    found = []
    for match in matcher.find(whole):
        where = parts[bisect_right(starts, match.start) - 1][0]
        written = " ".join(whole[match.start : match.end].split())
        found.append(f"{where}: {written}")
    return found


def without_names(text: str, names: Mapping[str, str]) -> str:
    """`text` (a TOML or CSV file sdi writes) with every known name replaced by what `names` gives for it
    (its pseudonym, or «[navn]» for a listed name without one). Names inside file names («intervju-kari-
    nordmann.md») become the pseudonym as a file-name part («intervju-person-a.md»). Quotes and backslashes
    are left out of the replacement so a TOML string stays a TOML string."""
    safe = {name: value.replace("\\", "").replace('"', "'") for name, value in names.items()}
    text = KnownNames(safe).replace(text, safe)
    loose = KnownNames(safe, loose=True)
    parts, cursor = [], 0
    for match in loose.find(text):
        parts += [text[cursor : match.start], file_name_part(safe[match.name])]
        cursor = match.suffix_end
    parts.append(text[cursor:])
    return "".join(parts)
