"""A definition version as a readable TOML file, for review outside the app, and back.

Export writes the file itself (stdlib ``tomllib`` only reads): a comment header (which
version, its status, who proposed and approved it), the name, the scoring settings as
tables, then the criteria tree (``[criteria]``, each item a ``[[criteria.items]]`` table,
a nested group's items ``[[criteria.items.items]]``), each criterion under its sentence
when a ``describe`` function is given. Import creates a new draft from a file; a malformed
file (TOML syntax, or a field the criteria or scoring parser refuses) raises InvalidInput
naming the file, the line and the field, and nothing is written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.core.errors import InvalidInput
from models.definitions import lifecycle
from models.definitions.criteria import Criterion, Group, parse, to_data
from models.definitions.records import VersionDetail
from models.definitions.scoring_config import ScoringConfig
from models.definitions.toml_lines import line_of, locate

#: The keys a file holds at its top level.
TOP_KEYS = ("name", "note", "based_on", "scoring", "criteria")

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"
#: An inline array longer than this is written one value a line.
_WIDE = 88


@dataclass(frozen=True)
class DefinitionFile:
    """What a file holds, checked: the content of a new draft."""

    name: str
    note: str | None
    based_on: int | None
    criteria_data: dict[str, Any]
    scoring_data: dict[str, Any]


# -- Writing -------------------------------------------------------------------------------


def _string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: Any, indent: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        items = [_value(v) for v in value]
        inline = "[" + ", ".join(items) + "]"
        if len(inline) + len(indent) <= _WIDE:
            return inline
        return "[\n" + "".join(f"{indent}    {item},\n" for item in items) + f"{indent}]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _table(lines: list[str], path: list[str], data: Mapping[str, Any]) -> None:
    """``data`` as the table at ``path``: its values, then its sub-tables."""
    scalars = {k: v for k, v in data.items() if not isinstance(v, Mapping)}
    tables = {k: v for k, v in data.items() if isinstance(v, Mapping)}
    if scalars or not tables:
        lines.append("")
        lines.append("[" + ".".join(_key(p) for p in path) + "]")
        lines.extend(f"{_key(str(k))} = {_value(v)}" for k, v in scalars.items())
    for key, table in tables.items():
        _table(lines, [*path, str(key)], table)


def _criterion(
    lines: list[str],
    criterion: Criterion,
    header: str,
    describe: Callable[[Criterion], str] | None,
) -> None:
    lines.append("")
    if describe is not None:
        lines.extend(f"# {part}" for part in describe(criterion).splitlines())
    lines.append(header)
    if isinstance(criterion, Group):
        lines.append(f"kind = {_string(criterion.kind)}")
        if not criterion.items:
            lines.append("items = []")
        path = header.strip("[]") + ".items"
        for item in criterion.items:
            _criterion(lines, item, f"[[{path}]]", describe)
        return
    lines.extend(f"{_key(k)} = {_value(v)}" for k, v in to_data(criterion).items())


def _header(detail: VersionDetail, exported_at: datetime | None) -> list[str]:
    def when(value: datetime | None) -> str:
        return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "-"

    lines = [
        f"# Baton handoff definition, version {detail.version}: {detail.name}",
        f"# Status: {detail.status}" + (" (in effect)" if detail.active else ""),
    ]
    if detail.effective_from is not None:
        lines.append(f"# Effective from: {when(detail.effective_from)}")
    if detail.proposed_by:
        lines.append(f"# Proposed by: {detail.proposed_by}, {when(detail.proposed_at)}")
    for approval in detail.approvals:
        lines.append(
            f"# Approved for {approval.side} by: {approval.user_name}, {when(approval.approved_at)}"
        )
    if exported_at is not None:
        lines.append(f"# Exported: {when(exported_at)}")
    lines.append("# Importing this file creates a new draft based on the version below;")
    lines.append("# these comment lines are not read.")
    return [line.replace("\n", " ") for line in lines]


def export_text(
    detail: VersionDetail,
    *,
    describe: Callable[[Criterion], str] | None = None,
    exported_at: datetime | None = None,
) -> str:
    """The version as TOML text; ``describe`` puts each criterion's sentence above it."""
    lines = _header(detail, exported_at)
    lines.append("")
    lines.append(f"based_on = {detail.version}")
    lines.append(f"name = {_string(detail.name)}")
    if detail.note:
        lines.append(f"note = {_string(detail.note)}")
    _table(lines, ["scoring"], detail.scoring_data)
    _criterion(lines, detail.criteria, "[criteria]", describe)
    return "\n".join(lines) + "\n"


