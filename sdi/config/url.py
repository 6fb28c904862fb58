"""The database URL of `sdi.toml` (or given to `sdi db copy`): `${NAME}` filled in from the environment, a
relative SQLite path taken from the project folder, and a password written out found (it is refused: sdi.toml
is shared). Read by `sdi.config` and the workflow's database service."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_ENV_ONLY = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}")
# The user part as SQLAlchemy's make_url reads it: a password runs from ':' to the first '@', '/' and all.
_USERINFO = re.compile(r"^[\w+]+://[^:/]*:(?P<password>[^@]*)@")
# Query parameters a driver takes a secret from (psycopg passes all to libpq); `passfile` is only a path.
_SECRET_PARAMETER = re.compile(r"pass(?!file$)|pwd|secret|token", re.IGNORECASE)


def expand_url(url: str, root: Path, unset: Callable[[str], Exception]) -> str:
    """A database URL as written (in `sdi.toml`, or given to `sdi db copy`) made usable: each `${NAME}`
    filled in from the environment — percent-quoted inside a URL, as it is when it is the whole value — and
    a relative `sqlite:///` path taken from `root`. `unset(name)` is the error raised for a missing one."""

    def value(match: re.Match[str]) -> str:
        found = os.environ.get(match.group(1))
        if found is None:
            raise unset(match.group(1))
        return found if url.strip() == match.group(0) else quote(found, safe="")

    url = _ENV_REFERENCE.sub(value, url)
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != prefix + ":memory:":
        return f"{prefix}{root / url[len(prefix) :]}"
    return url


def written_password(url: str) -> str | None:
    """Where `url` holds a password written out (not `${NAME}`) as SQLAlchemy would read it: "user part"
    (`user:password@`, any characters) or the query parameter (`?password=…`, `?sslpassword=…`, …)."""
    found = _USERINFO.match(url)
    if found and found.group("password") and not _ENV_ONLY.fullmatch(found.group("password")):
        return "user part"
    from urllib.parse import parse_qsl

    after = url[found.end() :] if found else url
    if "?" not in after:
        return None
    for key, value in parse_qsl(after.split("?", 1)[1], keep_blank_values=True):
        secret = bool(_SECRET_PARAMETER.search(key)) or "password=" in value.lower().replace(" ", "")
        if secret and value and not _ENV_ONLY.fullmatch(value):
            return f"?{key}="
    return None
