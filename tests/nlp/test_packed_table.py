"""The packed lemma table answers exactly as the dict it was packed from, and refuses a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.packed_table import PackedTable, mapped, pack

ITEMS = {"saken": "sak", "sak": "sak", "barnehagene": "barnehage", "fôr": "fôr", "for": "for", "år": "år",
         "Per": "Per", "gikk": "gå", "": "tom"}  # fmt: skip


def test_every_key_its_value_and_nothing_else() -> None:
    table = PackedTable(pack(ITEMS.items()))
    assert len(table) == len(ITEMS)
    assert all(table.get(k) == v and k in table for k, v in ITEMS.items())
    assert table.get("fo") is None and "sake" not in table and table.get("ar", "-") == "-"
    assert table == ITEMS and dict(table) == ITEMS and sorted(table) == sorted(ITEMS)
    with pytest.raises(KeyError):
        table["barnehagen"]


def test_many_keys_with_probing() -> None:
    items = {f"ord{i}": f"lemma{i % 7}" if i % 3 else f"ord{i}" for i in range(5000)}
    table = PackedTable(pack(items.items()))
    assert all(table[k] == v for k, v in items.items())
    assert not any(f"ord{i}" in table for i in range(5000, 6000))


def test_a_set_is_a_table_of_empty_values() -> None:
    nouns = PackedTable(pack((n, n) for n in ["sak", "barnehage", "stafettlogg"]))
    assert "sak" in nouns and "saker" not in nouns and nouns == frozenset({"sak", "barnehage", "stafettlogg"})


def test_a_damaged_blob_is_refused() -> None:
    with pytest.raises(ValueError):
        PackedTable(b"SDIPACK0" + bytes(16))
    with pytest.raises(ValueError):
        PackedTable(pack(ITEMS.items())[:20])


def test_two_tables_mapped_from_one_file_answer_as_packed(tmp_path: Path) -> None:
    first, second = pack(ITEMS.items()), pack((n, n) for n in ["sak", "barnehage"])
    path = tmp_path / "tables"
    path.write_bytes(b"12345678" + first + second)
    blob = mapped(path)
    lemmas, nouns = PackedTable(blob, 8), PackedTable(blob, 8 + len(first))
    assert lemmas == ITEMS and lemmas.get("saken") == "sak" and lemmas.get("sake") is None
    assert nouns == frozenset({"sak", "barnehage"}) and "saker" not in nouns
    (tmp_path / "empty").write_bytes(b"")
    with pytest.raises(ValueError):
        mapped(tmp_path / "empty")
