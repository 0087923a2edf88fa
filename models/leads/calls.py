"""Logging calls: outcome, notes, temperature, BANT answers, the next step.

One call is one unit of work: the call row, the lead's stage and call aggregates, the
qualification answers that moved (history kept), the audit entries and the lead's new
priority all land together or not at all. Corrections supersede the mistaken call and
never delete it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Call, Lead, User
from models.core.enums import Outcome, Temperature
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.db.locking import call_for_update, lead_for_update
from models.leads import bant, claims
from models.leads.availability import LeadAction, require_state
from models.leads.bant import BantAnswer
from models.leads.call_figures import NextStep, refresh_call_figures
from models.leads.concurrency import refuse_if_changed
from models.scoring.rescore import rescore_leads
from models.teams import permissions

MAX_NOTES = 20_000
MAX_EVIDENCE = 2_000
#: How far in the future a call's start may lie (clock skew between desktops).
START_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class CallDraft:
    """What the rep typed. Plain data: the dialog keeps it until the save succeeds."""

    lead_id: int
    outcome: str
    started_at: datetime
    duration_seconds: int | None = None
    notes: str = ""
    temperature: str | None = None
    bant: Mapping[str, BantAnswer] = field(default_factory=dict)
    next_step: str = NextStep.NONE
    callback_at: datetime | None = None
    meeting_at: datetime | None = None
    #: The lead's version the form was opened on (None: no form, e.g. the CLI). ``bant``
    #: then holds only the answers the rep changed.
    seen_version: int | None = None
    #: What the handoff summary needs besides BANT: the prospect's challenge (課題), the
    #: competitors they look at, how they decide (決裁フロー). Blank: not discussed.
    challenge: str = ""
    competitors: str = ""
    decision_process: str = ""


#: The discovery fields of a call (CallDraft and Call attributes of the same names).
DISCOVERY = ("challenge", "competitors", "decision_process")


@dataclass(frozen=True)
class CallLogged:
    call_id: int
    lead_id: int
    changes: Changes


@dataclass(frozen=True)
class CallItem:
    id: int
    user_id: int
    user_name: str | None
    started_at: datetime
    duration_seconds: int | None
    outcome: str
    notes: str | None
    temperature: str | None
    next_step: str | None
    callback_at: datetime | None
    meeting_at: datetime | None
    supersedes_id: int | None
    superseded: bool
    challenge: str | None = None
    competitors: str | None = None
    decision_process: str | None = None


#: The longest call a rep can log (a day): anything longer is a typing mistake, and a
#: number past the database's INTEGER would not be stored at all.
MAX_CALL_SECONDS = 24 * 3600


def _invalid(key: str, field_name: str, **params: object) -> InvalidInput:
    """InvalidInput with the catalogue ``key``, naming the input ``field_name``."""
    return InvalidInput(key, field=field_name, **params)


def validate(draft: CallDraft, now: datetime, keep_callback: datetime | None = None) -> None:
    """Raise InvalidInput naming the field for anything that cannot be saved.

    ``keep_callback`` is the callback a correction already had: kept as it was (to the
    minute, as the editor shows it), it may lie in the past; it is not new input.
    """
    if draft.outcome not in {o.value for o in Outcome}:
        raise _invalid(
            "call.outcome_unknown",
            "outcome",
            value=draft.outcome,
            expected=", ".join(o.value for o in Outcome),
        )
    if draft.started_at.tzinfo is None:
        raise _invalid("call.start_naive", "started_at")
    if draft.started_at > now + START_TOLERANCE:
        raise _invalid("call.start_future", "started_at")
    if draft.duration_seconds is not None and draft.duration_seconds < 0:
        raise _invalid("call.duration_negative", "duration")
    if draft.duration_seconds is not None and draft.duration_seconds > MAX_CALL_SECONDS:
        raise _invalid(
            "call.duration_too_long",
            "duration",
            seconds=draft.duration_seconds,
            limit=MAX_CALL_SECONDS,
        )
    if draft.temperature is not None and draft.temperature not in {t.value for t in Temperature}:
        raise _invalid(
            "call.temperature_unknown",
            "temperature",
            value=draft.temperature,
            expected=", ".join(t.value for t in Temperature),
        )
    check_text(draft.notes.strip(), field="notes", limit=MAX_NOTES, multiline=True)
    for name in DISCOVERY:
        check_text(getattr(draft, name).strip(), field=name, limit=MAX_EVIDENCE, multiline=True)
    if draft.next_step not in {s.value for s in NextStep}:
        raise _invalid(
            "call.next_step_unknown",
            "next_step",
            value=draft.next_step,
            expected=", ".join(s.value for s in NextStep),
        )
    if draft.next_step == NextStep.CALLBACK:
        if draft.callback_at is None:
            raise _invalid("call.callback_needs_time", "callback_at")
        if draft.callback_at.tzinfo is None:
            raise _invalid("call.callback_naive", "callback_at")
        if draft.callback_at <= now and not _same_minute(draft.callback_at, keep_callback):
            raise _invalid("call.callback_past", "callback_at")
    if draft.outcome == Outcome.CALLBACK_REQUESTED and (
        draft.next_step != NextStep.CALLBACK or draft.callback_at is None
    ):
        raise _invalid("call.callback_requested_needs_time", "callback_at")
    if draft.outcome == Outcome.MEETING_BOOKED and (
        draft.next_step != NextStep.MEETING or draft.meeting_at is None
    ):
        raise _invalid("call.meeting_booked_needs_time", "meeting_at")
    if draft.next_step == NextStep.MEETING:
        if draft.meeting_at is None:
            raise _invalid("call.meeting_needs_time", "meeting_at")
        if draft.meeting_at.tzinfo is None:
            raise _invalid("call.meeting_naive", "meeting_at")
    for name, answer in draft.bant.items():
        bant.validate(name, answer.value)
        evidence = answer.evidence.strip()
        check_text(evidence, field=f"bant.{name}", limit=MAX_EVIDENCE, multiline=True)


def _same_minute(a: datetime, b: datetime | None) -> bool:
    return b is not None and a.replace(second=0, microsecond=0) == b.replace(
        second=0, microsecond=0
    )


def lead_calls(session: Session, lead_id: int) -> list[CallItem]:
    rows = session.execute(
        select(Call, User.display_name)
        .outerjoin(User, User.id == Call.user_id)
        .where(Call.lead_id == lead_id)
        .order_by(Call.started_at.desc(), Call.id.desc())
    )
    return [
        CallItem(
            c.id,
            c.user_id,
            name,
            c.started_at,
            c.duration_seconds,
            c.outcome,
            c.notes,
            c.temperature,
            c.next_step,
            c.callback_at,
            c.meeting_at,
            c.supersedes_id,
            c.superseded,
            c.challenge,
            c.competitors,
            c.decision_process,
        )
        for c, name in rows
    ]


_LEAD_AUDIT = (
    "stage",
    "call_attempts",
    "first_call_at",
    "last_call_at",
    "unanswered_streak",
    "next_callback_at",
    "next_meeting_at",
    "temperature",
    "do_not_call",
    "phone_invalid",
    "sla_met",
)


def log_call(session: Session, user_id: int, draft: CallDraft, now: datetime) -> CallLogged:
    """Record one call and move the lead; all in the caller's transaction."""
    validate(draft, now)
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, draft.lead_id)
    permissions.require_can_work(user, lead)
    claims.refuse_if_claimed(session, lead, user.id, now, calling=True)
    refuse_if_changed(session, lead, draft.seen_version)
    require_state(lead, LeadAction.CALL)
    before = audit.snapshot(lead, _LEAD_AUDIT)
    if lead.owner_id is None and not permissions.supervises(user.role):
        lead.owner_id = user.id  # calling an unassigned lead claims it
        lead.team_id = user.team_id
    call = _new_call(draft, user_id, now)
    return _land(session, lead, call, draft, user_id, now, "lead", lead.id, "call_logged", before)


