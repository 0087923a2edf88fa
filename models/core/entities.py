"""SQLAlchemy 2 entities for the whole domain of DESIGN.md §1.

Timestamps are stored as naive UTC and returned as aware UTC (:mod:`models.core.base`).
Enumerated values are stored as short text (see :mod:`models.core.enums`); the schema does
not use database enum types so a new outcome or touch kind is a code change, not a
migration on every installation.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.core.base import Base
from models.core.clock import utcnow


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: Team settings (business hours, holiday calendar, SLA targets, attempt rules).
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    display_name_kana: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The PostgreSQL login that signs in as this user (team mode).
    db_login: Mapped[str | None] = mapped_column(String(63), unique=True)
    #: How many open leads the rep can carry (distribution, the workload view).
    capacity: Mapped[int] = mapped_column(Integer, default=150, server_default="150")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    team: Mapped[Team | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook


class AwayPeriod(Base):
    """Dates a user is away (holiday, training): distribution passes them over."""

    __tablename__ = "away_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date] = mapped_column()
    note: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)


class Account(Base):
    """The company a lead works at (UI: Company / 企業)."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_kana: Mapped[str | None] = mapped_column(String(300))
    #: Normalised reading used for sorting (kana for Japanese names, casefolded otherwise).
    sort_key: Mapped[str] = mapped_column(String(300), index=True)
    industry: Mapped[str | None] = mapped_column(String(40), index=True)
    employees: Mapped[int | None] = mapped_column(Integer)
    size_band: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str | None] = mapped_column(String(20))
    prefecture: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str] = mapped_column(String(2), default="JP")
    website: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    #: ``phone`` in E.164 (``+81312345678``), what links, matching and dedupe use; None when
    #: ``phone`` is not a phone number. ``phone`` keeps what was typed, for display.
    phone_e164: Mapped[str | None] = mapped_column(String(16), index=True)
    #: The name as imports compare it (:func:`models.core.text.company_key`).
    name_key: Mapped[str | None] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Lead(Base):
    """A person handed over by marketing. ``version`` guards concurrent writers."""

    __tablename__ = "lead"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_kana: Mapped[str | None] = mapped_column(String(200))
    sort_key: Mapped[str] = mapped_column(String(300), index=True)
    #: Normalised text searched by the queue's free-text filter
    #: (name, reading, company, company reading, email).
    search_text: Mapped[str] = mapped_column(Text)
    #: Stored trimmed and lower-case (imports match on it; indexed).
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    #: ``phone`` in E.164 (``+81312345678``), what links, matching and dedupe use; None when
    #: ``phone`` is not a phone number. ``phone`` keeps what was typed, for display.
    phone_e164: Mapped[str | None] = mapped_column(String(16), index=True)
    #: A call reached a wrong number: the lead ranks below every lead that can be reached
    #: until a rep enters a new number (models.leads.phones.update_phone).
    phone_invalid: Mapped[bool] = mapped_column(Boolean, server_default=false())
    #: When a rep last entered the number: wrong-number calls before it no longer count.
    phone_changed_at: Mapped[datetime | None] = mapped_column()
    title: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    locale: Mapped[str] = mapped_column(String(10), default="ja")

    stage: Mapped[str] = mapped_column(String(20), default="new")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: The owner's team (follows every reassignment); None: not routed to a team yet.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    source: Mapped[str | None] = mapped_column(String(60))
    #: The marketing tool's own score, as imported (Baton computes its own).
    ma_score: Mapped[int | None] = mapped_column(Integer)

    fit_score: Mapped[float] = mapped_column(Float, default=0.0)
    engagement_score: Mapped[float] = mapped_column(Float, default=0.0)
    score: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str] = mapped_column(String(1), default="D")
    priority: Mapped[float] = mapped_column(Float, default=0.0)
    #: Short machine code for the queue's "why now" column (rendered in the UI language).
    why_now: Mapped[str] = mapped_column(String(60), default="score")
    #: When the priority's time-bound part (a fresh-lead or hot-signal boost) runs out:
    #: the lead is rescored then, so stored priorities never go stale.
    priority_until: Mapped[datetime | None] = mapped_column(index=True)
    scored_at: Mapped[datetime | None] = mapped_column()
    #: When the stored score, grade or priority stops being right: a boost runs out
    #: (``priority_until``) or engagement has decayed enough to change the rounded score.
    #: The minute tick rescores the leads due (models.scoring.rescore); None: never
    #: scheduled yet (a row written without scoring), the tick schedules it.
    rescore_due_at: Mapped[datetime | None] = mapped_column(index=True)

    mql_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_call_at: Mapped[datetime | None] = mapped_column()
    last_call_at: Mapped[datetime | None] = mapped_column()
    call_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_touch_at: Mapped[datetime | None] = mapped_column(index=True)
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    promoted_at: Mapped[datetime | None] = mapped_column()
    recycled_at: Mapped[datetime | None] = mapped_column()
    recycle_until: Mapped[date | None] = mapped_column(index=True)
    recycle_reason: Mapped[str | None] = mapped_column(String(40))
    next_callback_at: Mapped[datetime | None] = mapped_column(index=True)
    next_meeting_at: Mapped[datetime | None] = mapped_column()
    #: Unanswered attempts since the last conversation (attempt spacing, recycle hint).
    unanswered_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: Speed to lead: when the first call is due, and whether it was made in time
    #: (None until it is made or the deadline passes).
    sla_due_at: Mapped[datetime | None] = mapped_column(index=True)
    sla_met: Mapped[bool | None] = mapped_column(Boolean)
    sla_breached_at: Mapped[datetime | None] = mapped_column()
    temperature: Mapped[str | None] = mapped_column(String(10))
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False)
    #: When a call that stands first reached the prospect in this round (None: never yet).
    #: Kept with the call figures so the handoff definition is evaluated in SQL.
    reached_at: Mapped[datetime | None] = mapped_column()
    #: The current BANT answers (the newest per field; ``unknown`` where none), kept with
    #: the answers' history (:class:`QualificationAnswer`) for the same reason.
    bant_budget: Mapped[str] = mapped_column(String(20), server_default="unknown")
    bant_authority: Mapped[str] = mapped_column(String(20), server_default="unknown")
    bant_need: Mapped[str] = mapped_column(String(20), server_default="unknown")
    bant_timeline: Mapped[str] = mapped_column(String(20), server_default="unknown")

    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    account: Mapped[Account] = relationship()
    owner: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook
    __table_args__ = (
        # Queue order. Stage and grade filters deliberately have no (x, priority) index:
        # with IN (...) SQLite would pick it and sort every match, where walking the
        # priority index and filtering finds the top rows at once (measured: 200 ms vs
        # 0.2 ms for the top 50 of 100,000).
        Index("ix_lead_priority", "priority"),
        Index("ix_lead_owner_priority", "owner_id", "priority"),
        Index("ix_lead_team_priority", "team_id", "priority"),
    )


