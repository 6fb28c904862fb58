"""Which unit a REFI-QDA file counts positions in: the reading that puts the selections on word boundaries
wins, for files we write here in each tool's manner; a file no reading fits is read and warned about."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sdi.ingest.refi import read_refi
from sdi.ingest.refi_positions import Positions, choose

TEXT = (
    "Intervju 1 😀\r\nKari: Vi venter 📱 på svar.\r\n"
    "Ola: Foreldrene ringer ikke tilbake 😞 i det hele tatt.\r\n"
)
WORDS = ("venter", "på svar", "Foreldrene ringer", "tilbake", "i det hele tatt")


def units(text: str, index: int, *, utf16: bool, crlf_one: bool) -> int:
    """What a tool of that kind writes for the string index `index`."""
    count = 0
    for i, ch in enumerate(text[:index]):
        if crlf_one and ch == "\r" and text.startswith("\n", i + 1):
            continue
        count += 2 if utf16 and ord(ch) > 0xFFFF else 1
    return count


def qdpx(path: Path, origin: str, *, utf16: bool, crlf_one: bool, words: tuple[str, ...] = WORDS) -> Path:
    selections = []
    for n, word in enumerate(words):
        start = TEXT.index(word)
        a = units(TEXT, start, utf16=utf16, crlf_one=crlf_one)
        b = units(TEXT, start + len(word), utf16=utf16, crlf_one=crlf_one)
        selections.append(
            f'<PlainTextSelection guid="00000000-0000-4000-8000-00000000010{n}" startPosition="{a}" '
            f'endPosition="{b}"><Coding guid="00000000-0000-4000-8000-00000000020{n}">'
            '<CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>'
        )
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}"><CodeBook><Codes>'
        '<Code guid="00000000-0000-4000-8000-000000000001" name="k" isCodable="true"/></Codes></CodeBook>'
        '<Sources><TextSource guid="00000000-0000-4000-8000-000000000002" name="t" '
        f'plainTextPath="internal://t.txt">{"".join(selections)}</TextSource></Sources></Project>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("Sources/t.txt", "\ufeff" + TEXT)  # a BOM, as NVivo and QualCoder write
    return path


@pytest.mark.parametrize(
    ("origin", "utf16", "crlf_one", "reading"),
    [("NVivo 14", True, False, "UTF-16 code units"), ("QualCoder 3.6", False, False,
     "Unicode characters (code points)"),
     ("ATLAS.ti 23", False, True, "Unicode characters, CRLF as one"),
     ("Some tool", True, True, "UTF-16 code units, CRLF as one")],
)  # fmt: skip
def test_the_reading_that_fits_is_chosen(tmp_path: Path, origin: str, utf16: bool, crlf_one: bool,
                                         reading: str) -> None:  # fmt: skip
    data = read_refi(qdpx(tmp_path / "p.qdpx", origin, utf16=utf16, crlf_one=crlf_one))
    source = data.sources[0]
    assert [source.text[s.start : s.end] for s in source.selections] == list(WORDS)
    assert data.positions.startswith(f"positions: {reading}, 5 of 5") and data.warnings == ()


def test_the_origin_breaks_a_tie(tmp_path: Path) -> None:
    """Selections before the first emoji and line end read the same in every unit: the tool's own wins."""
    data = read_refi(qdpx(tmp_path / "p.qdpx", "NVivo for Windows 12.6", utf16=True, crlf_one=False,
                          words=("Intervju",)))  # fmt: skip
    assert data.positions.startswith("positions: UTF-16 code units, 1 of 1")


def test_no_reading_fits_is_said(tmp_path: Path) -> None:
    path = qdpx(tmp_path / "p.qdpx", "Some tool", utf16=False, crlf_one=False)
    text = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde").decode()
    shifted = qde.replace('startPosition="', 'startPosition="1').replace('endPosition="', 'endPosition="1')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", shifted)
        archive.writestr("Sources/t.txt", "\ufeff" + TEXT)
    data = read_refi(path)
    assert text and any("no reading of the text positions" in w for w in data.warnings)


def test_positions_map_onto_string_indexes() -> None:
    utf16 = Positions("a😀b\r\nc", utf16=True, crlf_one=True)
    assert [utf16.index(u) for u in range(7)] == [0, 1, None, 2, 3, 5, 6]  # inside the emoji: no index
    assert Positions("abc", utf16=True, crlf_one=True).identity
    assert choose("x", [("ab cd", [(0, 2), (3, 5)])]).summary.endswith("2 of 2 selections on word boundaries")
