"""Which column gives which field: from a preset, from a mapping file or the mapping
dialog, or remembered from the last file of the same source.

A :class:`Mapping` names columns by their header text (what a user sees and what is
remembered); :func:`resolve` turns it into column positions for one file, refusing a
mapping that names a column the file does not have.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.enums import TouchKind
from models.core.errors import InvalidInput
from models.core.import_records import ImportMapping as ImportMappingRow
from models.imports.fields import FIELDS_OF, Field, ImportKind, Preset, header_key
from models.imports.presets import column_map, detect, preset_by_key
from models.imports.tables import HEAD_ROWS, Table


@dataclass(frozen=True)
class Mapping:
    kind: ImportKind
    #: The source the rows come from: touches and lead ids are recorded under it.
    source: str
    #: Field -> the header of the column giving it.
    columns: dict[Field, str]
    #: The preset it came from (None: a user's mapping).
    preset: Preset | None = None
    #: Lead files: the kind of the conversion touch when no column gives one.
    touch_kind: TouchKind | None = None
    #: Columns the tool computes, deliberately not imported (said in the report).
    computed: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "source": self.source,
            "touch_kind": self.touch_kind.value if self.touch_kind else None,
            "columns": {f.value: header for f, header in self.columns.items()},
        }


@dataclass(frozen=True)
class Resolved:
    """A mapping applied to one file: the header row and each field's column."""

    mapping: Mapping
    #: Index in the table's head of the header row; data rows follow it.
    header_index: int
    #: The header row's number: the data rows are the rows after it.
    header_number: int
    header: list[str]
    positions: dict[Field, int]


def from_json(data: Any, where: str) -> Mapping:
    """A mapping read from a mapping file or the database; ``where`` names it in errors."""
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InvalidInput("import.mapping_malformed", field="mapping", file=where)
    try:
        kind = ImportKind(data.get("kind", "leads"))
    except ValueError:
        raise InvalidInput(
            "import.mapping_value",
            field="mapping",
            file=where,
            key="kind",
            value=str(data.get("kind")),
            expected=", ".join(k.value for k in ImportKind),
        ) from None
    columns: dict[Field, str] = {}
    for name, header in data["columns"].items():
        try:
            target = Field(name)
        except ValueError:
            target = None
        if target is None or target not in FIELDS_OF[kind]:
            raise InvalidInput(
                "import.mapping_value",
                field="mapping",
                file=where,
                key="columns",
                value=str(name),
                expected=", ".join(sorted(f.value for f in FIELDS_OF[kind])),
            )
        if not isinstance(header, str) or not header.strip():
            raise InvalidInput(
                "import.mapping_value",
                field="mapping",
                file=where,
                key=str(name),
                value=str(header),
                expected="a column header",
            )
        columns[target] = header
    touch_kind = data.get("touch_kind")
    try:
        kind_value = TouchKind(touch_kind) if touch_kind else None
    except ValueError:
        raise InvalidInput(
            "import.mapping_value",
            field="mapping",
            file=where,
            key="touch_kind",
            value=str(touch_kind),
            expected=", ".join(k.value for k in TouchKind),
        ) from None
    source = str(data.get("source") or "import").strip()[:60] or "import"
    return Mapping(kind, source, columns, touch_kind=kind_value)


def read_mapping_file(path: Path) -> Mapping:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(
            "import.mapping_unreadable", field="mapping", file=path.name, reason=str(error)
        ) from None
    return from_json(data, path.name)


def from_preset(preset: Preset, header: Sequence[str]) -> Mapping:
    positions = column_map(preset, header)
    return Mapping(
        preset.kind,
        preset.source_system,
        {f: header[i] for f, i in positions.items()},
        preset=preset,
        touch_kind=preset.touch_kind,
        computed=tuple(
            c for c in header if header_key(c) in {header_key(x) for x in preset.computed}
        ),
    )


def remembered(session: Session, source: str, kind: ImportKind) -> Mapping | None:
    row = session.scalar(
        select(ImportMappingRow).where(
            ImportMappingRow.source == source, ImportMappingRow.kind == kind.value
        )
    )
    if row is None:
        return None
    return from_json({**row.columns, "kind": kind.value, "source": source}, source)


def remembered_sources(session: Session, kind: ImportKind) -> list[Mapping]:
    rows = session.scalars(
        select(ImportMappingRow)
        .where(ImportMappingRow.kind == kind.value)
        .order_by(ImportMappingRow.updated_at.desc())
    )
    return [
        from_json({**r.columns, "kind": kind.value, "source": r.source}, r.source) for r in rows
    ]


def remember(session: Session, user_id: int | None, mapping: Mapping, now: datetime) -> None:
    """Keep ``mapping`` for the next file from its source (the caller's transaction)."""
    stored = mapping.to_json()
    row = session.scalar(
        select(ImportMappingRow).where(
            ImportMappingRow.source == mapping.source, ImportMappingRow.kind == mapping.kind.value
        )
    )
    if row is None:
        session.add(
            ImportMappingRow(
                source=mapping.source,
                kind=mapping.kind.value,
                columns=stored,
                updated_by=user_id,
                updated_at=now,
            )
        )
    elif row.columns != stored:
        row.columns = stored
        row.updated_by = user_id
        row.updated_at = now