def _land(
    session: Session,
    lead: Lead,
    call: Call,
    draft: CallDraft,
    user_id: int,
    now: datetime,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, object],
) -> CallLogged:
    """The shared ending of logging and correcting a call: the call, the answers that
    moved, the lead's figures, the audit entry (of the lead, or of the corrected call)
    and the lead's new priority."""
    session.add(call)
    session.flush()
    bant.save_answers(session, lead.id, draft.bant, call.id, user_id, now)
    refresh_call_figures(session, lead, user_id, now)
    session.flush()
    subject, fields = (lead, _LEAD_AUDIT) if entity == "lead" else (call, _CALL_AUDIT)
    audit.record(
        session,
        user_id=user_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=audit.snapshot(subject, fields) | {"call_id": call.id},
        at=now,
    )
    rescore_leads(session, [lead.id], now)
    return CallLogged(call.id, lead.id, Changes(lead_ids=frozenset({lead.id}), queue=True))


def _new_call(draft: CallDraft, user_id: int, now: datetime) -> Call:
    return Call(
        lead_id=draft.lead_id,
        user_id=user_id,
        started_at=draft.started_at,
        duration_seconds=draft.duration_seconds,
        outcome=draft.outcome,
        notes=draft.notes.strip() or None,
        temperature=draft.temperature,
        next_step=draft.next_step,
        callback_at=draft.callback_at if draft.next_step == NextStep.CALLBACK else None,
        meeting_at=draft.meeting_at if draft.next_step == NextStep.MEETING else None,
        created_at=now,
        **{name: getattr(draft, name).strip() or None for name in DISCOVERY},
    )


_CALL_AUDIT = (
    "outcome",
    "notes",
    *DISCOVERY,
    "temperature",
    "next_step",
    "callback_at",
    "meeting_at",
    "duration_seconds",
    "started_at",
)


def correct_call(
    session: Session, user_id: int, call_id: int, draft: CallDraft, now: datetime
) -> CallLogged:
    """Replace a mistaken call by a corrected one (its author or a team lead only)."""
    user = permissions.actor(session, user_id)
    lead_id = session.scalar(select(Call.lead_id).where(Call.id == call_id))
    if lead_id is None:
        raise NotFound("call.not_found", call_id=call_id)
    # Lock the lead, then the call (models.db.locking), and read the call under its lock:
    # a correction that committed meanwhile is seen here and this one refused.
    lead = lead_for_update(session, lead_id)
    old = call_for_update(session, call_id)
    if old.superseded:
        raise InvalidInput("call.already_corrected", field="call", call_id=call_id)
    if old.user_id != user.id and not permissions.supervises(user.role):
        raise PermissionDenied("call.correct_not_allowed", call_id=call_id)
    if old.user_id != user.id:
        permissions.require_can_work(user, lead)  # a team lead: their own team's leads
    if draft.lead_id != old.lead_id:
        raise InvalidInput("call.correct_other_lead", field="lead")
    # An unchanged callback may lie in the past by now; that is not new input.
    validate(draft, now, keep_callback=old.callback_at)
    refuse_if_changed(session, lead, draft.seen_version)
    before = audit.snapshot(old, _CALL_AUDIT)
    old.superseded = True
    new = _new_call(draft, old.user_id, now)
    new.supersedes_id = old.id
    return _land(session, lead, new, draft, user_id, now, "call", old.id, "call_corrected", before)
