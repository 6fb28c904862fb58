"""The codebook reader under arbitrary input: a Codebook or one IngestError, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sdi.ingest.codebook import Codebook, read_codebook
from sdi.ingest.model import IngestError

HEADER = 'format = "sdi-codebook/1"\n'
PIECES = st.sampled_from([
    "[[groups]]\n", "[[codes]]\n", "[[codes.codings]]\n", "[groups.concept]\n", 'id = "a"\n', 'id = "b"\n',
    'statement = "Venter"\n', 'name = "Gruppe"\n', 'group = "a"\n', 'group = 3\n', "rest = true\n",
    'transcript = "corpus/x.md"\n', 'words = "ord"\n', 'key_quotes = [{ code = "b", transcript = "x" }]\n',
    "key_quotes = [1]\n", 'memo = """\nto linjer\n"""\n', "codings = 5\n", "id = 7\n", '"æøå" = "x"\n',
])  # fmt: skip


def read(data: bytes) -> Codebook | IngestError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bok.toml"
        path.write_bytes(data)
        try:
            return read_codebook(path)
        except IngestError as error:
            assert "bok.toml" in str(error)
            return error


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=10))
def test_structured_garbage(pieces: list[str]) -> None:
    read((HEADER + "".join(pieces)).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    read(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_text_after_the_header(text: str) -> None:
    read((HEADER + text).encode("utf-8", "surrogatepass"))


def test_wrong_shapes_are_clear_errors() -> None:
    skeleton = HEADER + '[[codes]]\nid = "a"\nstatement = "x"\n'
    for extra in ("codings = 5\n", 'codings = "x"\n', "group = 3\n", "description = 1\n"):
        assert isinstance(read((skeleton + extra).encode()), IngestError), extra
    concept = HEADER + '[[groups]]\nid = "g"\nname = "G"\n[groups.concept]\nid = "k"\nname = "K"\n'
    for extra in ("key_quotes = 5\n", "key_quotes = [1]\n", 'key_quotes = [{ code = "a" }]\n'):
        assert isinstance(read((concept + extra).encode()), IngestError), extra