def required_missing(mapping: Mapping) -> list[str]:
    """What a mapping must name and does not (field codes; "a|b" = one of them)."""
    mapped = set(mapping.columns)
    missing: list[str] = []
    if mapping.kind is ImportKind.LEADS:
        needs: list[tuple[Field, ...]] = [
            (Field.EXTERNAL_ID, Field.EMAIL, Field.PHONE),
            (Field.NAME, Field.LAST_NAME),
            (Field.COMPANY,),
        ]
    else:
        needs = [(Field.EXTERNAL_ID, Field.EMAIL), (Field.TOUCH_AT,)]
        if mapping.touch_kind is None:
            needs.append((Field.TOUCH_KIND,))
    for options in needs:
        if not mapped.intersection(options):
            missing.append("|".join(f.value for f in options))
    return missing


def resolve(table: Table, mapping: Mapping) -> Resolved:
    """Find ``mapping``'s header row in ``table`` and each field's column.

    A mapping naming a column that is in no header row is refused, naming the column and
    the headers the file has.
    """
    missing = required_missing(mapping)
    if missing:
        raise InvalidInput(
            "import.mapping_incomplete",
            field="mapping",
            file=table.file,
            expected=", ".join(missing),
        )
    wanted = {f: header_key(h) for f, h in mapping.columns.items()}
    best: tuple[int, int] | None = None
    for index, row in enumerate(table.head):
        keys = [header_key(c) for c in row.cells]
        found = sum(1 for k in wanted.values() if k in keys)
        if best is None or found > best[1]:
            best = (index, found)
        if found == len(wanted):
            break
    if best is None:
        raise InvalidInput("import.file_empty", field="file", file=table.file)
    index = best[0]
    header = table.head[index].cells
    keys = [header_key(c) for c in header]
    positions: dict[Field, int] = {}
    for f, key in wanted.items():
        if key not in keys:
            raise InvalidInput(
                "import.mapping_column_missing",
                field="mapping",
                file=table.file,
                column=mapping.columns[f],
                what=f.value,
                expected=", ".join(h for h in header if h.strip()),
            )
        positions[f] = keys.index(key)
    return Resolved(mapping, index, table.head[index].number, list(header), positions)


def choose(
    session: Session,
    table: Table,
    kind: ImportKind | None,
    *,
    preset_key: str | None = None,
    mapping: Mapping | None = None,
) -> Resolved:
    """The mapping for ``table``: the one given, the preset named, a preset recognised
    from the header, or the mapping remembered for a source whose columns are all there
    (also over a recognised preset, when it maps more of the columns). A file with nothing
    under its header is refused (``import.file_empty``)."""
    resolved = _chosen(session, table, kind, preset_key, mapping)
    if len(table.head) < HEAD_ROWS and resolved.header_index == len(table.head) - 1:
        raise InvalidInput("import.file_empty", field="file", file=table.file)
    return resolved


def _chosen(
    session: Session,
    table: Table,
    kind: ImportKind | None,
    preset_key: str | None,
    mapping: Mapping | None,
) -> Resolved:
    if mapping is not None:
        return resolve(table, mapping)
    heads = [row.cells for row in table.head]
    if preset_key is not None:
        preset = preset_by_key(preset_key)
        found = _header_of(preset, heads)
        if found is None:
            raise InvalidInput(
                "import.preset_mismatch",
                field="preset",
                file=table.file,
                value=preset.label,
                expected=", ".join(h for h in heads[0] if h.strip()) if heads else "",
            )
        return resolve(table, from_preset(preset, heads[found]))
    detected = detect(heads, kind)
    recognised = None
    if detected is not None:
        recognised = resolve(table, from_preset(detected[0], heads[detected[1]]))
    for kept in remembered_sources(session, kind or ImportKind.LEADS):
        if recognised is not None and kept.source == recognised.mapping.source:
            continue  # the preset's own source: the preview applies what the user edited
        try:
            mine = resolve(table, kept)
        except InvalidInput:
            continue
        # A user's mapping of every column a preset knows and more is that file's (a
        # team's own list whose Japanese headers a tool happens to share), not the tool's.
        if recognised is None or len(mine.positions) > len(recognised.positions):
            return mine
    if recognised is not None:
        return recognised
    raise InvalidInput(
        "import.no_mapping",
        field="mapping",
        file=table.file,
        expected=", ".join(h for h in heads[0] if h.strip()) if heads else "",
    )


def _header_of(preset: Preset, heads: list[list[str]]) -> int | None:
    """The row of ``heads`` that is ``preset``'s header (the first row, unless the tool
    writes a preamble), None when none has the columns it needs."""
    candidates = range(len(heads)) if preset.preamble else range(min(1, len(heads)))
    best: tuple[int, int] | None = None
    for index in candidates:
        mapping = from_preset(preset, heads[index])
        if required_missing(mapping):
            continue
        if best is None or len(mapping.columns) > best[1]:
            best = (index, len(mapping.columns))
    return None if best is None else best[0]
