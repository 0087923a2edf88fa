"""Files a user opens elsewhere: CSV a spreadsheet reads as text (UTF-8 with a byte-order
mark for Excel, or Shift_JIS as Windows has it; a cell that would start a formula made
text; a character the encoding cannot hold refused, naming its row and column), and any
file written whole or not at all.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from models.core.errors import InvalidInput

#: The CSV's encodings: UTF-8 with a byte-order mark (what Excel needs to read Japanese),
#: without one, and Shift_JIS as Windows has it (cp932) for older tools.
ENCODINGS = ("utf-8-sig", "utf-8", "cp932")
#: What a spreadsheet reads as the start of a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters cp932 lacks that have an equivalent it holds (the JIS dash).
_CP932_EQUIVALENTS = str.maketrans({"\u2014": "\u2015"})


def spreadsheet_cell(value: object) -> str:
    """``value`` as CSV text a spreadsheet shows as text: one that would start a formula
    (``=``, ``+``, ``-``, ``@``) gets a leading ``'``, which Excel hides."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "utf-8-sig",
    row_names: Sequence[object] = (),
) -> bytes:
    """The CSV file: ``header``, then ``rows`` (cells made safe for spreadsheets), CRLF
    line ends, in ``encoding``. A character the encoding cannot hold is refused naming
    its row (1 = the first under the header; ``row_names[i]`` says which record it is),
    its column's heading and the character."""
    import csv  # noqa: PLC0415 - only the export needs it
    import io  # noqa: PLC0415

    if encoding not in ENCODINGS:
        raise InvalidInput(
            "export.encoding_unknown",
            field="encoding",
            value=encoding,
            expected=", ".join(ENCODINGS),
        )
    table = [[spreadsheet_cell(h) for h in header]]
    table += [[spreadsheet_cell(cell) for cell in row] for row in rows]
    if encoding == "cp932":
        table = [[cell.translate(_CP932_EQUIVALENTS) for cell in row] for row in table]
        _refuse_unencodable(table, header, encoding, row_names)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue().encode(encoding)


def _refuse_unencodable(
    table: list[list[str]], header: Sequence[str], encoding: str, row_names: Sequence[object]
) -> None:
    for number, row in enumerate(table):
        for column, cell in enumerate(row):
            try:
                cell.encode(encoding)
            except UnicodeEncodeError as error:
                character = cell[error.start]
                name = row_names[number - 1] if 0 < number <= len(row_names) else number
                raise InvalidInput(
                    "export.unencodable",
                    field="encoding",
                    row=number,
                    record=name,
                    column=header[column] if column < len(header) else str(column + 1),
                    character=character,
                    code_point=f"U+{ord(character):04X}",
                    encoding=encoding,
                ) from None


def _cannot_write(path: Path, reason: object) -> InvalidInput:
    return InvalidInput("export.cannot_write", field="output", path=str(path), reason=str(reason))


def _temporary_beside(path: Path, suffix: str) -> tuple[int, str]:
    """A new file in ``path``'s folder (its descriptor and name)."""
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None


def check_writable(path: Path) -> None:
    """Refuse, before any work is done, a file that could not be written: its folder
    missing, not writable, or the path a folder itself."""
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(
            "export.folder_missing", field="output", path=str(path), folder=str(folder)
        )
    if path.is_dir():
        raise _cannot_write(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)))
    handle, probe = _temporary_beside(path, ".probe")
    os.close(handle)
    Path(probe).unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` whole or not at all (a temporary file beside it, renamed)."""
    check_writable(path)
    handle, temporary = _temporary_beside(path, ".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise
