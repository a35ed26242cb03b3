"""Reading hand-written YAML files: a syntax error becomes one line naming the file and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from clusterdocs.errors import SourceError


def read_yaml(path: Path, name: str) -> Any:
    """Parse `path`; `name` is how errors refer to it (e.g. `seeds/000_….yml`)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(name, "", f"cannot read the file ({err})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        place = f"line {mark.line + 1}" if mark else ""
        raise SourceError(
            name, place, f"invalid YAML ({getattr(err, 'problem', None) or 'syntax error'})"
        ) from None
