"""An export as rows of cells: CSV (any line ends, quoted line breaks) or an XLSX sheet.

Every row carries where it came from: its row number as a spreadsheet counts it (the
first line is row 1) and, for text files, the physical line it starts on (a quoted line
break makes the two differ). Cells are text; an XLSX date is written as ISO text and a
whole number without ``.0``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final, NamedTuple

from models.core.errors import InvalidInput
from models.imports.decoding import decode

#: Rows read before the header is looked for (BowNow's export starts with its search).
HEAD_ROWS: Final = 20
_XLSX_MAGIC: Final = b"PK\x03\x04"
#: CSV fields longer than this are refused by the reader (a runaway quote): the file says
#: where, instead of one field swallowing the rest of it.
_FIELD_LIMIT: Final = 1_000_000


class SourceRow(NamedTuple):
    """One row of the file as read (a tuple: a million of them are made in an import)."""

    #: The row as a spreadsheet numbers it (the file's first row is 1).
    number: int
    #: The physical line of a text file the row starts on (None in a spreadsheet).
    line: int | None
    cells: list[str]


@dataclass
class Table:
    """An opened export: its encoding (text files), sheet (XLSX) and rows."""

    file: str
    encoding: str | None
    sheet: str | None
    rows: Iterator[SourceRow]
    #: The first :data:`HEAD_ROWS` rows (also still to come from :attr:`rows`).
    head: list[SourceRow]
    #: About how many rows the file holds (its lines; a quoted line break counts twice):
    #: the progress bar's end.
    estimated_rows: int = 0


def open_table(path: Path, *, sheet: str | None = None) -> Table:
    """Open ``path`` (CSV or XLSX, told apart by content, not by name)."""
    file = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            "import.file_unreadable", field="file", file=file, reason=str(error)
        ) from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InvalidInput("import.file_empty", field="file", file=file)
    if data.startswith(_XLSX_MAGIC) and _is_xlsx(data):
        name, rows, count = _xlsx_rows(data, file, sheet)
        return _with_head(file, None, name, rows, count)
    decoded = decode(data, file)
    return _with_head(
        file, decoded.encoding, None, _csv_rows(decoded.text, file), decoded.text.count("\n") + 1
    )


def _with_head(
    file: str, encoding: str | None, sheet: str | None, rows: Iterator[SourceRow], estimated: int
) -> Table:
    head: list[SourceRow] = []
    for row in rows:
        head.append(row)
        if len(head) == HEAD_ROWS:
            break

    def all_rows() -> Iterator[SourceRow]:
        yield from head
        yield from rows

    return Table(file, encoding, sheet, all_rows(), head, estimated)


def _delimiter(text: str) -> str:
    """Comma, unless the first lines hold more tabs (Excel's "Unicode text") or semicolons."""
    first = "\n".join(text.splitlines()[:5])
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _csv_rows(text: str, file: str) -> Iterator[SourceRow]:
    csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    number = 0
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InvalidInput(
                "import.csv_unreadable", field="file", file=file, line=line, reason=str(error)
            ) from None
        number += 1
        start, line = line, reader.line_num + 1
        if not cells or (not cells[0].strip() and not "".join(cells).strip()):
            continue  # blank lines: Excel leaves them at the end
        yield SourceRow(number, start, cells)


def _is_xlsx(data: bytes) -> bool:
    import zipfile  # noqa: PLC0415 - only for zips

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _xlsx_rows(data: bytes, file: str, sheet: str | None) -> tuple[str, Iterator[SourceRow], int]:
    # Loaded for spreadsheets only (openpyxl imports in ~150 ms).
    import openpyxl  # noqa: PLC0415 - see above

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise InvalidInput(
            "import.xlsx_unreadable", field="file", file=file, reason=str(error)
        ) from None
    try:
        sheet = _chosen_sheet(book, file, sheet)
        # Read whole and the workbook closed (read-only workbooks hold their archive open
        # until closed); an export fits in memory, as the text of a CSV does.
        rows = []
        for number, values in enumerate(book[sheet].iter_rows(values_only=True), start=1):
            cells = [_cell_text(value) for value in values]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(SourceRow(number, None, cells))
    finally:
        book.close()
    return sheet, iter(rows), len(rows)


def _chosen_sheet(book: Any, file: str, sheet: str | None) -> str:
    """``sheet``, or the one sheet holding data; several: the user must choose."""
    names = list(book.sheetnames)
    if sheet is None:
        filled = [name for name in names if _has_rows(book[name])]
        if len(filled) > 1:
            raise InvalidInput(
                "import.xlsx_sheets", field="sheet", file=file, expected=", ".join(filled)
            )
        if not filled:
            raise InvalidInput("import.file_empty", field="file", file=file)
        return str(filled[0])
    if sheet not in names:
        raise InvalidInput(
            "import.xlsx_sheet_missing",
            field="sheet",
            file=file,
            value=sheet,
            expected=", ".join(names),
        )
    return sheet


def _has_rows(worksheet: Any) -> bool:
    for values in worksheet.iter_rows(values_only=True, max_row=HEAD_ROWS):
        if any(value not in (None, "") for value in values):
            return True
    return False


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
