"""What the handoff summary reads of the database besides the lead's own row: users, the
content history, the standing calls, BANT answers as of a moment, the latest words a call
noted, and the score explained."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Call, Lead, QualificationAnswer, Touch, User
from models.core.enums import BantField
from models.definitions.scoring_config import ScoringConfig
from models.handoff.summary_data import (
    GROUP_OF,
    CallNote,
    HistoryItem,
    Person,
    Score,
    ScoreLine,
)
from models.leads.bant import UNKNOWN, Qualification
from models.scoring.score import LeadFacts, score_lead


class _Noted(Protocol):
    @property
    def challenge(self) -> str | None: ...
    @property
    def competitors(self) -> str | None: ...
    @property
    def decision_process(self) -> str | None: ...


def person(session: Session, user_id: int | None) -> Person | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None:
        return None
    return Person(user.id, user.display_name, user.email)


def latest_words(calls: Sequence[_Noted], what: str) -> str | None:
    """The newest non-empty ``what`` (challenge, competitors, decision_process) of
    ``calls`` (newest first), stripped; None if no call noted it."""
    for call in calls:
        words = (getattr(call, what) or "").strip()
        if words:
            return words
    return None


def answers_as_of(session: Session, lead_id: int, until: datetime | None) -> list[Qualification]:
    """The newest answer per BANT field recorded by ``until`` (None: ever), in BANT order;
    ``unknown`` where none."""
    latest = {f.value: Qualification(f.value, UNKNOWN, "", None) for f in BantField}
    query = select(
        QualificationAnswer.field,
        QualificationAnswer.value,
        QualificationAnswer.evidence,
        QualificationAnswer.recorded_at,
    ).where(QualificationAnswer.lead_id == lead_id)
    if until is not None:
        query = query.where(QualificationAnswer.recorded_at <= until)
    rows = session.execute(query.order_by(QualificationAnswer.recorded_at, QualificationAnswer.id))
    for name, value, evidence, recorded_at in rows:
        if name in latest:
            latest[name] = Qualification(name, value, evidence or "", recorded_at)
    return list(latest.values())


def score_as_of(
    config: ScoringConfig,
    lead: Lead,
    account: Account,
    touches: Sequence[HistoryItem],
    at: datetime,
    headline: tuple[int, str] | None = None,
) -> Score:
    """The lead's score at ``at`` with its parts (touches after ``at`` do not count).

    ``headline`` is the (score, grade) to show when one was stored (the lead's, the one a
    handoff kept): the parts explain it, computed as of when it was.
    """
    result = score_lead(
        LeadFacts(account.industry, account.size_band, lead.title, account.region),
        ((t.kind, t.occurred_at) for t in touches if t.occurred_at <= at),
        at,
        config,
        explain=True,
    )
    score, grade = headline or (result.score, result.grade)
    return Score(
        score=score,
        grade=grade,
        fit=result.fit,
        fit_max=config.fit_max,
        engagement=result.engagement,
        engagement_max=config.engagement_max,
        lines=tuple(
            ScoreLine(c.part, c.factor, c.value, c.points, c.count) for c in result.contributions
        ),
    )


def touches_of(session: Session, lead_id: int, until: datetime | None) -> list[HistoryItem]:
    query = select(Touch.kind, Touch.occurred_at, Touch.content_title, Touch.campaign).where(
        Touch.lead_id == lead_id
    )
    if until is not None:
        query = query.where(Touch.occurred_at <= until)
    rows = session.execute(query.order_by(Touch.occurred_at.desc(), Touch.id.desc()))
    return [
        HistoryItem(
            GROUP_OF.get(t.kind, "other"), t.kind, t.occurred_at, t.content_title, t.campaign
        )
        for t in rows
    ]


def calls_of(session: Session, lead_id: int, until: datetime | None) -> tuple[CallNote, ...]:
    query = (
        select(Call, User.display_name)
        .outerjoin(User, User.id == Call.user_id)
        .where(Call.lead_id == lead_id, Call.superseded.is_(False))
    )
    if until is not None:
        query = query.where(Call.started_at <= until)
    rows = session.execute(query.order_by(Call.started_at.desc(), Call.id.desc()))
    return tuple(
        CallNote(
            c.id,
            c.started_at,
            c.outcome,
            rep_name,
            c.duration_seconds,
            c.temperature,
            c.notes,
            c.challenge,
            c.competitors,
            c.decision_process,
            c.meeting_at,
        )
        for c, rep_name in rows
    )
