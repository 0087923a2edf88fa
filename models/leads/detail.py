"""Everything the lead pane and ``baton lead`` show about one lead."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Lead, Touch, User
from models.core.errors import BatonError, NotFound
from models.definitions import versions
from models.leads.availability import LeadAction, refusals
from models.leads.bant import Qualification, current_answers
from models.leads.calls import CallItem, lead_calls
from models.leads.follow_ups import should_suggest_recycle
from models.scoring.score import Contribution, LeadFacts, classify_seniority, score_lead
from models.scoring.sla import next_business_slot
from models.teams import permissions
from models.teams.rules import team_settings_for


@dataclass(frozen=True)
class TouchItem:
    id: int
    kind: str
    occurred_at: datetime
    content_title: str | None
    campaign: str | None
    source_system: str | None


@dataclass(frozen=True)
class ScoreCard:
    score: int
    grade: str
    fit: float
    fit_max: float
    engagement: float
    engagement_max: float
    engagement_raw: float
    half_life_days: float
    definition_version: int
    contributions: tuple[Contribution, ...]
    #: When the score was computed (the explanation is of that moment; see lead_detail).
    scored_at: datetime | None = None


@dataclass(frozen=True)
class LeadDetail:
    id: int
    name: str
    name_kana: str | None
    title: str | None
    seniority: str
    department: str | None
    email: str | None
    phone: str | None
    #: ``phone`` in E.164: what the ``tel:`` link dials (None: not a phone number).
    phone_e164: str | None
    stage: str
    owner_id: int | None
    owner_name: str | None
    priority: float
    why_now: str
    mql_at: datetime
    first_call_at: datetime | None
    last_call_at: datetime | None
    call_attempts: int
    do_not_call: bool
    version: int
    account_id: int
    company: str
    company_kana: str | None
    industry: str | None
    employees: int | None
    size_band: str | None
    region: str | None
    prefecture: str | None
    website: str | None
    company_phone: str | None
    company_phone_e164: str | None
    score: ScoreCard
    touches: tuple[TouchItem, ...]
    calls: tuple[CallItem, ...]
    qualification: dict[str, Qualification]
    next_callback_at: datetime | None
    next_meeting_at: datetime | None
    temperature: str | None
    unanswered_streak: int
    sla_due_at: datetime | None
    sla_met: bool | None
    recycle_reason: str | None
    #: Enough unanswered attempts in the team's period: suggest returning to nurture.
    suggest_recycle: bool
    #: When a new callback or meeting defaults to: the team's next business slot.
    follow_up_default: datetime | None = None
    #: A call reached a wrong number: the lead waits below every reachable lead for a
    #: new number (models.leads.phones.update_phone).
    phone_invalid: bool = False
    #: What the viewer may not do to the lead now, with why (models.leads.availability):
    #: the pane disables those actions and says why before anything is typed.
    refusals: Mapping[LeadAction, BatonError] = field(default_factory=dict)


def lead_detail(
    session: Session, lead_id: int, now: datetime, viewer_id: int | None = None
) -> LeadDetail:
    """The lead with its stored score explained, and its touches, newest first.

    One score, one time: the number and grade are the stored ones, the same the queue
    shows (the minute tick keeps them current as engagement decays:
    models.scoring.rescore.rescore_due), and their explanation is computed from the
    lead's facts at the moment they were stored, so its lines add up to them. ``now`` is
    for what is about now (whether to suggest returning the lead to nurture). With
    ``viewer_id``, the detail says what that user may not do to the lead, and why.
    """
    row = session.execute(
        select(Lead, Account, User.display_name)
        .join(Account, Account.id == Lead.account_id)
        .outerjoin(User, User.id == Lead.owner_id)
        .where(Lead.id == lead_id)
    ).first()
    if row is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    lead, account, owner_name = row
    touches = tuple(
        TouchItem(t.id, t.kind, t.occurred_at, t.content_title, t.campaign, t.source_system)
        for t in session.execute(
            select(
                Touch.id,
                Touch.kind,
                Touch.occurred_at,
                Touch.content_title,
                Touch.campaign,
                Touch.source_system,
            )
            .where(Touch.lead_id == lead_id)
            .order_by(Touch.occurred_at.desc(), Touch.id.desc())
        )
    )
    active = versions.active(session)
    config = active.scoring
    result = score_lead(
        LeadFacts(account.industry, account.size_band, lead.title, account.region),
        ((t.kind, t.occurred_at) for t in touches),
        lead.scored_at or now,
        config,
        explain=True,
    )
    card = ScoreCard(
        score=lead.score,
        grade=lead.grade,
        fit=result.fit,
        fit_max=config.fit_max,
        engagement=result.engagement,
        engagement_max=config.engagement_max,
        engagement_raw=result.engagement_raw,
        half_life_days=config.half_life_days,
        definition_version=active.version,
        contributions=result.contributions,
        scored_at=lead.scored_at,
    )
    rules = team_settings_for(session, lead)
    return LeadDetail(
        id=lead.id,
        name=lead.name,
        name_kana=lead.name_kana,
        title=lead.title,
        seniority=classify_seniority(lead.title, config).value,
        department=lead.department,
        email=lead.email,
        phone=lead.phone,
        phone_e164=lead.phone_e164,
        stage=lead.stage,
        owner_id=lead.owner_id,
        owner_name=owner_name,
        priority=lead.priority,
        why_now=lead.why_now,
        mql_at=lead.mql_at,
        first_call_at=lead.first_call_at,
        last_call_at=lead.last_call_at,
        call_attempts=lead.call_attempts,
        do_not_call=lead.do_not_call,
        version=lead.version,
        account_id=account.id,
        company=account.name,
        company_kana=account.name_kana,
        industry=account.industry,
        employees=account.employees,
        size_band=account.size_band,
        region=account.region,
        prefecture=account.prefecture,
        website=account.website,
        company_phone=account.phone,
        company_phone_e164=account.phone_e164,
        score=card,
        touches=touches,
        calls=tuple(lead_calls(session, lead.id)),
        qualification=current_answers(session, lead.id),
        next_callback_at=lead.next_callback_at,
        next_meeting_at=lead.next_meeting_at,
        temperature=lead.temperature,
        unanswered_streak=lead.unanswered_streak,
        sla_due_at=lead.sla_due_at,
        sla_met=lead.sla_met,
        recycle_reason=lead.recycle_reason,
        suggest_recycle=lead.stage in ("new", "working")
        and should_suggest_recycle(session, lead.id, rules, now),
        follow_up_default=next_business_slot(now, rules),
        phone_invalid=lead.phone_invalid,
        refusals=_refusals(session, viewer_id, lead),
    )


def _refusals(session: Session, viewer_id: int | None, lead: Lead) -> dict[LeadAction, BatonError]:
    if viewer_id is None:
        return {}
    try:
        viewer = permissions.actor(session, viewer_id)
    except BatonError as error:  # an inactive user may do nothing
        return dict.fromkeys(LeadAction, error)
    return refusals(viewer, lead)
