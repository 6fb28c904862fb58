"""Encodings: every way a Norwegian transcript reaches us must come out as the same æøå text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sdi.ingest import IngestError, read_transcript
from sdi.ingest.encoding import decode_bytes, repair_mojibake

from .util import read, turn_texts, write

SAMPLE = "Moderator: Hei på dere, blåbærsyltetøy?\nFB1: Ja, ÆØÅ æøå – «sånn».\n"
LATIN = "Moderator: Hei på dere, blåbærsyltetøy?\nFB1: Ja, ÆØÅ æøå.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("cp1252"), "cp1252"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_decode_norwegian_letters(tmp_path: Path, data: bytes, expected: str) -> None:
    parsed = read(write(tmp_path / "t.txt", data))
    assert parsed.encoding == expected
    assert turn_texts(parsed) == ["Hei på dere, blåbærsyltetøy?", "Ja, ÆØÅ æøå – «sånn»."]


def test_latin1_with_bytes_cp1252_cannot_decode(tmp_path: Path) -> None:
    data = LATIN.encode("latin-1") + b"FB1: rart tegn \x81 her\n"
    parsed = read(write(tmp_path / "t.txt", data))
    assert parsed.encoding == "latin-1"
    assert turn_texts(parsed)[:2] == ["Hei på dere, blåbærsyltetøy?", "Ja, ÆØÅ æøå."]


def test_mojibake_is_repaired_with_warning(tmp_path: Path) -> None:
    broken = "Moderator: Hvordan gikk det?\nFB1: Det gikk bra med Ærlig Øyvind på Åsen, æøå.\n"
    garbled = broken.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "Ã¦" in garbled.decode("utf-8") and "Ã˜" in garbled.decode("utf-8")
    parsed = read(write(tmp_path / "t.txt", garbled))
    assert turn_texts(parsed)[1] == "Det gikk bra med Ærlig Øyvind på Åsen, æøå."
    assert any("mis-decoded" in warning for warning in parsed.warnings)


def test_mojibake_repair_is_piecewise_and_handles_latin1_variant() -> None:
    text = "Ærlig og Ã¸kt, " + "Ø".encode().decode("latin-1") + " og Å".encode().decode("cp1252")
    repaired, count = repair_mojibake(text)
    assert repaired == "Ærlig og økt, Ø og Å"
    assert count == 3


def test_no_mojibake_repair_without_norwegian_evidence() -> None:
    assert repair_mojibake("Ã© alone is left") == ("Ã© alone is left", 0)


def test_double_encoded_mojibake() -> None:
    twice = "blåbær".encode().decode("cp1252").encode().decode("cp1252")
    assert repair_mojibake(twice)[0] == "blåbær"


def test_newlines_nfc_and_bom_are_normalised(tmp_path: Path) -> None:
    decomposed = "Moderator: a\u030a\r\nFB1: o\u0308\rFB2: \ufeffhei\n"
    text, _ = decode_bytes(tmp_path / "x.txt", decomposed.encode("utf-8"))
    assert text == "Moderator: å\nFB1: ö\nFB2: \ufeffhei\n"
    assert "\r" not in text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"Moderator: hei\x00\x00\x07\x01\x02 tull",
        b"\x1b\x02\x03\x04\x05\x06\x07\x0e\x0f\x10 Kari: hei",
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "bilde.txt", data)
    with pytest.raises(IngestError, match="binary file") as info:
        read_transcript(path)
    assert "bilde.txt" in str(info.value)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_empty_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "tom.md", data)
    with pytest.raises(IngestError, match="empty file") as info:
        read_transcript(path)
    assert "tom.md" in str(info.value)


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "stor.txt", "Kari: " + "bla " * 100)
    with pytest.raises(IngestError, match="too large") as info:
        read(path, max_bytes=100)
    assert "stor.txt" in str(info.value)


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "feil.txt", codecs.BOM_UTF16_LE + b"K\x00a\x00\x00\xdc")
    with pytest.raises(IngestError, match="utf-16") as info:
        read_transcript(path)
    assert "feil.txt" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not found") as info:
        read_transcript(tmp_path / "borte.txt")
    assert "borte.txt" in str(info.value)


def test_stray_control_characters_become_spaces(tmp_path: Path) -> None:
    text = "Moderator: hei\vpå\fdeg og " + "lang tekst " * 20
    parsed = read(write(tmp_path / "t.txt", text))
    assert parsed.text.startswith("hei på deg")


JAPANESE = (
    "司会者: 今日はお集まりいただきありがとうございます。\n参加者A: はい、連携がとても大事だと思います。\n"
)
RUSSIAN = "Ведущий: Спасибо, что пришли. Давайте поговорим о модели раннего вмешательства.\n"
KOREAN = "사회자: 오늘 와 주셔서 감사합니다. 조기 개입 모델에 대해 이야기합시다.\n"
CHINESE = "主持人：谢谢大家今天来参加。我们谈谈早期干预模式。\n"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (JAPANESE.encode("shift_jis"), "Shift-JIS"),
        ("司会者: はい".encode("shift_jis"), "Shift-JIS"),  # short: too few letters for a share, but ‚ and Ž
        (JAPANESE.encode("euc_jp"), "EUC-JP"),
        (KOREAN.encode("euc_kr"), "EUC-KR"),
        (CHINESE.encode("gb18030"), "GB18030"),
        ("主持人：謝謝大家今天來參加。我們談談早期干預模式。\n".encode("big5"), "Big5"),
        (RUSSIAN.encode("cp1251"), "Windows-1251"),
        (RUSSIAN.encode("koi8_r"), "KOI8-R"),
    ],
)
def test_other_scripts_are_refused_not_stored_as_mojibake(tmp_path: Path, data: bytes, named: str) -> None:
    # Neither UTF-8 nor UTF-16, these used to pass the Windows-1252 fallback as «Ži‰ïŽÒ: ‚Í‚¢».
    with pytest.raises(
        IngestError, match=f"unknown encoding: the text looks like {named}, not UTF-8"
    ) as info:
        read(write(tmp_path / "t.txt", data))
    assert info.value.message.in_language("nb").startswith("ukjent tegnkoding: teksten ser ut til å være")


def test_text_of_no_known_script_is_refused_as_an_unknown_encoding(tmp_path: Path) -> None:
    data = ("Συντονιστής: Ευχαριστώ που ήρθατε σήμερα. Ας μιλήσουμε για το μοντέλο.\n" * 3).encode("cp1253")
    with pytest.raises(IngestError, match=r"t\.txt: unknown encoding: the text is neither UTF-8"):
        read(write(tmp_path / "t.txt", data))


@pytest.mark.parametrize(
    "text",
    [
        "Ola: Øh, ærå på øya.\n",  # short and full of æøå
        "Kari: det kostet £5, 3 µg og ¤ … " + SAMPLE * 10,  # a few odd signs in plenty of Norwegian
        "Kari: Ærlig talt, Åse — «Øystein» sa «sånn»! Blåbærsyltetøy på brødskiva i Bærum.\n" * 30,
    ],
)
def test_norwegian_in_windows_1252_is_still_read(tmp_path: Path, text: str) -> None:
    parsed = read(write(tmp_path / "t.txt", text.encode("cp1252")))
    assert parsed.encoding == "cp1252"
    assert "ø" in "".join(turn_texts(parsed)).lower()
