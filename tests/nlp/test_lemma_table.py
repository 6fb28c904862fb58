"""The lemma cache: built once, read afterwards, rebuilt when anything it depends on changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp import lemma_table
from sdi.nlp.lemma_table import FORMAT_VERSION, LemmaTable, cache_file, choose, read_or_build


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts builds; each returns a tiny table so these tests stay fast."""
    calls: list[int] = []

    def fake_build() -> LemmaTable:
        calls.append(1)
        return LemmaTable({"saken": "sak", "sak": "sak"}, frozenset({"sak"}))

    monkeypatch.setattr(lemma_table, "build_table", fake_build)
    return calls


def test_second_load_reads_the_file(tmp_path: Path, builds: list[int]) -> None:
    first = read_or_build(tmp_path)
    second = read_or_build(tmp_path)
    assert (first.source, second.source) == ("built", "cache")
    assert builds == [1]
    assert second.lemmas == first.lemmas and second.nouns == first.nouns
    assert [p.name for p in tmp_path.iterdir()] == [cache_file(tmp_path).name]  # no temp files left


def test_a_new_format_version_rebuilds(tmp_path: Path, builds: list[int]) -> None:
    read_or_build(tmp_path)
    rebuilt = read_or_build(tmp_path, format_version=FORMAT_VERSION + 1)
    assert rebuilt.source == "built" and builds == [1, 1]
    assert cache_file(tmp_path, FORMAT_VERSION + 1).is_file()


def test_file_name_names_data_version_and_format(tmp_path: Path) -> None:
    name = cache_file(tmp_path).name
    assert lemma_table.data_version() in name and f"-f{FORMAT_VERSION}-" in name


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, builds: list[int]) -> None:
    cache_file(tmp_path).write_bytes(b"not a pickle")
    assert read_or_build(tmp_path).source == "built"
    assert read_or_build(tmp_path).source == "cache"


def test_an_unwritable_cache_still_gives_a_table(tmp_path: Path, builds: list[int]) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert read_or_build(blocked / "sdi").get("saken") == "sak"


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lemma_table.default_cache_dir() == tmp_path / "sdi"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert lemma_table.default_cache_dir() == Path.home() / ".cache" / "sdi"


def test_real_table_round_trips_through_the_cache(lemma_cache: Path, table: LemmaTable) -> None:
    again = read_or_build(lemma_cache)
    assert again.source == "cache" and len(again) == len(table) > 500_000
    assert again.get("barnehagene") == "barnehage"


def test_preference_rule() -> None:
    rank = {"sak": 0}
    assert choose("saken", {"sake": {"noun": 1.0}, "sak": {"noun": 0.5}}, rank) == "sak"
    assert choose("tegner", {"tegner": {"noun": 1.0}, "tegne": {"verb": 1.0}}, {}) == "tegne"
    assert choose("svar", {"svar": {"noun": 1.0}, "sva": {"verb": 1.0}}, {}) == "svar"
    assert choose("jobb", {"jobb": {"noun": 1.0}, "jobbe": {"verb": 1.0}}, {}) == "jobb"
