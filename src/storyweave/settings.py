"""One typed ``Settings`` object: defaults < config file < environment < explicit overrides (CLI flags)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError

ENV_PREFIX = "STORYWEAVE_"


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _flag(value: Any) -> bool:
    """A yes/no setting from TOML (a boolean) or the environment ("true", "0", …); bool("false") is True."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE + _FALSE:
        return text in _TRUE
    raise ValueError(value)


@dataclass(frozen=True)
class Settings:
    #: files larger than this (after gzip decompression too) are rejected, not read; in a web archive, records
    max_bytes: int = 10_000_000
    #: articles written to the store per transaction; a killed run loses at most one batch of work
    batch_size: int = 200
    #: ingest worker processes; 1 reads in this process (parsing HTML is what profits from more)
    workers: int = 1
    #: below this many letters a body is too short to identify its language: 'und'
    language_min_chars: int = 20
    #: below this probability (py3langid, normalised) the language is 'und'
    language_min_confidence: float = 0.5
    #: lines longer than this are body text and never treated as boilerplate or metadata
    boilerplate_max_line_chars: int = 160
    #: in a folder (or under a glob's fixed part), follow links that lead out of it; off, they are rejected,
    #: since a folder from elsewhere can link to any file of this machine
    follow_links: bool = False
    #: the knowledge base file; empty for the one shipped with storyweave
    kb_path: str = ""
    #: your own entities to add to the KB: CSV or JSONL files, separated by commas (see README, Entities)
    kb_extra: str = ""

    @classmethod
    def load(cls, config: str | Path | None = None, env: dict[str, str] | None = None,
             **overrides: Any) -> Settings:
        """Build settings from a TOML file (``[storyweave]`` table or top level), env and overrides."""
        settings = cls()
        if config is not None:
            path = Path(config)
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise InputError(f"cannot read config {path}: {exc}") from exc
            settings = settings.merged(data.get("storyweave", data), origin=str(path))
        env = os.environ if env is None else env
        from_env = {f.name: env[ENV_PREFIX + f.name.upper()] for f in fields(cls)
                    if ENV_PREFIX + f.name.upper() in env}
        settings = settings.merged(from_env, origin="environment")
        return settings.merged({k: v for k, v in overrides.items() if v is not None}, origin="options")

    def merged(self, values: dict[str, Any], origin: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                raise InputError(f"unknown setting {key!r} in {origin}")
            default = getattr(self, key)
            try:
                changes[key] = _flag(value) if isinstance(default, bool) else type(default)(value)
            except (TypeError, ValueError) as exc:
                raise InputError(f"setting {key!r} in {origin}: {value!r} is not a {type(default).__name__}") from exc
        result = replace(self, **changes)
        result.validate()
        return result

    def validate(self) -> None:
        if self.max_bytes <= 0:
            raise InputError("max_bytes must be positive")
        if self.batch_size <= 0:
            raise InputError("batch_size must be positive")
        if self.workers <= 0:
            raise InputError("workers must be positive")
        for path in [self.kb_path, *self.kb_extra.split(",")]:
            if path.strip() and not Path(path.strip()).is_file():
                raise InputError(f"knowledge-base file not found: {path.strip()}")
