"""sitroom's settings: one frozen object, read once and passed down explicitly.

Each setting comes from, in falling order of precedence: a command-line option, an environment
variable (``SITROOM_`` + the name in upper case, e.g. ``SITROOM_WORKERS=4``), the optional
``sitroom.toml`` (in the current directory, or the file ``SITROOM_CONFIG`` names; top-level keys
are the setting names) and the defaults below. A bad value is a `SettingsError` that names where
it came from. docs/settings.md lists every setting (tests/test_settings.py keeps it complete).
"""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from .errors import SitroomError

CONFIG_FILE = "sitroom.toml"
CONFIG_ENV = "SITROOM_CONFIG"
ENV_PREFIX = "SITROOM_"
ENGINES = ("local", "dask")
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


class SettingsError(SitroomError):
    """A setting has a bad value; the message names its source (option, variable or file)."""


def _whole(value: Any, least: int, most: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError
    number = int(value)
    if number < least or (most is not None and number > most):
        raise ValueError
    return number


def positive(value: Any) -> int:
    """A whole number >= 1."""
    return _whole(value, 1)


def tcp_port(value: Any) -> int:
    """A TCP port: a whole number from 1 to 65535."""
    return _whole(value, 1, 65535)


def optional_positive(value: Any) -> int | None:
    """A whole number >= 1, or empty for the default."""
    return None if value in ("", None) else positive(value)


def flag(value: Any) -> bool:
    """true/false (TOML), or 1/0, true/false, yes/no, on/off (environment)."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise ValueError


def text(value: Any) -> str:
    """Any non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError
    return value


def optional_text(value: Any) -> str | None:
    """Any text, or empty for none."""
    if value is not None and not isinstance(value, str):
        raise ValueError
    return value or None


def globs(value: Any) -> tuple[str, ...] | None:
    """Glob patterns: a list (TOML), or separated by commas (environment)."""
    if value in ("", None, ()):
        return None
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ValueError
    return tuple(i.strip() for i in items if i.strip()) or None


def optional_day(value: Any) -> date | None:
    """A date, YYYY-MM-DD, or empty for none."""
    if value in ("", None) or isinstance(value, date):
        return value or None
    if not isinstance(value, str):
        raise ValueError
    return date.fromisoformat(value.strip())


def host_names(value: Any) -> tuple[str, ...]:
    """Host names (NAME or NAME:PORT), comma-separated or a TOML list."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValueError
    names = tuple(str(item).strip() for item in items if str(item).strip())
    if any(re.search(r"[\s/@]", item) for item in names):
        raise ValueError
    return names


def engine_name(value: Any) -> str:
    """local or dask."""
    if value not in ENGINES:
        raise ValueError
    return str(value)


def _setting(default: Any, parse: Callable[[Any], Any], doc: str) -> Any:
    return field(default=default, metadata={"parse": parse, "doc": doc})


@dataclass(frozen=True)
class Settings:
    """Every user-facing setting of sitroom, with its default."""

    db: str = _setting("sitroom.duckdb", text, "DuckDB file the store commands use")
    workers: int | None = _setting(None, optional_positive,
                                   "extraction processes (default: one per CPU)")
    engine: str = _setting("local", engine_name, "local process pool or Dask")
    scheduler: str | None = _setting(None, optional_text,
                                     "Dask scheduler address, tcp://HOST:PORT (implies dask)")
    triage: bool = _setting(True, flag, "parse only sentences with an event word (ingest, run)")
    batch_size: int = _setting(64, positive, "articles per database transaction")
    max_file_bytes: int = _setting(20 * 1024 * 1024, positive,
                                   "largest article file, record or standard input read "
                                   "whole, in bytes (20 MB)")
    include: tuple[str, ...] | None = _setting(
        None, globs, "in folders, read only the files matching these globs (path below the "
        "folder or file name)")
    exclude: tuple[str, ...] | None = _setting(None, globs,
                                               "in folders, skip the files matching these globs")
    default_date: date | None = _setting(None, optional_day,
                                         "date of HTML pages and feed items that state none "
                                         "(default: such an item is an error)")
    host: str = _setting("127.0.0.1", text, "address `sitroom serve` listens on")
    port: int = _setting(8000, tcp_port, "port `sitroom serve` listens on")
    token: str | None = _setting(None, optional_text, "bearer token `sitroom serve` wants on "
                                 "writes; needed beyond loopback")
    read_only: bool = _setting(False, flag, "no writes at all (`sitroom serve`)")
    allow_host: tuple[str, ...] = _setting((), host_names, "more Host names `sitroom serve` "
                                           "answers to (NAME or NAME:PORT)")


NAMES = tuple(f.name for f in fields(Settings))


def env_name(name: str) -> str:
    """The environment variable of a setting: SITROOM_BATCH_SIZE for batch_size."""
    return ENV_PREFIX + name.upper()


def describe() -> list[tuple[str, str, Any, str]]:
    """(name, environment variable, default, meaning) for every setting, in order."""
    return [(f.name, env_name(f.name), None if f.default is MISSING else f.default,
             f.metadata["doc"]) for f in fields(Settings)]


def _parse(name: str, value: Any, where: str) -> Any:
    """The setting's value, or a SettingsError naming `where` it came from."""
    parse = Settings.__dataclass_fields__[name].metadata["parse"]
    try:
        return parse(value)
    except (ValueError, TypeError):
        expected = parse.__doc__[0].lower() + parse.__doc__[1:].rstrip(".")
        raise SettingsError(f"{where}: expected {expected}, got {value!r}") from None


def config_path(env: Mapping[str, str]) -> Path | None:
    """The sitroom.toml to read: the one SITROOM_CONFIG names, else ./sitroom.toml if present."""
    named = env.get(CONFIG_ENV)
    if named:
        if not Path(named).is_file():
            raise SettingsError(f"{CONFIG_ENV}: no such file {named!r}")
        return Path(named)
    here = Path(CONFIG_FILE)
    return here if here.is_file() else None


def from_toml(path: Path) -> dict[str, Any]:
    """The settings a sitroom.toml sets; unknown keys and bad values are errors naming it."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from None
    unknown = sorted(set(table) - set(NAMES))
    if unknown:
        raise SettingsError(f"{path}: unknown setting {unknown[0]!r} "
                            f"(known: {', '.join(NAMES)})")
    return {name: _parse(name, value, f"{path}: {name}") for name, value in table.items()}


def from_env(env: Mapping[str, str]) -> dict[str, Any]:
    """The settings SITROOM_* variables set (an empty variable sets nothing)."""
    return {name: _parse(name, env[env_name(name)], env_name(name)) for name in NAMES
            if env.get(env_name(name), "") != ""}


def load_settings(given: Mapping[str, Any] | None = None,
                  env: Mapping[str, str] | None = None) -> Settings:
    """Settings from command-line values (None: not given) over the environment over
    sitroom.toml over the defaults."""
    env = os.environ if env is None else env
    path = config_path(env)
    values = from_toml(path) if path else {}
    values.update(from_env(env))
    for name, value in (given or {}).items():
        if value is not None:
            values[name] = _parse(name, value, "--" + name.replace("_", "-"))
    return Settings(**values)
