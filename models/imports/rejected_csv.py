"""The rejected rows of an import as a CSV the user opens in Excel, fixes and imports again."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from models.core.files import csv_bytes, write_atomically
from models.imports.rows import Rejection

#: Says a message in the reader's language: (catalogue key, parameters) -> sentence.
Say = Callable[[str, Mapping[str, Any]], str]


def where(rejection: Rejection, say: Say) -> str:
    """ "Row 12 (line 14), column “Email”", as the report's lines start."""
    on_its_line = rejection.line is not None and rejection.line != rejection.row
    params = {"row": rejection.row, "line": rejection.line, "column": rejection.column}
    return say(_WHERE[on_its_line, bool(rejection.column)], params)


#: (a physical line other than the row number, a column) -> how the place is said.
_WHERE = {
    (False, False): "import.where.row",
    (True, False): "import.where.row_line",
    (False, True): "import.where.row_column",
    (True, True): "import.where.row_line_column",
}


def line(rejection: Rejection, say: Say) -> str:
    """ "Row 12, column “Email”: Email address “x” is not …"."""
    return f"{where(rejection, say)}: {say(rejection.key, rejection.params)}"


def lines(rejections: Sequence[Rejection], say: Say) -> list[str]:
    return [line(r, say) for r in rejections]


def by_reason(rejections: Sequence[Rejection]) -> list[tuple[int, Rejection]]:
    """The rejections grouped by reason and column, the most frequent first: (how many,
    the first of them: an example, since each row's message says its own value)."""
    groups: dict[tuple[str, str | None], tuple[int, Rejection]] = {}
    for r in rejections:
        count, first = groups.get((r.key, r.column), (0, r))
        groups[r.key, r.column] = (count + 1, first)
    return sorted(groups.values(), key=lambda group: (-group[0], group[1].row))


def write_rejections(
    path: Path, rejections: Sequence[Rejection], say: Say, headers: Sequence[str]
) -> None:
    """``headers``: row, line, column, value, reason in the reader's language. UTF-8
    with a byte-order mark: Excel reads it, and every character a row held survives; a
    value that would start a formula (``=HYPERLINK(…)`` in an email cell) is made text.
    Written whole or not at all."""
    rows = [
        [r.row, r.line or "", r.column or "", r.value or "", say(r.key, r.params)]
        for r in rejections
    ]
    write_atomically(path, csv_bytes(headers, rows))
