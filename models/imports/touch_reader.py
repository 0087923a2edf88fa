"""Reading a touch file's rows fast: a million rows name a few kinds, campaigns and
contents, and some thousands of people, so each distinct cell is read once.

:class:`FastTouchReader` gives exactly what :func:`models.imports.rows.read_touch` gives:
a row with anything unusual in it (a control character, a value that is not what its
column needs, a missing field) is handed to ``read_touch`` itself, which says why. A
test compares the two over the sample exports and fuzzed rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Final, TypeVar, cast
from zoneinfo import ZoneInfo

from models.core.enums import TouchKind
from models.core.text_rules import column_limit
from models.imports import values
from models.imports.fields import Field
from models.imports.mapping import Resolved
from models.imports.presets import touch_kind_of
from models.imports.rows import _COLUMNS, Rejection, TouchRecord, read_touch
from models.imports.tables import SourceRow
from models.imports.touch_writer import KnownLeads
from models.imports.values import BadValue

#: Distinct cells remembered per column at most (a file of unique contents stays small).
_MEMO: Final = 50_000
_NOWHERE: Final = 1 << 30


class _Slow(Exception):
    """This row needs the careful reader."""


_T = TypeVar("_T")


def _memo(read: Callable[[str], _T]) -> Callable[[str], _T]:
    """``read`` remembering what it said of each cell (or that the cell needs the careful
    reader)."""
    known: dict[str, tuple[bool, _T | None]] = {}

    def cached(raw: str) -> _T:
        found = known.get(raw)
        if found is None:
            try:
                found = (True, read(raw))
            except (_Slow, BadValue):
                found = (False, None)
            if len(known) < _MEMO:
                known[raw] = found
        ok, value = found
        if not ok:
            raise _Slow
        return cast(_T, value)  # ok: what read gave

    return cached


def _text(target: Field) -> Callable[[str], str | None]:
    limit = column_limit(_COLUMNS[target]) if target in _COLUMNS else None

    def read(raw: str) -> str | None:
        if not raw.strip():
            return None
        if not raw.isprintable():
            raise _Slow
        value = values.clean(raw)
        if limit is not None and len(value) > limit:
            raise _Slow
        return value or None

    return read


class FastTouchReader:
    """``read_touch`` with each distinct cell read once (see the module docstring)."""

    def __init__(self, resolved: Resolved, zone: ZoneInfo) -> None:
        self.resolved = resolved
        self.zone = zone
        #: The leads found by the batches read so far (:func:`leads_of_touches`).
        self.leads = KnownLeads()
        mapping = resolved.mapping
        self.default_kind = mapping.touch_kind
        positions = resolved.positions
        #: Each field's column (past the end of any row when the file has none).
        self.place = [
            positions.get(f, _NOWHERE)
            for f in (
                Field.EXTERNAL_ID,
                Field.EMAIL,
                Field.TOUCH_AT,
                Field.TOUCH_KIND,
                Field.CONTENT,
                Field.CAMPAIGN,
                Field.TOUCH_ID,
            )
        ]
        self.content = _memo(_text(Field.CONTENT))
        self.campaign = _memo(_text(Field.CAMPAIGN))
        self.identifier = _text(Field.TOUCH_ID)
        self.lead_identifier = _text(Field.EXTERNAL_ID)

        def email(raw: str) -> str | None:
            if not raw.strip():
                return None
            if not raw.isprintable():
                raise _Slow
            return values.email(raw)

        def kind(raw: str) -> TouchKind:
            if not raw.isprintable():
                raise _Slow
            found = touch_kind_of(values.clean(raw), mapping.preset)
            if found is None:
                raise _Slow
            return found

        self.email = _memo(email)
        self.kind = _memo(kind)

    def __call__(
        self, row: SourceRow, resolved: Resolved, zone: ZoneInfo
    ) -> TouchRecord | Rejection:
        try:
            return self._fast(row)
        except (_Slow, BadValue):
            return read_touch(row, resolved, zone)

    def _fast(self, row: SourceRow) -> TouchRecord:
        cells = row.cells
        width = len(cells)
        p = self.place
        lead_external = self.lead_identifier(cells[p[0]] if p[0] < width else "")
        email = self.email(cells[p[1]] if p[1] < width else "")
        if lead_external is None and email is None:
            raise _Slow
        at_raw = cells[p[2]] if p[2] < width else ""
        if not at_raw.isprintable() or not at_raw.strip():
            raise _Slow
        occurred = values.timestamp(at_raw, self.zone)
        kind_raw = cells[p[3]] if p[3] < width else ""
        if kind_raw.strip():
            kind = self.kind(kind_raw)
        elif self.default_kind is not None:
            kind = self.default_kind
        else:
            raise _Slow
        content = self.content(cells[p[4]] if p[4] < width else "")
        campaign = self.campaign(cells[p[5]] if p[5] < width else "")
        external = self.identifier(cells[p[6]] if p[6] < width else "")
        if external is None:
            who = lead_external or email or ""
            identity = "\x1f".join(
                (who, kind.value, occurred.isoformat(), content or "", campaign or "")
            )
            external = "h:" + hashlib.sha256(identity.encode()).hexdigest()[:40]
        return TouchRecord(
            row.number,
            row.line,
            kind.value,
            occurred,
            external,
            content,
            campaign,
            lead_external_id=lead_external,
            email=email,
        )
