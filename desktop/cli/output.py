"""What commands print: JSON, and text lines in terminal columns (full-width counts 2)."""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import asdict, fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate

#: The translation context of what commands print.
CTX = "Cli"
#: One cell of a text line: a text printed as it is, or (text, columns) padded or cut.
Cell = str | tuple[str, int]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, frozenset | set | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def record(row: Any) -> dict[str, Any]:
    """A flat dataclass as a dict (``asdict`` would deep-copy every value)."""
    return {f.name: getattr(row, f.name) for f in fields(row)}


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """The terminal columns ``text`` takes (full-width characters count 2)."""
    return sum(_columns(ch) for ch in text)


def cell(text: str, columns: int) -> str:
    """Pad or cut ``text`` to ``columns`` terminal columns."""
    out, used = [], 0
    for ch in text:
        w = _columns(ch)
        if used + w > columns:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (columns - used)


def line(*cells: Cell) -> str:
    """One text line: its cells two spaces apart."""
    return "  ".join(c if isinstance(c, str) else cell(*c) for c in cells).rstrip()


def say(template: str, *values: object) -> str:
    """One of the commands' sentences (marked ``QT_TRANSLATE_NOOP("Cli", ...)``) in the
    user's language, its ``%1``…``%n`` filled with ``values``."""
    return fill(translate(CTX, template), *values)


def print_lead(lead_in: str, lead_id: int, name: str, company: str, *rest: Cell) -> None:
    """One lead in a listing, every listing the same shape.

    ``lead_in`` is what the listing orders by (priority and score, a callback's time),
    then come the lead's id, name and company, then the listing's own cells.
    """
    print(line(lead_in, (str(lead_id), 7), (name, 18), (company, 30), *rest))


#: Where a command's output went when it was printed instead of written to a file.
STDOUT = QT_TRANSLATE_NOOP("Cli", "standard output")


def write_output(output: str, data: bytes) -> str:
    """``data`` to the file ``output`` (whole or not at all), or to stdout for ``-``;
    where it went, in words."""
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return say(STDOUT)
    from models.core.files import write_atomically  # only when writing

    write_atomically(Path(output), data)
    return output


def tell(output: str, text: str) -> None:
    """What was written: on stdout, unless the file itself went there."""
    print(text, file=sys.stderr if output == "-" else sys.stdout)