def export_version(
    session: Session,
    version: int | None,
    *,
    describe: Callable[[Criterion], str] | None = None,
    exported_at: datetime | None = None,
) -> str:
    """The version (None: the one in effect) as TOML text."""
    detail = lifecycle.version_detail(session, version)
    return export_text(detail, describe=describe, exported_at=exported_at)


def write_file(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            "definition.file.unwritable", field="file", file=str(path), reason=exc.strerror
        ) from None


# -- Reading -------------------------------------------------------------------------------

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("definition.file.not_utf8", field="file", file=str(path)) from None
    except OSError as exc:
        raise InvalidInput(
            "definition.file.unreadable", field="file", file=str(path), reason=exc.strerror
        ) from None


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, file: str) -> InvalidInput:
    message = str(exc)
    found = _AT.search(message)
    if found is not None:
        line, column = int(found.group(1)), int(found.group(2))
    else:  # "(at end of document)"
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    return InvalidInput(
        "definition.file.syntax",
        field="file",
        file=file,
        line=line,
        column=column,
        reason=_AT.sub("", message).strip(),
    )


def _invalid_field(
    exc: InvalidInput, lines: Mapping[str, int], file: str, section: str
) -> InvalidInput:
    """A refusal of the criteria or scoring parser, placed in the file (line, path)."""
    if exc.key == "criteria.invalid":
        path = str(exc.params["path"])
        return InvalidInput(
            "definition.file.criteria",
            field=path,
            file=file,
            line=line_of(lines, path),
            path=path,
            value=exc.params.get("value", ""),
            expected=exc.params.get("expected", ""),
        )
    path = f"{section}.{exc.params.get('name') or exc.params.get('field') or ''}".rstrip(".")
    if exc.key == "scoring.field_missing":
        return InvalidInput(
            "definition.file.scoring_missing",
            field=path,
            file=file,
            line=line_of(lines, path),
            path=path,
        )
    return InvalidInput(
        "definition.file.scoring",
        field=path,
        file=file,
        line=line_of(lines, path),
        path=path,
        value=exc.params.get("value", ""),
        reason=str(exc),
    )


def parse_text(text: str, *, file: str) -> DefinitionFile:
    """What ``text`` (the file ``file``) holds, checked; InvalidInput names line and field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, file) from None
    lines = locate(text)
    for key in data:
        if key not in TOP_KEYS:
            raise InvalidInput(
                "definition.file.unknown_key",
                field=key,
                file=file,
                line=line_of(lines, key),
                path=key,
                expected=", ".join(TOP_KEYS),
            )
    for section in ("scoring", "criteria"):
        if not isinstance(data.get(section), dict):
            if section in data:
                raise InvalidInput(
                    "definition.file.criteria",
                    field=section,
                    file=file,
                    line=line_of(lines, section),
                    path=section,
                    value=str(data[section]),
                    expected="a table",
                )
            raise InvalidInput("definition.file.missing", field=section, file=file, path=section)
    for key in ("name", "note"):
        if key in data and not isinstance(data[key], str):
            raise InvalidInput(
                "definition.file.not_text", field=key, file=file, line=line_of(lines, key), path=key
            )
    based_on = data.get("based_on")
    if based_on is not None and (isinstance(based_on, bool) or not isinstance(based_on, int)):
        raise InvalidInput(
            "definition.file.not_version",
            field="based_on",
            file=file,
            line=line_of(lines, "based_on"),
            path="based_on",
        )
    try:
        criteria = to_data(parse(data["criteria"], "criteria"))
    except InvalidInput as exc:
        raise _invalid_field(exc, lines, file, "criteria") from None
    try:
        ScoringConfig.from_dict(data["scoring"])
    except InvalidInput as exc:
        raise _invalid_field(exc, lines, file, "scoring") from None
    name = data.get("name") or Path(file).stem
    return DefinitionFile(name, data.get("note"), based_on, criteria, data["scoring"])


def import_draft(
    session: Session, user_id: int, text: str, *, file: str, now: datetime
) -> lifecycle.LifecycleResult:
    """A new draft from a file's text; a malformed file changes nothing."""
    content = parse_text(text, file=file)
    return lifecycle.create_from_data(
        session,
        user_id,
        name=content.name,
        criteria_data=content.criteria_data,
        scoring_data=content.scoring_data,
        note=content.note,
        based_on_version=content.based_on,
        now=now,
        action="definition_imported",
    )
