"""A read-only str → str table packed into one bytes object: an open-addressing hash (CRC-32 of the UTF-8
key, linear probing) over a blob of `key\\0value\\0` entries.

Why: unpickling the 590,000-form lemma dict made half a million Python strings on every start (0.2 s,
+73 MB). Reading this file is one `read()` of ~20 MB; a lookup costs a microsecond or two, and the
lemmatiser memoises per distinct word, so import throughput hardly notices. An empty value means "the
value is the key" (most forms are their own lemma), so a set is a table of empty values."""

from __future__ import annotations

import mmap
import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

MAGIC = b"SDIPACK1"
_HEADER = struct.Struct("<8sII")  # magic, number of entries, number of slots (a power of two)


def pack(items: Iterable[tuple[str, str]]) -> bytes:
    """The packed form of `items` (keys unique, no NUL in keys or values)."""
    entries = bytearray()
    offsets: list[tuple[int, int]] = []  # (crc, offset of the entry)
    for key, value in items:
        raw = key.encode()
        offsets.append((zlib.crc32(raw), len(entries)))
        entries += raw + b"\0" + (b"" if value == key else value.encode()) + b"\0"
    size = 1
    while size < 3 * max(1, len(offsets)):
        size *= 2
    slots = [0] * size
    mask = size - 1
    for crc, offset in offsets:
        slot = crc & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = offset + 1  # 0 marks an empty slot
    return _HEADER.pack(MAGIC, len(offsets), size) + struct.pack(f"<{size}I", *slots) + bytes(entries)


class PackedTable(Mapping[str, str]):
    """The table `pack` wrote, read from its bytes without unpacking (see the module docstring)."""

    __slots__ = ("_base", "_blob", "_count", "_mask", "_slots")

    def __init__(self, blob: bytes | mmap.mmap, offset: int = 0) -> None:
        """`blob` holds the table at `offset` (bytes, or a file mapped by `mapped`: then only the pages a
        lookup touches are read, and a start does not copy 20 MB)."""
        magic, count, size = _HEADER.unpack_from(blob, offset)
        slots = offset + _HEADER.size
        if magic != MAGIC or size & (size - 1) or len(blob) < slots + 4 * size:
            raise ValueError("not a packed table")  # not shown: pos_readings catches it (no tagged readings)
        self._blob = blob
        self._count: int = count
        self._mask: int = size - 1
        self._slots = memoryview(blob)[slots : slots + 4 * size].cast("I")
        self._base: int = slots + 4 * size

    def _find(self, key: str) -> int:
        """Offset of `key`'s value in the blob, or -1."""
        raw = key.encode() + b"\0"
        blob, slots, mask, base = self._blob, self._slots, self._mask, self._base
        slot = zlib.crc32(raw[:-1]) & mask
        while True:
            entry: int = slots[slot]
            if not entry:
                return -1
            start = base + entry - 1
            if blob[start : start + len(raw)] == raw:
                return start + len(raw)
            slot = (slot + 1) & mask

    def get(self, key: str, default: Any = None) -> Any:
        found = self._find(key)
        if found < 0:
            return default
        end = self._blob.find(b"\0", found)
        return self._blob[found:end].decode() if end > found else key

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return str(value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        blob, position = self._blob, self._base
        for _ in range(self._count):
            end = blob.find(b"\0", position)
            yield blob[position:end].decode()
            position = blob.find(b"\0", end + 1) + 1

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        if isinstance(other, (set, frozenset)):
            return set(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def mapped(path: Path) -> mmap.mmap:
    """The file at `path` mapped read-only (raises OSError, or ValueError for an empty file)."""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
