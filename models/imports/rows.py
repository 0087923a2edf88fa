"""One row of an export read as a lead (with its conversion touch) or a touch, or rejected
with the row, the column, the value and what was expected."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from models.core.entities import ACCOUNT, LEAD, TOUCH
from models.core.enums import TouchKind
from models.core.phones import to_e164
from models.core.text import company_key, fold
from models.core.text_rules import Column, column_limit, without_unstorable
from models.imports import values
from models.imports.fields import Field, ImportKind
from models.imports.mapping import Resolved
from models.imports.presets import touch_kind_of
from models.imports.tables import SourceRow
from models.imports.values import BadValue


@dataclass(frozen=True)
class Rejection:
    """A row that did not land, and why (``key`` and ``params`` as in the catalogue)."""

    row: int
    line: int | None
    column: str | None
    value: str | None
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TouchRecord:
    row: int
    line: int | None
    kind: str
    occurred_at: datetime
    #: The touch's id in its source (given, or made from what the touch is: the same row
    #: imported twice gets the same id, so it is recorded once).
    external_id: str
    content: str | None = None
    campaign: str | None = None
    #: Touch files: who it belongs to (the tool's lead id and/or the email).
    lead_external_id: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class LeadRecord:
    row: int
    line: int | None
    name: str
    company: str
    company_key: str
    external_id: str | None = None
    email: str | None = None
    name_kana: str | None = None
    phone: str | None = None
    phone_e164: str | None = None
    title: str | None = None
    department: str | None = None
    company_kana: str | None = None
    industry: str | None = None
    employees: int | None = None
    prefecture: str | None = None
    region: str | None = None
    country: str = "JP"
    website: str | None = None
    created_at: datetime | None = None
    ma_score: int | None = None
    lead_source: str | None = None
    touch: TouchRecord | None = None

    @property
    def name_key(self) -> str:
        return fold(self.name).replace(" ", "")


#: Each text field's column, for its length limit.
_COLUMNS: dict[Field, Column] = {
    Field.EXTERNAL_ID: TOUCH.c.external_id,
    Field.TOUCH_ID: TOUCH.c.external_id,
    Field.NAME: LEAD.c.name,
    Field.LAST_NAME: LEAD.c.name,
    Field.FIRST_NAME: LEAD.c.name,
    Field.NAME_KANA: LEAD.c.name_kana,
    Field.LAST_NAME_KANA: LEAD.c.name_kana,
    Field.FIRST_NAME_KANA: LEAD.c.name_kana,
    Field.PHONE: LEAD.c.phone,
    Field.MOBILE: LEAD.c.phone,
    Field.TITLE: LEAD.c.title,
    Field.DEPARTMENT: LEAD.c.department,
    Field.COMPANY: ACCOUNT.c.name,
    Field.COMPANY_KANA: ACCOUNT.c.name_kana,
    Field.PREFECTURE: ACCOUNT.c.prefecture,
    Field.WEBSITE: ACCOUNT.c.website,
    Field.LEAD_SOURCE: LEAD.c.source,
    Field.CONTENT: TOUCH.c.content_title,
    Field.CAMPAIGN: TOUCH.c.campaign,
}
_COUNTRIES = {
    "jp": "JP", "jpn": "JP", "japan": "JP", "日本": "JP", "日本国": "JP",
    "us": "US", "usa": "US", "unitedstates": "US", "アメリカ": "US", "米国": "US",
}  # fmt: skip


_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " "})


class _Row:
    """Reading the cells of one row (raising :class:`_Rejected` at the first bad one)."""

    def __init__(self, source: SourceRow, resolved: Resolved, zone: ZoneInfo) -> None:
        self.source = source
        self.resolved = resolved
        self.zone = zone

    def raw(self, target: Field) -> str:
        position = self.resolved.positions.get(target)
        if position is None or position >= len(self.source.cells):
            return ""
        return self.source.cells[position]

    def reject(self, target: Field, key: str, **params: Any) -> _Rejected:
        header = self.resolved.mapping.columns.get(target)
        value = self.raw(target)
        return _Rejected(
            Rejection(
                self.source.number,
                self.source.line,
                header,
                value[:200] if value else None,
                key,
                {"what": target.value, "value": value[:200], **params},
            )
        )

    def text(self, target: Field) -> str | None:
        """The cell as text (NFKC, trimmed), None when empty; refused when too long or
        holding a control character."""
        raw = self.raw(target)
        if not raw.strip():
            return None
        value = values.clean(self.flat(target, raw))
        limit = column_limit(_COLUMNS[target]) if target in _COLUMNS else None
        if limit is not None and len(value) > limit:
            raise self.reject(target, "import.row.too_long", max=limit, length=len(value))
        return value or None

    def flat(self, target: Field, raw: str) -> str:
        """``raw`` on one line (a quoted line break or a tab is a space: every field is one
        line); refused when it holds a control character (a NUL, an escape...)."""
        flat = raw if raw.isprintable() else raw.translate(_LINE_BREAKS)
        if not flat.isprintable() and without_unstorable(flat) != flat:
            bad = next(ch for ch in flat if without_unstorable(ch) == "")
            raise self.reject(target, "import.row.bad_character", character=f"U+{ord(bad):04X}")
        return flat

    def parsed(self, target: Field, reader: Any, *args: Any) -> Any:
        raw = self.raw(target)
        if not raw.strip():
            return None
        try:
            return reader(self.flat(target, raw), *args)
        except BadValue as error:
            raise self.reject(target, error.key, **error.params) from None


class _Rejected(Exception):
    def __init__(self, rejection: Rejection) -> None:
        super().__init__(rejection.key)
        self.rejection = rejection


def _joined(first: str | None, second: str | None, *, japanese_order: bool) -> str | None:
    parts = [p for p in ((first, second) if japanese_order else (second, first)) if p]
    return " ".join(parts) or None


def _is_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in text)


def _touch(row: _Row, kind: str, *, for_lead: str | None) -> TouchRecord | None:
    """The touch a row gives (None when a lead row names none)."""
    mapping = row.resolved.mapping
    occurred = row.parsed(Field.TOUCH_AT, values.timestamp, row.zone)
    kind_text = row.text(Field.TOUCH_KIND)
    touch_kind: TouchKind | None = mapping.touch_kind
    if kind_text:
        touch_kind = touch_kind_of(kind_text, mapping.preset)
        if touch_kind is None:
            raise row.reject(
                Field.TOUCH_KIND,
                "import.row.touch_kind",
                expected=", ".join(k.value for k in TouchKind),
            )
    content = row.text(Field.CONTENT)
    campaign = row.text(Field.CAMPAIGN)
    if kind is ImportKind.LEADS and occurred is None and not kind_text:
        return None
    if occurred is None:
        raise row.reject(Field.TOUCH_AT, "import.row.required")
    if touch_kind is None:
        raise row.reject(Field.TOUCH_KIND, "import.row.required")
    external = row.text(Field.TOUCH_ID)
    if external is None:
        # What the touch is, hashed: the same touch imported again gets the same id.
        who = for_lead or row.text(Field.EXTERNAL_ID) or ""
        identity = "\x1f".join(
            (who, touch_kind.value, occurred.isoformat(), content or "", campaign or "")
        )
        external = "h:" + hashlib.sha256(identity.encode()).hexdigest()[:40]
    return TouchRecord(
        row.source.number,
        row.source.line,
        touch_kind.value,
        occurred,
        external,
        content,
        campaign,
    )


def read_touch(source: SourceRow, resolved: Resolved, zone: ZoneInfo) -> TouchRecord | Rejection:
    row = _Row(source, resolved, zone)
    try:
        lead_external = row.text(Field.EXTERNAL_ID)
        email = row.parsed(Field.EMAIL, values.email)
        if lead_external is None and email is None:
            raise row.reject(Field.EMAIL, "import.row.no_identity")
        touch = _touch(row, ImportKind.TOUCHES, for_lead=lead_external or email)
    except _Rejected as rejected:
        return rejected.rejection
    assert touch is not None
    return TouchRecord(**{**touch.__dict__, "lead_external_id": lead_external, "email": email})


def read_lead(source: SourceRow, resolved: Resolved, zone: ZoneInfo) -> LeadRecord | Rejection:
    row = _Row(source, resolved, zone)
    try:
        return _lead(row)
    except _Rejected as rejected:
        return rejected.rejection


def _fits(row: _Row, joined: str | None, column: Column, target: Field) -> None:
    """A name joined from two columns (each short enough) still fits ``column``."""
    limit = column_limit(column)
    if joined is not None and limit is not None and len(joined) > limit:
        raise row.reject(target, "import.row.too_long", max=limit, length=len(joined))


def _lead(row: _Row) -> LeadRecord:
    external = row.text(Field.EXTERNAL_ID)
    email = row.parsed(Field.EMAIL, values.email)
    last, first = row.text(Field.LAST_NAME), row.text(Field.FIRST_NAME)
    japanese = _is_japanese(f"{last or ''}{first or ''}") or not (last and first)
    name = row.text(Field.NAME) or _joined(last, first, japanese_order=japanese)
    if name is None:
        target = Field.NAME if Field.NAME in row.resolved.positions else Field.LAST_NAME
        raise row.reject(target, "import.row.required")
    _fits(row, name, LEAD.c.name, Field.LAST_NAME)
    kana = row.text(Field.NAME_KANA) or _joined(
        row.text(Field.LAST_NAME_KANA), row.text(Field.FIRST_NAME_KANA), japanese_order=True
    )
    _fits(row, kana, LEAD.c.name_kana, Field.LAST_NAME_KANA)
    company = row.text(Field.COMPANY)
    if company is None:
        raise row.reject(Field.COMPANY, "import.row.required")
    phone = row.text(Field.PHONE) or row.text(Field.MOBILE)
    phone_e164 = to_e164(phone)
    if external is None and email is None and phone_e164 is None:
        raise row.reject(Field.EMAIL, "import.row.no_identity")
    employees = row.parsed(Field.EMPLOYEES, values.employees)
    prefecture, region = values.prefecture(row.text(Field.PREFECTURE) or "")
    country_text = row.text(Field.COUNTRY)
    country = "JP"
    if country_text:
        country = _COUNTRIES.get(fold(country_text).replace(" ", ""), "")
        if not country and len(country_text) == 2 and country_text.isascii():
            country = country_text.upper()
        country = country or "JP"
    if country != "JP" and region is None:
        region = "overseas"
    industry_text = row.text(Field.INDUSTRY)
    return LeadRecord(
        row.source.number,
        row.source.line,
        name=name,
        company=company,
        company_key=company_key(company) or fold(company),
        external_id=external,
        email=email,
        name_kana=kana,
        phone=phone,
        phone_e164=phone_e164,
        title=row.text(Field.TITLE),
        department=row.text(Field.DEPARTMENT),
        company_kana=row.text(Field.COMPANY_KANA),
        industry=values.industry(industry_text) if industry_text else None,
        employees=employees,
        prefecture=prefecture,
        region=region,
        country=country,
        website=row.text(Field.WEBSITE),
        created_at=row.parsed(Field.CREATED_AT, values.timestamp, row.zone),
        ma_score=row.parsed(Field.MA_SCORE, values.integer),
        lead_source=row.text(Field.LEAD_SOURCE),
        touch=_touch(row, ImportKind.LEADS, for_lead=external or email or phone_e164),
    )
