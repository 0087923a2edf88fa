"""Text a user (or an import) gives, checked before anything is stored: one rule, two databases.

SQLite stores whatever it is handed; PostgreSQL refuses a NUL byte (DataError), longer
text than a ``String(n)`` column holds (DataError), and the driver cannot even encode a
lone surrogate (UnicodeEncodeError). Every use case that writes user text calls
:func:`check_text` first, so both databases refuse the same input with the same
message, naming the field (``what``) and the limit, before anything is written.

The rules:

- **Length**: at most the column's ``String(n)`` length (read from the column, never
  repeated here), or the domain's own limit for a ``Text`` column. Counted in
  characters (code points), as PostgreSQL's ``varchar(n)`` counts them.
- **Characters**: a lone surrogate (U+D800-U+DFFF: broken text, not a character) and
  control characters (U+0000-U+001F, U+007F-U+009F) are refused, naming the first one and
  its position. Free text on several lines (``multiline``: notes, evidence) keeps tab,
  line feed and carriage return; one-line text (names, titles, identifiers) keeps none.

Refused, not cleaned: what is stored is exactly what the user saw and confirmed (BANT
evidence is quoted to field sales; an external id or an email is matched byte for byte),
the coming import reports a broken row instead of importing an altered one, and the
message says where the character is, so the user can remove it. Markup is ordinary text
here: it is stored as typed and escaped where it is shown.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import QueryableAttribute

from models.core.errors import InvalidInput

#: Characters no text may hold: C0 and C1 controls, DEL, lone surrogates.
_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
#: The same, but tab, line feed and carriage return are allowed (free text).
_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

Column = ColumnElement[Any] | QueryableAttribute[Any]


def without_unstorable(value: str) -> str:
    """``value`` without the characters no stored text holds (for what is only searched)."""
    return _ONE_LINE.sub("", value)


def column_limit(column: Column) -> int | None:
    """The number of characters ``column`` holds (``String(n)``), None when unbounded."""
    length = getattr(column.type, "length", None)
    return length if isinstance(length, int) else None


def check_text(
    value: str | None,
    *,
    field: str,
    column: Column | None = None,
    limit: int | None = None,
    multiline: bool = False,
    row: int | None = None,
) -> None:
    """Raise InvalidInput naming ``field`` if ``value`` cannot be stored as it is.

    ``value`` is the text as it will be stored (after any stripping the use case does).
    The limit is ``limit`` if given (a ``Text`` column's domain limit), else the length of
    ``column``; one of them must say it. ``row`` (1-based) names the record of a batch.
    """
    if limit is None and column is not None:
        limit = column_limit(column)
    if limit is None:
        raise TypeError(f"check_text({field!r}): no limit (a String(n) column or limit=)")
    if value is None:
        return
    # The length first: a huge value is refused without scanning it.
    if len(value) > limit:
        if row is None:
            raise InvalidInput(
                "text.too_long", field=field, what=field, max=limit, length=len(value)
            )
        raise InvalidInput(
            "text.row.too_long", field=field, what=field, max=limit, length=len(value), row=row
        )
    bad = (_MULTILINE if multiline else _ONE_LINE).search(value)
    if bad is not None:
        character = f"U+{ord(bad.group()):04X}"
        position = bad.start() + 1
        if row is None:
            raise InvalidInput(
                "text.bad_character",
                field=field,
                what=field,
                character=character,
                position=position,
            )
        raise InvalidInput(
            "text.row.bad_character",
            field=field,
            what=field,
            character=character,
            position=position,
            row=row,
        )
