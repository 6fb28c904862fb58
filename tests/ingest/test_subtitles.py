"""WebVTT and SRT transcripts: voice tags, name prefixes, merging, and malformed timing lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sdi.ingest import IngestError, read_transcript

from .util import read, speakers, turn_texts, write

VTT_VOICES = """WEBVTT - Teams-opptak
Kind: captions

NOTE
Laget av Teams.
Flere linjer.

STYLE
::cue { color: white }

1
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Moderator>Velkommen, alle sammen.</v>

2
00:00:05.000 --> 00:00:07.000
<v.loud Kari Nordmann>Takk. <i>Jeg</i> heter Kari,</v>

00:07.250 --> 00:09.000
<v Kari Nordmann>og jobber <c.gul>i</c> barnehagen.<00:00:08.000> (ler)

00:00:09.000 --> 00:00:10.000
fortsatt Kari &amp; co.

00:00:10.000 --> 00:00:12.000
<v Moderator>Takk!</v> <v FB2>Og jeg, æøå.</v>
"""


def test_vtt_with_voice_tags(tmp_path: Path) -> None:
    parsed = read(write(tmp_path / "t.vtt", VTT_VOICES))
    assert parsed.format == "vtt"
    assert speakers(parsed) == ["Moderator", "Kari Nordmann", "Moderator", "FB2"]
    assert turn_texts(parsed) == [
        "Velkommen, alle sammen.",
        "Takk. Jeg heter Kari, og jobber i barnehagen. (ler) fortsatt Kari & co.",
        "Takk!",
        "Og jeg, æøå.",
    ]
    kari = parsed.turns[1]
    assert (kari.time_start, kari.time_end, kari.line) == (5.0, 10.0, 16)
    assert (parsed.turns[0].line, parsed.turns[0].time_start, parsed.turns[0].time_end) == (12, 1.0, 4.5)
    assert parsed.turns[0].is_moderator and not kari.is_moderator
    assert [cue.text for cue in kari.cues] == ["(ler)"]


def test_vtt_with_name_prefixes_and_bom(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nModerator: Hei.\n\n"
        "00:00:02.000 --> 00:00:03.000\nHvordan går det?\n\n"
        "00:00:03.000 --> 00:00:04.000\nFB1: Bra,\nsier jeg.\n\n"
        "00:00:04.000 --> 00:00:05.000\nFB1: Veldig bra.\n"
    )
    parsed = read(write(tmp_path / "t.vtt", codecs.BOM_UTF8 + vtt.encode()))
    assert speakers(parsed) == ["Moderator", "FB1"]
    assert turn_texts(parsed) == ["Hei. Hvordan går det?", "Bra, sier jeg. Veldig bra."]
    assert [(turn.time_start, turn.time_end) for turn in parsed.turns] == [(1.0, 3.0), (3.0, 5.0)]


def test_vtt_header_without_blank_line_and_leading_unattributed_cue(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n00:00:00.000 --> 00:00:01.000\nMusikk\n\n00:00:01.000 --> 00:00:02.000\n<v Speaker 1>Hei.\n"
    )
    parsed = read(write(tmp_path / "t.vtt", vtt))
    assert speakers(parsed) == [None, "Speaker 1"]
    assert parsed.turns[0].line == 2


def test_srt(tmp_path: Path) -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,500\nModerator: Velkommen.\n\n2\n00:00:05,000 --> 00:00:07,000 X1:10\n"
    )
    srt += "FB1: Hei <i>der</i>, {\\an8}æøå\n\n"
    srt += "3\n00:00:07,000 --> 00:00:08,000\n<font color=red>fortsetter</font>\n"
    parsed = read(write(tmp_path / "t.srt", srt.encode("cp1252")))
    assert parsed.format == "srt" and parsed.encoding == "cp1252"
    assert speakers(parsed) == ["Moderator", "FB1"]
    assert turn_texts(parsed) == ["Velkommen.", "Hei der, æøå fortsetter"]
    assert [(turn.line, turn.time_start, turn.time_end) for turn in parsed.turns] == [
        (2, 1.0, 4.5),
        (6, 5.0, 8.0),
    ]


def test_subtitles_without_speakers(tmp_path: Path) -> None:
    path = write(tmp_path / "t.srt", "1\n00:00:01,000 --> 00:00:02,000\nbare tekst\n")
    with pytest.raises(IngestError, match="no speaker labels") as info:
        read_transcript(path)
    assert "t.srt" in str(info.value)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("t.vtt", "WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nKari: hei\n", 4),
        ("t.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nKari: hei\n\n00:01.000 --> 00:61.000\nx\n", 6),
        ("t.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nKari: hei\n", 3),
        ("t.vtt", "WEBVTT\n\nbare tekst uten tid\n", 3),
        ("t.vtt", "Kari: hei\n", 1),
        ("t.srt", "1\n00:00:01,000 --> 00:00:02,000\nKari: hei\n\n2\n00:00:03 --> 00:00:04,000\nx\n", 6),
        ("t.srt", "1\n00:00:01,000 --> 00:00:02,000\nKari: hei\n\ntekst uten nummer\n", 5),
        ("t.srt", "1\n00:00:01,000 --> 00:00:02,000\nKari: hei\n\n2\n", 5),
    ],
)
def test_malformed_subtitles_report_line(tmp_path: Path, name: str, content: str, line: int) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(IngestError) as info:
        read_transcript(path)
    assert info.value.line == line
    assert f"{name}:{line}" in str(info.value)


def test_subtitle_sidecar_metadata(tmp_path: Path) -> None:
    write(tmp_path / "t.toml", '[[participants]]\nlabel = "Speaker 1"\npseudonym = "FB1"\n')
    parsed = read(write(tmp_path / "t.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 1>Hei.\n"))
    assert speakers(parsed) == ["FB1"] and parsed.warnings == ()
