"""What the definition's criteria read of one lead, loaded from the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Lead, Touch
from models.core.errors import NotFound
from models.definitions.evaluate import AnswerFact, QualifyingFacts, TouchFact
from models.leads.bant import current_answers


def lead_facts(session: Session, lead_id: int) -> QualifyingFacts:
    """The lead's score, touches, BANT answers (with the prospect's words), whether it was
    reached, its booked meeting and its company's fit, as the criteria read them."""
    row = session.execute(
        select(Lead, Account).join(Account, Lead.account_id == Account.id).where(Lead.id == lead_id)
    ).first()
    if row is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    return facts_of(session, row.Lead, row.Account)


def facts_of(session: Session, lead: Lead, account: Account) -> QualifyingFacts:
    """:func:`lead_facts` for a lead already loaded (and perhaps locked)."""
    touches = session.execute(
        select(Touch.id, Touch.kind, Touch.occurred_at, Touch.content_title)
        .where(Touch.lead_id == lead.id)
        .order_by(Touch.occurred_at.desc(), Touch.id.desc())
    ).all()
    answers = current_answers(session, lead.id)
    return QualifyingFacts(
        score=lead.score,
        grade=lead.grade,
        fit=lead.fit_score,
        engagement=lead.engagement_score,
        touches=tuple(TouchFact(t.kind, t.occurred_at, t.content_title, t.id) for t in touches),
        bant={name: AnswerFact(a.value, a.evidence, a.recorded_at) for name, a in answers.items()},
        reached_at=lead.reached_at,
        meeting_at=lead.next_meeting_at,
        industry=account.industry,
        size_band=account.size_band,
        region=account.region,
    )


def as_of(facts: QualifyingFacts, now: datetime) -> QualifyingFacts:
    """``facts`` without what had not happened by ``now`` (touches recorded later)."""
    return replace(facts, touches=tuple(t for t in facts.touches if t.occurred_at <= now))
