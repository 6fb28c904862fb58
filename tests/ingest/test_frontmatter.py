"""Front matter and sidecar metadata, and the line numbers in their error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sdi.ingest import IngestError, ParticipantInfo, read_transcript

from .util import read, speakers, turn_texts, write

DEMO = '''+++
title = "Fokusgruppe barnehage, Fjordvik – runde 1"
group = "Barnehage Fjordvik"
site = "Fjordvik"
category = "Barnehage"
stage = 1
date = 2025-02-12
summary = """
Personalet venter ofte lenge før de tar kontakt med foreldre.
"""

[[participants]]
label = "Moderator"
role = "Moderator"
moderator = true

[[participants]]
label = "FB1"
role = "Pedagogisk leder"
service = "Barnehage"
attributes = { erfaring = "14 år", kjønn = "kvinne", barn = 2, fast = true }
+++

# Fokusgruppe barnehage, Fjordvik – runde 1

Moderator: Velkommen hit alle sammen. Kan dere begynne med å si litt om
hvordan dere merker at dere blir bekymret for et barn?

FB1: Ja, eh, for meg er det ofte sånn magefølelse først (ler). Men jeg venter
med å ringe hjem til jeg er helt sikker, altså.

Og så snakker jeg med Gunn Elin på helsestasjonen [utydelig].
'''


def body(front: str, text: str = "Kari: hei\n") -> str:
    return f"+++\n{front}+++\n{text}"


def error_for(tmp_path: Path, content: str, name: str = "t.md") -> IngestError:
    path = write(tmp_path / name, content)
    with pytest.raises(IngestError) as info:
        read_transcript(path)
    assert name in str(info.value)
    return info.value


def test_demo_markdown(tmp_path: Path) -> None:
    parsed = read(write(tmp_path / "fjordvik.md", DEMO))
    meta = parsed.meta
    assert parsed.format == "markdown"
    assert meta.title == "Fokusgruppe barnehage, Fjordvik – runde 1"
    assert (meta.group, meta.site, meta.category, meta.stage) == (
        "Barnehage Fjordvik",
        "Fjordvik",
        "Barnehage",
        1,
    )
    assert meta.date == dt.date(2025, 2, 12)
    assert meta.summary == "Personalet venter ofte lenge før de tar kontakt med foreldre."
    moderator, fb1 = meta.participants
    assert moderator == ParticipantInfo("Moderator", "Moderator", role="Moderator", is_moderator=True)
    assert fb1.attributes == {"erfaring": "14 år", "kjønn": "kvinne", "barn": "2", "fast": "true"}
    assert (fb1.role, fb1.service, fb1.pseudonym) == ("Pedagogisk leder", "Barnehage", "FB1")
    assert speakers(parsed) == ["Moderator", "FB1"]
    assert [turn.line for turn in parsed.turns] == [26, 29]
    assert [turn.is_moderator for turn in parsed.turns] == [True, False]
    assert turn_texts(parsed)[1].endswith(
        "helt sikker, altså.\nOg så snakker jeg med Gunn Elin på helsestasjonen [utydelig]."
    )
    assert parsed.warnings == ()


def test_txt_without_front_matter_has_format_text(tmp_path: Path) -> None:
    parsed = read(write(tmp_path / "t.txt", "Kari: hei\n"))
    assert parsed.format == "text"
    assert parsed.meta.participants == (ParticipantInfo("Kari", "Kari"),)


def test_date_as_string_and_datetime(tmp_path: Path) -> None:
    assert read(write(tmp_path / "a.md", body('date = "2024-11-03"\n'))).meta.date == dt.date(2024, 11, 3)
    assert read(write(tmp_path / "b.md", body("date = 2024-11-03T10:00:00\n"))).meta.date == dt.date(
        2024, 11, 3
    )


def test_bad_toml_reports_file_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, body('title = "ok"\ngroup = "x"\nstage = = 2\n'))
    assert error.line == 4
    assert "t.md:4" in str(error) and "invalid TOML" in str(error)


def test_bad_toml_after_leading_blank_lines(tmp_path: Path) -> None:
    error = error_for(tmp_path, "\n\n" + body('title = "ok\n'))
    assert error.line == 4


def test_unknown_key_reports_its_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, body('title = "x"\n\ntittel = "y"\n'))
    assert error.line == 4
    assert "unknown key 'tittel'" in str(error)


def test_unknown_participant_key_reports_its_line(tmp_path: Path) -> None:
    front = '[[participants]]\nlabel = "A"\n\n[[participants]]\nlabel = "B"\nrolle = "x"\n'
    error = error_for(tmp_path, body(front))
    assert error.line == 7
    assert "participant 2" in str(error) and "rolle" in str(error)


@pytest.mark.parametrize(
    ("front", "line", "fragment"),
    [
        ("title = 3\n", 2, "'title' must be a string"),
        ('stage = "1"\n', 2, "'stage'"),
        ("stage = 0\n", 2, "'stage'"),
        ("stage = true\n", 2, "'stage'"),
        ('title = "x"\ndate = "12.02.2025"\n', 3, "'date'"),
        ('participants = "Kari"\n', 2, "participants"),
        ('[[participants]]\nrole = "x"\n', 2, "no 'label'"),
        ('[[participants]]\nlabel = "A"\nmoderator = "ja"\n', 4, "'moderator'"),
        ('[[participants]]\nlabel = "A"\nattributes = { a = [1] }\n', 4, "attribute 'a'"),
        ('[[participants]]\nlabel = "A"\n[[participants]]\nlabel = "A"\n', 4, "twice"),
    ],
)
def test_wrong_types_report_lines(tmp_path: Path, front: str, line: int, fragment: str) -> None:
    error = error_for(tmp_path, body(front))
    assert error.line == line
    assert fragment in str(error)
    assert f"t.md:{line}" in str(error)


def test_unterminated_front_matter(tmp_path: Path) -> None:
    error = error_for(tmp_path, '\n+++\ntitle = "x"\nKari: hei\n')
    assert error.line == 2 and "unterminated" in str(error)


def test_yaml_front_matter_is_refused_with_hint(tmp_path: Path) -> None:
    error = error_for(tmp_path, "---\ntitle: x\n---\nKari: hei\n")
    assert error.line == 1 and "+++" in str(error)


def test_sidecar_metadata(tmp_path: Path) -> None:
    write(tmp_path / "intervju.toml", 'title = "Fra sidecar"\nstage = 2\n[[participants]]\nlabel = "Kari"\n')
    parsed = read(write(tmp_path / "intervju.txt", "Kari: hei\n"))
    assert parsed.meta.title == "Fra sidecar" and parsed.meta.stage == 2
    assert parsed.warnings == ()


def test_front_matter_wins_over_sidecar_key_by_key(tmp_path: Path) -> None:
    write(tmp_path / "t.toml", 'title = "Sidecar"\nsite = "Fjordvik"\n')
    parsed = read(write(tmp_path / "t.md", body('title = "Front"\n')))
    assert (parsed.meta.title, parsed.meta.site) == ("Front", "Fjordvik")


def test_sidecar_errors_name_the_sidecar(tmp_path: Path) -> None:
    write(tmp_path / "t.toml", 'title = "x"\nsted = "y"\n')
    path = write(tmp_path / "t.txt", "Kari: hei\n")
    with pytest.raises(IngestError) as info:
        read_transcript(path)
    assert "t.toml:2" in str(info.value) and "sidecar" in str(info.value)


def test_unicode_keys_inside_strings_are_left_alone(tmp_path: Path) -> None:
    front = 'summary = "kjønn = x, {ø = y}"\n[[participants]]\nlabel = "A"\nattributes = { kjønn = "k" }\n'
    parsed = read(write(tmp_path / "t.md", body(front, "A: hei\n")))
    assert parsed.meta.summary == "kjønn = x, {ø = y}"
    assert parsed.meta.participants[0].attributes == {"kjønn": "k"}


def test_unicode_keys_inside_multiline_strings_and_comments(tmp_path: Path) -> None:
    front = 'summary = """\nkjønn = x\n"""  # kjønn = kommentar\n[[participants]]\nlabel = "A"\n'
    front += "[participants.attributes]\nkjønn = 'k'\nalder = 40\n"
    parsed = read(write(tmp_path / "t.md", body(front, "A: hei\n")))
    assert parsed.meta.summary == "kjønn = x"
    assert parsed.meta.participants[0].attributes == {"kjønn": "k", "alder": "40"}