class LeadClaim(Base):
    """The lead a rep is on the phone with, until ``expires_at`` (a lease)."""

    __tablename__ = "lead_claim"

    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    claimed_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column()


class Touch(Base):
    """One marketing interaction (UI: Engagement / 接点)."""

    __tablename__ = "touch"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"))
    kind: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[datetime] = mapped_column()
    content_title: Mapped[str | None] = mapped_column(String(300))
    campaign: Mapped[str | None] = mapped_column(String(200))
    source_system: Mapped[str | None] = mapped_column(String(60))
    external_id: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_touch_lead_occurred", "lead_id", "occurred_at"),
        Index("ix_touch_campaign_lead", "campaign", "lead_id"),
        UniqueConstraint("source_system", "external_id", name="uq_touch_source_external"),
    )


class Call(Base):
    """One call attempt by a rep. Corrections supersede, never delete."""

    __tablename__ = "call"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    started_at: Mapped[datetime] = mapped_column()
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)
    temperature: Mapped[str | None] = mapped_column(String(10))
    next_step: Mapped[str | None] = mapped_column(String(20))
    callback_at: Mapped[datetime | None] = mapped_column()
    meeting_at: Mapped[datetime | None] = mapped_column()
    #: What the handoff summary needs that BANT does not hold: the prospect's challenge
    #: (課題), the competitors they look at, how they decide (決裁フロー).
    challenge: Mapped[str | None] = mapped_column(Text)
    competitors: Mapped[str | None] = mapped_column(Text)
    decision_process: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("call.id"))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_call_lead_started", "lead_id", "started_at"),
        Index("ix_call_user_started", "user_id", "started_at"),
    )


class QualificationAnswer(Base):
    """One BANT answer as recorded at one moment; the newest per field is current."""

    __tablename__ = "qualification_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"))
    field: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(60))
    evidence: Mapped[str | None] = mapped_column(Text)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id"))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_qualification_lead_field", "lead_id", "field", "recorded_at"),)


