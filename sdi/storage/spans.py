"""Spans (sentences, entities) as stored: compact text, a few bytes a span, not JSON — storage must stay
under 3× the plain text of a large study. Plain Python: the `Spans` column type of the models and the lean
read paths (`sdi.storage.lean`) decode the same text."""

from __future__ import annotations

import json
from typing import Any


def encode_spans(spans: list[list[Any]]) -> str:
    """[[start, end, *labels], …] (sorted, offsets ≥ 0) as "gap,length[,label] …": each start counted from
    the previous end. JSON when a label holds a separator or the spans are not in order."""
    parts = []
    previous = 0
    for start, end, *labels in spans:
        if start < previous or end < start or any(not isinstance(x, str) or not x or set(x) & {",", " "}
                                                  for x in labels):  # fmt: skip
            return json.dumps(spans, separators=(",", ":"), ensure_ascii=False)
        parts.append(",".join([str(start - previous), str(end - start), *labels]))
        previous = end
    return " ".join(parts)


def decode_spans(value: str) -> list[list[Any]]:
    if not value:
        return []
    if value.startswith("["):
        spans_of_json: list[list[Any]] = json.loads(value)
        return spans_of_json
    spans: list[list[Any]] = []
    previous = 0
    for part in value.split(" "):
        gap, length, *labels = part.split(",")
        start = previous + int(gap)
        previous = start + int(length)
        spans.append([start, previous, *labels])
    return spans
