"""The README's settings table lists every setting server/config.py reads, with its default."""

import re
from pathlib import Path
from typing import Any

from server.config import Settings, env_name

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (`[A-Z0-9_]+`(?: / `[A-Z0-9_]+`)*) \| ([^|]*) \|", re.M)


def documented() -> dict[str, str | None]:
    """Each documented variable with its default as written (None: not a literal)."""
    table = (ROOT / "README.md").read_text("utf-8").split("## Settings", 1)[1].split("\n## ")[0]
    found: dict[str, str | None] = {}
    for names, defaults in ROW.findall(table):
        values = [v.strip() for v in defaults.split(" / ")]
        for i, name in enumerate(n.strip("`") for n in names.split(" / ")):
            value = values[i] if len(values) == len(names.split(" / ")) else None
            literal = re.match(r"`([^`]*)`", value or "")
            found[name] = literal[1] if literal else None
    return found


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Path):
        return str(value.relative_to(ROOT)) if value.is_relative_to(ROOT) else str(value)
    return str(value)


def test_every_setting_is_in_the_readme_and_nothing_else_is() -> None:
    assert sorted(documented()) == sorted(env_name(field) for field in Settings.model_fields)


def field(name: str) -> str:
    return name.removeprefix("PEERGRAPH_").lower()


def test_each_documented_default_is_the_code_s() -> None:
    wrong = {
        name: (default, shown(Settings.model_fields[field(name)].default))
        for name, default in documented().items()
        if default is not None and default != shown(Settings.model_fields[field(name)].default)
    }
    assert wrong == {}
