"""The handoff summary (商談化シート) built from the database: a preview of a lead, or
what a handoff gave field sales.

:func:`summary_for_lead` is a preview (before promotion; promotion snapshots the same);
:func:`summary_for_handoff` is what a handoff gave field sales: the JSON kept with it at
promotion, or built from the handoff's row when none was kept. The data itself (plain
dataclasses, to and from JSON) is :mod:`models.handoff.summary_data`, re-exported here;
the desktop puts it into words and formats (``desktop.handoff``).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Definition, Handoff, Lead
from models.core.errors import BatonError, NotFound
from models.definitions import versions
from models.definitions.evaluate import Check
from models.handoff.checklist import checklist_of
from models.handoff.facts import as_of, facts_of
from models.handoff.summary_data import (
    FORMAT,
    HISTORY_GROUPS,
    Answer,
    Attendee,
    CallNote,
    Company,
    Contact,
    HandoffSummary,
    HistoryItem,
    Meeting,
    Person,
    Score,
    ScoreLine,
    check_from_data,
    history_of,
)
from models.handoff.summary_sources import (
    answers_as_of,
    calls_of,
    latest_words,
    person,
    score_as_of,
    touches_of,
)

__all__ = [
    "FORMAT",
    "HISTORY_GROUPS",
    "Answer",
    "Attendee",
    "CallNote",
    "Company",
    "Contact",
    "HandoffSummary",
    "HistoryItem",
    "Meeting",
    "Person",
    "Score",
    "ScoreLine",
    "summary_for_handoff",
    "summary_for_lead",
]


def summary_for_lead(
    session: Session,
    lead_id: int,
    now: datetime,
    *,
    field_rep_id: int | None = None,
    meeting_at: datetime | None = None,
    note: str | None = None,
    promoted_by: int | None = None,
    override_reason: str | None = None,
) -> HandoffSummary:
    """The summary the lead would be handed off with at ``now`` (a preview).

    ``meeting_at`` defaults to the lead's booked meeting; the rep attending is
    ``promoted_by``, else the lead's owner.
    """
    return _build(
        session,
        lead_id,
        now,
        field_rep_id=field_rep_id,
        meeting_at=meeting_at,
        note=note,
        promoted_by=promoted_by,
        override_reason=override_reason,
    )


def summary_for_handoff(
    session: Session, handoff_id: int, *, now: datetime | None = None
) -> HandoffSummary:
    """What the handoff gave field sales: the summary kept at promotion, else built from
    the handoff's row (its field rep, meeting, note, checklist) as of its promotion."""
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise NotFound("handoff.not_found", handoff_id=handoff_id)
    if handoff.summary:
        try:
            return HandoffSummary.from_data(json.loads(handoff.summary))
        except (ValueError, KeyError, TypeError, BatonError):
            pass  # unreadable (hand-edited, an unknown layout): built again below
    return _build(
        session,
        handoff.lead_id,
        now or handoff.created_at,
        field_rep_id=handoff.field_rep_id,
        meeting_at=handoff.meeting_at,
        note=handoff.note,
        promoted_by=handoff.promoted_by,
        override_reason=handoff.override_reason,
        handoff=handoff,
    )


def _build(
    session: Session,
    lead_id: int,
    now: datetime,
    *,
    field_rep_id: int | None,
    meeting_at: datetime | None,
    note: str | None,
    promoted_by: int | None,
    override_reason: str | None,
    handoff: Handoff | None = None,
) -> HandoffSummary:
    row = session.execute(
        select(Lead, Account).join(Account, Account.id == Lead.account_id).where(Lead.id == lead_id)
    ).first()
    if row is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    lead, account = row.Lead, row.Account
    definition = versions.active(session)
    #: A handoff built after the fact shows what there was at its promotion; a preview
    #: shows everything (a call may start a few minutes ahead of a desktop's clock).
    until = now if handoff is not None else None
    touches = touches_of(session, lead_id, until)
    checks, version, name = _checklist(session, definition, lead, account, now, handoff)
    contact = Contact(
        lead.name,
        lead.name_kana,
        lead.title,
        lead.department,
        lead.phone,
        lead.phone_e164,
        lead.email,
    )
    rep = person(session, promoted_by or lead.owner_id)
    field_rep = person(session, field_rep_id)
    calls = calls_of(session, lead_id, until)
    # The score the checklist read: kept with a handoff at its promotion, else the stored
    # one (the queue's), explained as of when it was computed.
    kept = handoff.facts if handoff is not None and handoff.facts else None
    if kept is not None:
        scored_at, headline = now, (int(kept["score"]), str(kept["grade"]))
    else:
        scored_at, headline = lead.scored_at or now, (lead.score, lead.grade)
    return HandoffSummary(
        lead_id=lead.id,
        handoff_id=handoff.id if handoff is not None else None,
        as_of=now,
        company=Company(
            account.name,
            account.name_kana,
            account.industry,
            account.size_band,
            account.employees,
            account.region,
            account.prefecture,
            account.website,
            account.phone,
            account.phone_e164,
        ),
        contact=contact,
        challenge=latest_words(calls, "challenge"),
        decision_process=latest_words(calls, "decision_process"),
        competitors=latest_words(calls, "competitors"),
        bant=tuple(
            Answer(a.field, a.value, a.evidence, a.recorded_at)
            for a in answers_as_of(session, lead_id, until)
        ),
        temperature=lead.temperature,
        meeting=Meeting(
            meeting_at or lead.next_meeting_at,
            _attendees(contact, field_rep, rep),
        ),
        qualified=all(check.met for check in checks),
        checklist=checks,
        score=score_as_of(definition.scoring, lead, account, touches, scored_at, headline),
        history=history_of(touches),
        calls=calls,
        recommendation=(note or "").strip() or None,
        definition_version=version,
        definition_name=name,
        rep=rep,
        promoted_by=person(session, promoted_by),
        field_rep=field_rep,
        promoted_at=handoff.created_at if handoff is not None else None,
        override_reason=(override_reason or "").strip() or None,
    )


def _attendees(
    contact: Contact, field_rep: Person | None, rep: Person | None
) -> tuple[Attendee, ...]:
    attendees = [Attendee("prospect", contact.name, contact.title, contact.email)]
    if field_rep is not None:
        attendees.append(Attendee("field_rep", field_rep.name, None, field_rep.email))
    if rep is not None:
        attendees.append(Attendee("rep", rep.name, None, rep.email))
    return tuple(attendees)


def _checklist(
    session: Session,
    definition: versions.ActiveDefinition,
    lead: Lead,
    account: Account,
    now: datetime,
    handoff: Handoff | None,
) -> tuple[tuple[Check, ...], int, str]:
    """The checklist with the definition's version and name: a handoff's as kept with it,
    else the definition in effect checked on the lead at ``now``."""
    if handoff is not None and handoff.checklist is not None:
        name = definition.name
        if handoff.definition_id is not None and handoff.definition_id != definition.id:
            name = (
                session.scalar(
                    select(Definition.name).where(Definition.id == handoff.definition_id)
                )
                or name
            )
        checks = tuple(check_from_data(item) for item in handoff.checklist)
        return checks, handoff.definition_version or definition.version, name
    facts = facts_of(session, lead, account)
    checked = checklist_of(definition, as_of(facts, now) if handoff is not None else facts, now)
    return checked.items, definition.version, definition.name
