"""The public entry point: dispatch by suffix and refusal of anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.ingest import SUPPORTED_SUFFIXES, IngestError, IngestOptions, read_transcript

from .util import check, write


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".docx", ".vtt", ".srt"}


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.TXT", "text"), ("a.Markdown", "markdown"), ("a.md", "markdown")]
)
def test_suffix_dispatch_is_case_insensitive(tmp_path: Path, name: str, fmt: str) -> None:
    parsed = read_transcript(write(tmp_path / name, "Kari: hei\n"))
    check(parsed)
    assert parsed.format == fmt and parsed.source == tmp_path / name


def test_accepts_str_path_and_explicit_options(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Kari: hei\n")
    assert read_transcript(str(path), IngestOptions()).turns[0].speaker == "Kari"


@pytest.mark.parametrize("name", ["notat.pdf", "uten_endelse", "gammel.doc"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "Kari: hei\n")
    with pytest.raises(IngestError, match="unsupported file type") as info:
        read_transcript(path)
    assert name in str(info.value)


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mappe.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match="not a regular file"):
        read_transcript(folder)
