"""Word transcripts: label paragraphs, bold labels, tables, front matter, and hostile archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from sdi.ingest import IngestError, read_transcript

from .util import make_docx, read, speakers, turn_texts, write


def test_label_paragraphs(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "t.docx",
        [
            "Moderator: Velkommen, alle sammen.",
            "",
            "FB1: Jeg blir bekymret (ler).",
            "Det andre avsnittet.",
            "FB2: Ja.",
        ],
    )
    parsed = read(path)
    assert parsed.format == "docx" and parsed.encoding == "utf-8"
    assert speakers(parsed) == ["Moderator", "FB1", "FB2"]
    assert turn_texts(parsed) == [
        "Velkommen, alle sammen.",
        "Jeg blir bekymret (ler).\nDet andre avsnittet.",
        "Ja.",
    ]
    assert [turn.line for turn in parsed.turns] == [1, 3, 5]
    assert parsed.turns[0].is_moderator
    assert [cue.text for cue in parsed.turns[1].cues] == ["(ler)"]


def test_bold_labels(tmp_path: Path) -> None:
    paragraphs = [
        [("Moderator:", True), (" Hvordan merker dere det?", False)],
        [("Kari", True), (": Magefølelse først.", False)],
        [("Ola Nordmann", True), (" Uten kolon.", False)],
        [("Viktig", True)],
        [("det er", True), (" ikke en etikett", False)],
    ]
    parsed = read(make_docx(tmp_path / "t.docx", paragraphs))
    assert speakers(parsed) == ["Moderator", "Kari", "Ola Nordmann"]
    assert turn_texts(parsed) == [
        "Hvordan merker dere det?",
        "Magefølelse først.",
        "Uten kolon.\nViktig\ndet er ikke en etikett",
    ]


def test_front_matter_paragraphs_with_smart_quotes(tmp_path: Path) -> None:
    paragraphs = [
        "+++",
        "title = “Fokusgruppe skole”",
        "stage = 2",
        "[[participants]]",
        "label = “L1”",
        "+++",
        "L1: hei",
    ]
    parsed = read(make_docx(tmp_path / "t.docx", paragraphs))
    assert (parsed.meta.title, parsed.meta.stage) == ("Fokusgruppe skole", 2)
    assert parsed.turns[0].line == 7 and parsed.warnings == ()


def test_front_matter_error_uses_paragraph_number(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "feil.docx", ["+++", 'title = "x"', "ukjent = 1", "+++", "L1: hei"])
    with pytest.raises(IngestError, match="unknown key") as info:
        read_transcript(path)
    assert "feil.docx:3" in str(info.value)


def test_sidecar_for_docx(tmp_path: Path) -> None:
    write(tmp_path / "t.toml", 'group = "Skole Fjordvik"\n')
    parsed = read(make_docx(tmp_path / "t.docx", ["Kari: hei"]))
    assert parsed.meta.group == "Skole Fjordvik"


def test_table_transcript(tmp_path: Path) -> None:
    rows = [
        ["Taler", "Tekst"],
        ["Moderator", "Velkommen."],
        ["FB1:", "Ja, æøå."],
        ["", "Fortsetter."],
        ["FB2", "Hei."],
    ]
    parsed = read(make_docx(tmp_path / "t.docx", ["Transkripsjon fra tjenesten"], tables=[rows]))
    assert speakers(parsed) == [None, "Moderator", "FB1", "FB2"]
    assert turn_texts(parsed) == [
        "Transkripsjon fra tjenesten",
        "Velkommen.",
        "Ja, æøå.\nFortsetter.",
        "Hei.",
    ]
    assert [turn.line for turn in parsed.turns] == [1, 3, 4, 6]


def test_table_with_time_column(tmp_path: Path) -> None:
    rows = [["00:00:01", "intervjuer", "Første spørsmål?"], ["00:00:05", "Deltaker 1", "Svar."]]
    parsed = read(make_docx(tmp_path / "t.docx", tables=[rows]), moderator_labels=("intervjuer",))
    assert [(turn.speaker, turn.time_start, turn.is_moderator) for turn in parsed.turns] == [
        ("intervjuer", 1.0, True),
        ("Deltaker 1", 5.0, False),
    ]


def test_single_column_table_is_ignored_with_warning(tmp_path: Path) -> None:
    parsed = read(make_docx(tmp_path / "t.docx", ["Kari: hei"], tables=[[["bare"], ["en kolonne"]]]))
    assert turn_texts(parsed) == ["hei"]
    assert any("table 1 ignored" in warning for warning in parsed.warnings)


def test_docx_without_labels(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "notat.docx", ["Bare tekst.", "Mer tekst."])
    with pytest.raises(IngestError, match="no speaker labels") as info:
        read_transcript(path)
    assert "notat.docx" in str(info.value)


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"dette er ikke en zip-fil, bare tekst", "unreadable .docx"),
        (bytes(range(256)) * 8, "unreadable .docx"),
        (zip_bytes({"hello.txt": b"hei"}), "word/document.xml is missing"),
        (zip_bytes({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}), "unreadable .docx"),
        (zip_bytes({"../../evil.sh": b"rm -rf", "word/document.xml": b"<x/>"}), "unsafe .docx"),
        (zip_bytes({"/etc/passwd": b"x", "word/document.xml": b"<x/>"}), "unsafe .docx"),
        (
            zip_bytes({"word/document.xml": b"<x/>", "word/bomb.xml": b"\0" * (4 * 1024 * 1024)}),
            "compression ratio",
        ),
    ],
)
def test_hostile_or_broken_docx(tmp_path: Path, data: bytes, fragment: str) -> None:
    path = write(tmp_path / "rapport.docx", data)
    with pytest.raises(IngestError) as info:
        read_transcript(path)
    assert fragment in str(info.value)
    assert "rapport.docx" in str(info.value)


def test_truncated_docx(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "god.docx", ["Kari: hei"]).read_bytes()
    for cut in (len(good) // 3, len(good) - 30):
        path = write(tmp_path / "kuttet.docx", good[:cut])
        with pytest.raises(IngestError, match=r"unreadable \.docx") as info:
            read_transcript(path)
        assert "kuttet.docx" in str(info.value)


def test_uncompressed_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sdi.ingest import docx_reader

    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1000)
    path = write(tmp_path / "stor.docx", zip_bytes({"word/document.xml": b"<x/>" * 500}, zipfile.ZIP_STORED))
    with pytest.raises(IngestError, match="uncompressed") as info:
        read_transcript(path)
    assert "stor.docx" in str(info.value)


def test_python_docx_is_imported_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, sdi.ingest; sdi.ingest.SUPPORTED_SUFFIXES; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_heading_paragraphs_are_skipped_and_mojibake_repaired(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Fokusgruppe Fjordvik", level=1)
    document.add_paragraph("Moderator: Velkommen til FjordvÃ¥g.")
    document.add_heading("Del 2", level=2)
    document.add_paragraph("FB1: Takk.")
    document.save(str(tmp_path / "t.docx"))
    parsed = read(tmp_path / "t.docx")
    assert turn_texts(parsed) == ["Velkommen til Fjordvåg.", "Takk."]
    assert [turn.line for turn in parsed.turns] == [2, 4]
    assert any("mis-decoded" in warning for warning in parsed.warnings)
