"""The handoff summary's data (商談化シート): plain dataclasses, and their JSON.

Codes stay codes; dates are aware UTC. :meth:`HandoffSummary.to_data` gives JSON-ready
data (ISO dates, the checklist as :func:`check_to_data` writes it) that
:meth:`HandoffSummary.from_data` reads back equal: promotion keeps it with the handoff,
so field sales always see what they were given. Built by :mod:`models.handoff.summary`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import datetime
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from models.core.enums import BANT_UNKNOWN, BantField, TouchKind
from models.definitions.criteria import parse
from models.definitions.evaluate import Check, Evidence, check_to_data

#: The summary's data layout (kept in the JSON, so a later layout can read an older one).
FORMAT = 1

#: The content history's groups, most relevant to field sales first; within a group the
#: newest comes first.
HISTORY_GROUPS: dict[str, tuple[str, ...]] = {
    "inquiry": (TouchKind.INQUIRY,),
    "demo_request": (TouchKind.DEMO_REQUEST,),
    "seminar": (TouchKind.SEMINAR_ATTENDANCE, TouchKind.SEMINAR_REGISTRATION),
    "document": (TouchKind.DOCUMENT_REQUEST, TouchKind.WHITEPAPER_DOWNLOAD),
    "other": (),
}
GROUP_OF = {kind: group for group, kinds in HISTORY_GROUPS.items() for kind in kinds}
_GROUP_RANK = {group: rank for rank, group in enumerate(HISTORY_GROUPS)}


@dataclass(frozen=True)
class Person:
    """A Baton user named on the summary (the rep, the field rep, who promoted)."""

    id: int
    name: str
    email: str | None = None


@dataclass(frozen=True)
class Company:
    name: str
    name_kana: str | None = None
    industry: str | None = None
    size_band: str | None = None
    employees: int | None = None
    region: str | None = None
    prefecture: str | None = None
    website: str | None = None
    phone: str | None = None
    #: ``phone`` in E.164: what a ``tel:`` link dials (None: not a phone number).
    phone_e164: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str
    name_kana: str | None = None
    title: str | None = None
    department: str | None = None
    phone: str | None = None
    phone_e164: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Answer:
    """One BANT answer with the prospect's own words, as the rep noted them."""

    field: str
    value: str = BANT_UNKNOWN
    words: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class Attendee:
    #: "prospect" (the contact), "field_rep" or "rep" (the inside-sales rep).
    role: str
    name: str
    title: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Meeting:
    at: datetime | None
    attendees: tuple[Attendee, ...] = ()


@dataclass(frozen=True)
class ScoreLine:
    """One part of the score: a fit factor (``factor`` industry...) or a touch kind."""

    part: str
    factor: str
    value: str
    points: float
    count: int = 1


@dataclass(frozen=True)
class Score:
    score: int
    grade: str
    fit: float
    fit_max: float
    engagement: float
    engagement_max: float
    lines: tuple[ScoreLine, ...] = ()


@dataclass(frozen=True)
class HistoryItem:
    #: The group it is listed in (a key of :data:`HISTORY_GROUPS`).
    group: str
    kind: str
    occurred_at: datetime
    title: str | None = None
    campaign: str | None = None


@dataclass(frozen=True)
class CallNote:
    id: int
    started_at: datetime
    outcome: str
    rep: str | None = None
    duration_seconds: int | None = None
    temperature: str | None = None
    notes: str | None = None
    challenge: str | None = None
    competitors: str | None = None
    decision_process: str | None = None
    meeting_at: datetime | None = None


@dataclass(frozen=True)
class HandoffSummary:
    lead_id: int
    #: None: a preview (the lead is not handed off, or not yet).
    handoff_id: int | None
    #: When the summary's facts are of: the promotion for a handoff, else when previewed.
    as_of: datetime
    company: Company
    contact: Contact
    #: The prospect's challenge (課題), decision process (決裁フロー) and the competitors
    #: they look at: the latest words a standing call noted (None: never noted).
    challenge: str | None
    decision_process: str | None
    competitors: str | None
    #: Budget, authority, need, timeline, in that order.
    bant: tuple[Answer, ...]
    temperature: str | None
    meeting: Meeting
    #: Every criterion met (else a team lead's override, see ``override_reason``).
    qualified: bool
    #: The definition's criteria checked on the lead, each with its evidence.
    checklist: tuple[Check, ...]
    score: Score
    #: Most relevant first (:data:`HISTORY_GROUPS`), newest first within a group.
    history: tuple[HistoryItem, ...]
    #: Every call that stands (corrections replace what they superseded), newest first.
    calls: tuple[CallNote, ...]
    #: The rep's note to the field rep: their recommendation.
    recommendation: str | None
    definition_version: int
    definition_name: str
    #: The inside-sales rep who worked the lead (who promotes it, else its owner).
    rep: Person | None
    promoted_by: Person | None
    field_rep: Person | None
    promoted_at: datetime | None
    override_reason: str | None = None

    @property
    def preview(self) -> bool:
        return self.handoff_id is None

    @property
    def timing(self) -> Answer:
        """When they mean to buy (導入時期): the timeline answer with their words."""
        return self.answer(BantField.TIMELINE)

    def answer(self, field: str) -> Answer:
        return next((a for a in self.bant if a.field == field), Answer(field))

    def to_data(self) -> dict[str, Any]:
        """JSON-ready: ISO dates, codes, the checklist as :func:`check_to_data` has it."""
        data: dict[str, Any] = _plain(self)
        data["format"] = FORMAT
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> HandoffSummary:
        """What :meth:`to_data` gave (ValueError, KeyError or TypeError if it is not)."""
        summary: HandoffSummary = _typed(cls, data)
        return summary


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Check):
        return check_to_data(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _typed(kind: Any, data: Any) -> Any:
    """``data`` (from :func:`_plain`) back as ``kind``, following the dataclasses' hints."""
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        if data is None:
            return None
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        return _typed(inner, data)
    if origin is tuple:
        return tuple(_typed(get_args(kind)[0], item) for item in data)
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is Check:
        return check_from_data(data)
    if kind is float:
        return float(data)
    if isinstance(kind, type) and is_dataclass(kind):
        if not isinstance(data, dict):
            raise TypeError(f"{kind.__name__}: expected a mapping, got {type(data).__name__}")
        hints = get_type_hints(kind)
        given = {
            f.name: _typed(hints[f.name], data[f.name]) for f in fields(kind) if f.name in data
        }
        return kind(**given)
    return data


def check_from_data(data: dict[str, Any]) -> Check:
    """A check as :func:`models.definitions.evaluate.check_to_data` wrote it."""
    evidence = tuple(
        Evidence(
            e["what"],
            e.get("code"),
            e.get("value"),
            e.get("text"),
            datetime.fromisoformat(e["at"]) if e.get("at") else None,
        )
        for e in data.get("evidence", ())
    )
    return Check(
        parse(data["criterion"]),
        bool(data["met"]),
        evidence,
        tuple(check_from_data(item) for item in data.get("items", ())),
        data.get("have"),
        data.get("need"),
    )


def history_of(touches: list[HistoryItem]) -> tuple[HistoryItem, ...]:
    """Most relevant group first, newest first within a group."""
    newest_first = sorted(touches, key=lambda t: t.occurred_at, reverse=True)
    return tuple(sorted(newest_first, key=lambda t: _GROUP_RANK[t.group]))
