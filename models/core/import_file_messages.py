"""The domain's messages about importing files from marketing tools: the file, its
mapping, and each rejected row.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template. A rejected row's message says what is
wrong with it; the report puts the row, the line and the column in front of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

IMPORT_FILE_MESSAGES: Final[Mapping[str, str]] = {
    # -- The file (models/imports/tables.py, decoding.py) ---------------------------------
    "import.file_empty": "{file} holds no rows to import (it is empty or has only a header).",
    "import.file_binary": (
        "{file} is not a CSV or XLSX export (it holds binary data): export the list again "
        "as CSV or XLSX."
    ),
    "import.file_garbled": (
        "{file} does not read as UTF-8 or Shift_JIS (CP932), and no other encoding makes "
        "sense of it: save it from Excel as “CSV UTF-8” and import it again."
    ),
    "import.file_unreadable": "Cannot read {file}: nothing was imported.",
    "import.csv_unreadable": "{file}, line {line}: the CSV cannot be read there.",
    "import.xlsx_unreadable": "{file} is not a workbook Baton can read: nothing was imported.",
    "import.xlsx_sheets": (
        "{file} has several sheets with data ({expected}): choose the sheet to import."
    ),
    "import.xlsx_sheet_missing": "{file} has no sheet “{value}”; its sheets: {expected}.",
    # -- The mapping (models/imports/mapping.py) ---------------------------------------------
    "import.mapping_unreadable": "Cannot read the mapping file {file}: expected JSON.",
    "import.mapping_malformed": (
        "The mapping {file} is not a mapping: expected an object with “columns” "
        "(field -> column header)."
    ),
    "import.mapping_value": (
        "The mapping {file}, “{key}”: {value} is not allowed; expected one of {expected}."
    ),
    "import.mapping_incomplete": (
        "The mapping for {file} does not say which column gives {expected}: nothing was imported."
    ),
    "import.mapping_column_missing": (
        "{file} has no column “{column}” (mapped to {what}); its columns: {expected}."
    ),
    "import.preset_mismatch": (
        "{file} is not a {value} export: its columns ({expected}) are not the ones that "
        "tool writes."
    ),
    "import.no_mapping": (
        "Baton does not recognise the columns of {file} ({expected}): map them (in the "
        "app, or with --mapping FILE)."
    ),
    # -- One row (models/imports/rows.py, values.py) ------------------------------------------
    "import.row.required": "{what} is empty; this row needs it.",
    "import.row.no_identity": (
        "no email, phone number or id: Baton could not tell who this is, nor find them again."
    ),
    "import.row.bad_character": "{what} holds the control character {character}.",
    "import.row.too_long": "{what} is {length} characters long; at most {max} fit.",
    "import.row.touch_kind": "{what} “{value}” is no kind of engagement Baton knows.",
    "import.row.lead_unknown": (
        "no lead in Baton has this {what}: import the lead before its engagements."
    ),
    "import.row.too_many_fields": "{count} fields, but the header has {expected}.",
    "import.row.too_few_fields": (
        "only {count} fields, but the header has {expected}: the row is cut short."
    ),
    "import.value.email": "{what} “{value}” is not an email address.",
    "import.value.integer": "{what} “{value}” is not a whole number.",
    "import.value.employees": "{what} “{value}” is not a number of employees.",
    "import.value.date": "{what} “{value}” is not a date (expected e.g. 2026-04-01 10:30).",
    "import.value.date_impossible": "{what} “{value}” is a day that does not exist.",
    "import.value.date_range": (
        "{what} “{value}” is not a date Baton keeps (expected a year from {first} to {last})."
    ),
    # -- Where a rejected row is (the report's lines) -----------------------------------
    "import.where.row": "Row {row}",
    "import.where.row_line": "Row {row} (line {line})",
    "import.where.row_column": "Row {row}, column “{column}”",
    "import.where.row_line_column": "Row {row} (line {line}), column “{column}”",
}
