"""The interview guide (`[analysis] guide` in `sdi.toml`): its text, read when the code assistant asks."""

from __future__ import annotations

from sdi.config import Config, ConfigError, locate
from sdi.i18n import Notice
from sdi.i18n.outside import os_reason


def read_guide(config: Config) -> str:
    """The interview guide's text ("" when none is configured); a guide that cannot be read is a
    `ConfigError` at the `analysis.guide` line of `sdi.toml`."""
    if not config.guide:
        return ""
    path = config.root / config.guide

    def line() -> int | None:
        try:
            return locate(config.path.read_text(encoding="utf-8-sig"), "analysis", "guide")
        except OSError:
            return None

    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(config.path, Notice("config.guide_missing", path=path), line()) from None
    except UnicodeDecodeError:
        raise ConfigError(config.path, Notice("config.guide_not_utf8", path=path), line()) from None
    except OSError as exc:
        raise ConfigError(
            config.path, Notice("config.guide_unreadable", path=path, reason=os_reason(exc)), line()
        ) from None