class Definition(Base):
    """A version of the handoff definition agreed by marketing and sales.

    ``scoring`` holds the score weights and half-life, ``criteria`` what a lead must
    meet before field sales takes it. A version is drafted, proposed, and approved by a
    marketing user and a sales user (team lead or admin); an approved version takes effect
    at ``effective_from``. Exactly one version is ``active`` (in effect) at a time.
    """

    __tablename__ = "definition"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    scoring: Mapped[dict[str, Any]] = mapped_column()
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    #: draft, proposed, approved, withdrawn (:class:`models.core.enums.DefinitionStatus`).
    status: Mapped[str] = mapped_column(String(20), server_default="approved")
    note: Mapped[str | None] = mapped_column(Text)
    #: The version this one was drafted from (None: the first, or an import from scratch).
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("definition.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    proposed_at: Mapped[datetime | None] = mapped_column()
    approved_at: Mapped[datetime | None] = mapped_column()
    effective_from: Mapped[datetime | None] = mapped_column()
    #: Optimistic locking: an editor saving over a newer draft is refused.
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": revision}  # noqa: RUF012 - SQLAlchemy's declarative hook
    __table_args__ = (
        # One version in effect, whatever two approvals racing each other do.
        Index(
            "uq_definition_active",
            "active",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )


class DefinitionApproval(Base):
    """One person's approval of a proposed definition version, on behalf of their side."""

    __tablename__ = "definition_approval"

    id: Mapped[int] = mapped_column(primary_key=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("definition.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    #: "marketing" or "sales": the side this approval speaks for.
    side: Mapped[str] = mapped_column(String(20))
    approved_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("definition_id", "user_id", name="uq_definition_approval_user"),
        UniqueConstraint("definition_id", "side", name="uq_definition_approval_side"),
    )


class Handoff(Base):
    """The record of a promotion to field sales, and field sales' answer."""

    __tablename__ = "handoff"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), index=True)
    promoted_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    field_rep_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    definition_id: Mapped[int | None] = mapped_column(ForeignKey("definition.id"))
    #: The definition version the lead met (kept as a number for reports and exports).
    definition_version: Mapped[int | None] = mapped_column(Integer)
    #: The summary's data at promotion, as JSON text (what field sales were given).
    summary: Mapped[str] = mapped_column(Text)
    #: Each criterion met or not, with its evidence, at promotion (JSON).
    checklist: Mapped[list[Any] | None] = mapped_column(JSON)
    #: What the criteria read of the lead at promotion, for the what-if over past handoffs.
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: pending, accepted, rejected (:class:`models.core.enums.HandoffStatus`).
    status: Mapped[str] = mapped_column(String(20), default="pending")
    meeting_at: Mapped[datetime | None] = mapped_column()
    #: The rep's note to the field rep (their recommendation).
    note: Mapped[str | None] = mapped_column(Text)
    #: A team lead promoted a lead that did not meet every criterion: why (None: it met).
    override_reason: Mapped[str | None] = mapped_column(Text)
    #: When field sales' answer is expected (business days the team sets).
    response_due_at: Mapped[datetime | None] = mapped_column(index=True)
    responded_at: Mapped[datetime | None] = mapped_column()
    responded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: A rejection's reason code (:class:`models.core.enums.RejectionReason`).
    response_code: Mapped[str | None] = mapped_column(String(20))
    response_reason: Mapped[str | None] = mapped_column(Text)
    #: Where a rejected lead went: "queue" (its rep) or "nurture".
    returned_to: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook


class AssignmentChange(Base):
    __tablename__ = "assignment_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), index=True)
    from_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    to_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class StageChange(Base):
    """Every stage transition of a lead: who, when, from, to and why."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), index=True)
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who changed what, when, with the values before and after."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


# Typed handles on the tables for Core bulk statements (executemany without the ORM).
ACCOUNT = cast(Table, Account.__table__)
USER_ACCOUNT = cast(Table, User.__table__)
LEAD = cast(Table, Lead.__table__)
TOUCH = cast(Table, Touch.__table__)
CALL = cast(Table, Call.__table__)
STAGE_CHANGE = cast(Table, StageChange.__table__)
QUALIFICATION = cast(Table, QualificationAnswer.__table__)
HANDOFF = cast(Table, Handoff.__table__)

# Tables in modules of their own (team mode's server roles, what imports leave), registered
# on the same metadata with these.
from models.core import import_records, server_records  # noqa: E402, F401
