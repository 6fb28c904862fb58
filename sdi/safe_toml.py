"""TOML read with bounded work: `loads` refuses arrays and inline tables nested deeper than `MAX_DEPTH`,
and dotted keys of more parts, before Python's parser recurses into them (thousands of `[` end in a
RecursionError; twenty thousand `a.a.a…` take it a quarter of a minute), and turns a number too long for
Python to read (a ValueError) into a parse error.

Every refusal is a `tomllib.TOMLDecodeError` worded like the parser's own — "… (at line N, column M)" — so
each reader that already turns a TOML error into one line naming the file and line (`sdi.toml`, the
pseudonym key, front matter and sidecars, codebooks, decisions and review files) does the same for these.
Stdlib only, like `sdi.config`; read by every room."""

from __future__ import annotations

import re
import tomllib
from typing import Any

MAX_DEPTH = 32  # sdi's own files nest three deep at most
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:\\.|[^"\\\n])*"|'[^'\n]*')"""
_TOKEN = re.compile(
    rf"(?P<key>{_PART}(?:[ \t]*\.[ \t]*{_PART}){{{MAX_DEPTH},}})"  # a dotted key of too many parts
    r'|(?P<text>"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*)'
    r"|(?P<open>[\[{])|(?P<close>[\]}])",
    re.S,
)
_LONG_NUMBER = re.compile(r"\d{4000,}")


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, after checking the nesting depth; every problem a TOMLDecodeError."""
    check_depth(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except ValueError as exc:  # a number of thousands of digits: Python refuses to convert it
        found = _LONG_NUMBER.search(text)
        where = found.start() if found else 0
        reason = "a number too long to read" if found else str(exc)
        raise _error(reason, text, where) from None


_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


def problem(error: tomllib.TOMLDecodeError) -> tuple[str, int | None]:
    """The parser's reason without its "(at line N, column M)", and that line (None when it gives none, as
    for "(at end of document)")."""
    message = str(error)
    position = _POSITION.search(message)
    if position is None:
        return message, None
    return message[: position.start()] + message[position.end() :], int(position.group(1))


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    """Raise a TOMLDecodeError at the first bracket or brace (outside strings and comments) that opens
    level `limit + 1`, or at a dotted key of more than `limit` parts."""
    if text.count("[") + text.count("{") <= limit and text.count(".") < limit:
        return
    depth = 0
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "open":
            depth += 1
            if depth > limit:
                raise _error(f"nested deeper than {limit} levels", text, token.start())
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "key":
            raise _error(f"a dotted key of more than {limit} parts", text, token.start())


def _error(reason: str, text: str, at: int) -> tomllib.TOMLDecodeError:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    # not shown: the position is tomllib's own wording, which every reader replaces with the file's line
    return tomllib.TOMLDecodeError(f"{reason} (at line {line}, column {column})")
