"""Reasons from outside sdi (the TOML parser, libxml2, the csv module, the operating system) are said in the
project's language inside sdi's own refusal, and stay the library's wording in English."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from sdi.config import ConfigError, load_config
from sdi.i18n import Notice
from sdi.i18n.outside import csv_reason, os_reason, toml_reason, xml_reason
from sdi.ingest.codebook_csv import read_codebook_csv
from sdi.ingest.model import IngestError

POSITION = re.compile(r"\s*\(at line \d+, column \d+\)")

# a TOML text for (nearly) every reason Python's parser gives, and what a Norwegian reader is told
TOML_CASES = [
    ("a = 1\na = 2\n", "en verdi kan ikke skrives over"),
    ('a = "x\\q"\n', "må skrives"),
    ("a = [1]\n[[a]]\n", "«a» er gitt som verdi"),
    ('a = "abc\n', "ulovlig tegn '\\n'"),
    ("a = {b = 1\n", "tabellen på linjen lukkes aldri"),
    ("a = [1, 2\n", "listen lukkes aldri"),
    ("a = @\n", "ugyldig verdi"),
    ("= 1\n", "ugyldig linje"),
    ('a = "\\uZZZZ"\n', "ugyldig heksadesimalt tall"),
    ("a = 1 b\n", "noe står etter verdien"),
    ('a = "x\x01"\n', "ulovlig tegn '\\x01'"),
    ("[[a]\n", "«]]» mangler"),
    ("[a\n", "«]» mangler på slutten av tabelloverskriften"),
    ("a 1\n", "«=» mangler etter nøkkelen"),
    ('a = "\\uD800"\n', "ikke et gyldig Unicode-tegn"),
    ("a = {b = 1, b = 2}\n", "nøkkelen «b» står to ganger i samme tabell"),
    ("a.b = 1\n[a]\nb = 2\n", "«a» står to ganger"),
    ("[x.y]\nz = 1\n[x.y]\n", "«x.y» står to ganger"),
    ("a = [1,", "ugyldig verdi (på slutten av filen)"),
]


@pytest.mark.parametrize(("text", "norwegian"), TOML_CASES)
def test_toml_parser_reasons_are_said_in_bokmål(text: str, norwegian: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    bare = POSITION.sub("", str(raised.value))
    reason = toml_reason(bare)
    assert isinstance(reason, Notice), bare
    assert norwegian in reason.in_language("nb")
    # in English, the parser's own words (a key written as the file has it, not as a Python tuple)
    assert reason.in_language("en").split(" ")[0] == bare.split(" ")[0]
    if "(" not in bare.replace("(at end of document)", ""):
        assert reason.in_language("en") == bare


def test_an_unknown_reason_passes_through_unchanged() -> None:
    assert toml_reason("Something new in a later Python") == "Something new in a later Python"
    assert not isinstance(toml_reason("Something new"), Notice)
    assert xml_reason("Brand new libxml2 message, line 3, column 4").in_language("nb") == (
        "Brand new libxml2 message, linje 3, kolonne 4"
    )


@pytest.mark.parametrize(
    ("document", "norwegian"),
    [
        (b"<a><b></a>", "<b> fra linje 1 lukkes med </a>, linje 1, kolonne"),
        (b"<a>", "filen slutter før <a> fra linje 1 er lukket"),
        (b"<a/><b/>", "noe står etter dokumentets siste element"),
        (b"<a>& b</a>", "en «&» uten navn"),
        (b'<a x="1" x="2"/>', "attributtet x står to ganger"),
        (b"<a>\x01</a>", "et kontrolltegn (kode 1) står i teksten"),
        (b"<1a/>", "ugyldig elementnavn"),
    ],
)
def test_libxml2_reasons_are_said_in_bokmål(document: bytes, norwegian: str) -> None:
    with pytest.raises(etree.XMLSyntaxError) as raised:
        etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    message = " ".join(str(raised.value.msg).split())
    reason = xml_reason(message)
    assert norwegian in Notice("ingest.docx.bad_xml", part="x", reason=reason).in_language("nb")
    assert str(reason) == message  # English: libxml2's own words


def test_operating_system_reasons(tmp_path: Path) -> None:
    with pytest.raises(OSError) as raised:
        (tmp_path / "borte.toml").read_bytes()
    reason = os_reason(raised.value)
    assert isinstance(reason, Notice)
    assert reason.in_language("nb") == "finnes ikke"
    assert reason.in_language("en") == raised.value.strerror
    assert os_reason(OSError(12345, "Strange error")) == "Strange error"


def test_a_csv_codebook_with_a_huge_field_is_refused_in_bokmål(tmp_path: Path) -> None:
    path = tmp_path / "koder.csv"
    path.write_text('name,group\n"' + "stafett " * 20_000 + '",Stafett\n', encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        read_codebook_csv(path)
    said = raised.value.in_language("nb")
    assert "koder.csv" in said and "et felt er større enn grensen (131072 tegn)" in said, said
    assert "field larger than field limit (131072)" in raised.value.in_language("en")
    assert csv_reason("line contains NUL").in_language("nb") == "linjen inneholder et NUL-tegn"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_broken_sdi_toml_is_said_in_the_language(tmp_path: Path, language: str) -> None:
    (tmp_path / "sdi.toml").write_text(
        f'[project]\ntitle = "Stafett"\nlanguage = "{language}"\n[nlp\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    said = raised.value.in_language(language)
    assert "sdi.toml" in said and ":4" in said, said
    if language == "nb":
        assert "ugyldig TOML: «]» mangler på slutten av tabelloverskriften" in said
        assert "Expected" not in said
    else:
        assert "invalid TOML: Expected ']' at the end of a table declaration" in said


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[project]\ntitle = "Stafett"\nlanguage = "en"\n[nlp\n', "sdi: error: "),
        ('[project]\nlanguage = "en"\ntitle = "x"\ntitle = "y"\n', "invalid TOML: Cannot overwrite a value"),
        ('[nlp]\nlanguage = "en"\n[project\n', "sdi: feil: "),  # not the project's language: bokmål
        ('[project]\ntitle = "Stafett"\n[nlp\n', "ugyldig TOML: «]» mangler"),
    ],
)
def test_a_sdi_toml_that_does_not_parse_is_refused_in_the_language_it_asks_for(
    tmp_path: Path, toml: str, expected: str
) -> None:
    import subprocess
    import sys

    (tmp_path / "sdi.toml").write_text(toml, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sdi.cli.main", "status"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert expected in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_zip_is_said_in_bokmål(tmp_path: Path) -> None:
    import zipfile
    import zlib

    from sdi.i18n.outside import archive_reason

    fake = tmp_path / "ikke.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(zipfile.BadZipFile) as raised:
        zipfile.ZipFile(fake)
    assert archive_reason(raised.value).in_language("nb") == "ikke en zip-fil"
    with pytest.raises(zlib.error) as inflating:
        zlib.decompress(b"not deflate data")
    assert archive_reason(inflating.value).in_language("nb") == "komprimerte data i arkivet er skadet"
    assert archive_reason(EOFError()).in_language("nb").startswith("zip-arkivet er avkortet")
    assert archive_reason(ValueError("something else")) == "ValueError: something else"
