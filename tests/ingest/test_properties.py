"""Property: whatever bytes or text arrive, a reader returns a consistent transcript or an IngestError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi.ingest import IngestError, read_transcript

from .util import check

SUFFIXES = st.sampled_from([".txt", ".md", ".vtt", ".srt"])
# Text biased towards the constructs the readers care about, so the interesting paths get exercised.
FRAGMENTS = st.sampled_from(
    [
        "Kari: ", "FB1: ", "Moderator:", "[Ola] ", "**Per:** ", "[00:12:30] ", "(ler)", "[utydelig]",
        "\n", "\n\n", "+++\n", "---\n", "# ", "WEBVTT\n\n", "00:00:01.000 --> 00:00:02.000\n",
        "1\n00:00:01,000 --> 00:00:02,000\n", "<v Anne>", "</v>", "title = \"x\"\n",
        "[[participants]]\nlabel = \"Kari\"\n", "æøå ÆØÅ ", "Ã¸", "\r\n", "\t",
        "\ufeff", "\x00", "Det er sånn: ", ":", "[", "(", "<", "&amp;",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=30).map("".join)
SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def _attempt(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t{suffix}"
        path.write_bytes(data)
        try:
            parsed = read_transcript(path)
        except IngestError as error:
            assert path.name in str(error)
            return
        check(parsed)


@SETTINGS
@given(text=TEXT, suffix=SUFFIXES, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_arbitrary_text(text: str, suffix: str, encoding: str) -> None:
    _attempt(text.encode(encoding, errors="replace"), suffix)


@SETTINGS
@given(data=st.binary(max_size=300), suffix=SUFFIXES)
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _attempt(data, suffix)
