"""Whether one lead meets a definition's criteria, each with its evidence.

Pure: :class:`QualifyingFacts` in (what the criteria read of a lead, loaded by
:mod:`models.handoff.facts` or kept with a past handoff), :class:`Check` out. The same
rules run in SQL over the whole lead table (:mod:`models.definitions.sql`); a test keeps
the two in agreement on both databases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from models.core.enums import BANT_UNKNOWN
from models.definitions.criteria import (
    BantIn,
    Criterion,
    FitIn,
    GradeIn,
    Group,
    Match,
    MeetingBooked,
    Reached,
    ScoreAtLeast,
    Touches,
    to_data,
)

#: A booked meeting still counts a day after its time (it may have been held and not yet
#: promoted); after that, unheld, the lead goes back to the call queue.
MEETING_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class TouchFact:
    kind: str
    occurred_at: datetime
    title: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class AnswerFact:
    value: str
    #: The prospect's words, as the rep noted them.
    evidence: str = ""
    recorded_at: datetime | None = None
    call_id: int | None = None


@dataclass(frozen=True)
class QualifyingFacts:
    """What the criteria read of one lead."""

    score: int
    grade: str
    fit: float = 0.0
    engagement: float = 0.0
    touches: Sequence[TouchFact] = ()
    bant: Mapping[str, AnswerFact] = field(default_factory=dict)
    reached_at: datetime | None = None
    meeting_at: datetime | None = None
    industry: str | None = None
    size_band: str | None = None
    region: str | None = None

    def to_data(self) -> dict[str, Any]:
        """JSON-ready (kept with a handoff for the what-if over past handoffs)."""
        return {
            "score": self.score,
            "grade": self.grade,
            "fit": self.fit,
            "engagement": self.engagement,
            "touches": [
                {"kind": t.kind, "occurred_at": t.occurred_at.isoformat(), "title": t.title}
                for t in self.touches
            ],
            "bant": {
                name: {"value": a.value, "evidence": a.evidence} for name, a in self.bant.items()
            },
            "reached_at": self.reached_at.isoformat() if self.reached_at else None,
            "meeting_at": self.meeting_at.isoformat() if self.meeting_at else None,
            "industry": self.industry,
            "size_band": self.size_band,
            "region": self.region,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> QualifyingFacts:
        def when(value: Any) -> datetime | None:
            return datetime.fromisoformat(value) if isinstance(value, str) else None

        return cls(
            score=int(data.get("score", 0)),
            grade=str(data.get("grade", "D")),
            fit=float(data.get("fit", 0.0)),
            engagement=float(data.get("engagement", 0.0)),
            touches=tuple(
                TouchFact(t["kind"], datetime.fromisoformat(t["occurred_at"]), t.get("title"))
                for t in data.get("touches", ())
            ),
            bant={
                name: AnswerFact(a.get("value", BANT_UNKNOWN), a.get("evidence") or "")
                for name, a in data.get("bant", {}).items()
            },
            reached_at=when(data.get("reached_at")),
            meeting_at=when(data.get("meeting_at")),
            industry=data.get("industry"),
            size_band=data.get("size_band"),
            region=data.get("region"),
        )


@dataclass(frozen=True)
class Evidence:
    """Why a criterion is met (or how far it got): one touch, answer, score, call, meeting.

    ``what`` says which: ``touch`` (``code`` its kind, ``text`` its title), ``answer``
    (``code`` the BANT field, ``value`` the answer, ``text`` the prospect's words),
    ``score`` (``value`` the score, ``code`` the grade), ``reached`` and ``meeting``
    (``at``), ``company`` (``code`` the attribute, ``value`` its value).
    """

    what: str
    code: str | None = None
    value: str | None = None
    text: str | None = None
    at: datetime | None = None

    def to_data(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "code": self.code,
            "value": self.value,
            "text": self.text,
            "at": self.at.isoformat() if self.at else None,
        }


@dataclass(frozen=True)
class Check:
    criterion: Criterion
    met: bool
    evidence: tuple[Evidence, ...] = ()
    #: For a group: each item's check.
    items: tuple[Check, ...] = ()
    #: For ``touches`` with ``match = count`` or ``all``: how many it has of how many.
    have: int | None = None
    need: int | None = None

    @property
    def missing(self) -> int:
        """How many criteria the lead lacks to meet this one (0: met)."""
        if self.met:
            return 0
        if isinstance(self.criterion, Group):
            counts = [item.missing for item in self.items]
            if self.criterion.kind == "all":
                return sum(counts)
            return min(counts, default=1)
        return 1


def evaluate(criterion: Criterion, facts: QualifyingFacts, now: datetime) -> Check:
    """Whether ``facts`` meet ``criterion`` at ``now``, with the evidence."""
    if isinstance(criterion, Group):
        items = tuple(evaluate(item, facts, now) for item in criterion.items)
        if criterion.kind == "all":
            met = all(item.met for item in items)
        else:
            met = any(item.met for item in items)
        return Check(criterion, met, items=items)
    if isinstance(criterion, ScoreAtLeast | GradeIn):
        score = Evidence("score", code=facts.grade, value=str(facts.score))
        if isinstance(criterion, ScoreAtLeast):
            return Check(criterion, facts.score >= criterion.score, (score,))
        return Check(criterion, facts.grade in criterion.grades, (score,))
    if isinstance(criterion, Touches):
        return _touches(criterion, facts, now)
    if isinstance(criterion, BantIn):
        answer = facts.bant.get(criterion.field, AnswerFact(BANT_UNKNOWN))
        evidence = Evidence(
            "answer",
            code=criterion.field,
            value=answer.value,
            text=answer.evidence or None,
            at=answer.recorded_at,
        )
        shown = () if answer.value == BANT_UNKNOWN else (evidence,)
        return Check(criterion, answer.value in criterion.values, shown)
    if isinstance(criterion, Reached):
        if facts.reached_at is None:
            return Check(criterion, False)
        return Check(criterion, True, (Evidence("reached", at=facts.reached_at),))
    if isinstance(criterion, MeetingBooked):
        meeting = facts.meeting_at
        if meeting is None or meeting < now - MEETING_GRACE:
            return Check(criterion, False)
        return Check(criterion, True, (Evidence("meeting", at=meeting),))
    return _fit(criterion, facts)


def _touches(criterion: Touches, facts: QualifyingFacts, now: datetime) -> Check:
    cutoff = now - timedelta(days=criterion.within_days)
    recent = sorted(
        (t for t in facts.touches if t.kind in criterion.kinds and t.occurred_at >= cutoff),
        key=lambda t: t.occurred_at,
        reverse=True,
    )
    have: int | None = None
    need: int | None = None
    if criterion.match == Match.ALL:
        newest: dict[str, TouchFact] = {}
        for touch in recent:
            newest.setdefault(touch.kind, touch)
        shown = [newest[k] for k in criterion.kinds if k in newest]
        met = len(newest) == len(criterion.kinds)
        have, need = len(newest), len(criterion.kinds)
    elif criterion.match == Match.COUNT:
        shown = recent[: criterion.count]
        met = len(recent) >= criterion.count
        have, need = len(recent), criterion.count
    else:
        shown = recent[:1]
        met = bool(recent)
    evidence = tuple(Evidence("touch", code=t.kind, text=t.title, at=t.occurred_at) for t in shown)
    return Check(criterion, met, evidence, have=have, need=need)


def _fit(criterion: FitIn, facts: QualifyingFacts) -> Check:
    value = getattr(facts, criterion.attribute)
    if value is None:
        return Check(criterion, False)
    evidence = Evidence("company", code=criterion.attribute, value=value)
    return Check(criterion, value in criterion.values, (evidence,))


def check_to_data(check: Check) -> dict[str, Any]:
    """A check as JSON-ready data (kept with a handoff; the summary's JSON)."""
    data: dict[str, Any] = {
        "criterion": to_data(check.criterion),
        "met": check.met,
        "evidence": [e.to_data() for e in check.evidence],
    }
    if check.items:
        data["items"] = [check_to_data(item) for item in check.items]
    if check.have is not None:
        data["have"], data["need"] = check.have, check.need
    return data
