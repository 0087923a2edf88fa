"""A lead's phone number: finding leads by it, and a rep entering a new one.

Matches on the stored E.164 forms (indexed), so ``０３－１２３４－５６７８`` finds the lead
whose number was typed ``03-1234-5678`` or ``+81 3 1234 5678``, on SQLite and PostgreSQL
alike. A lead is found by its own number or by its company's main line.

A call logged "wrong number" marks the lead's number invalid (models.leads.call_figures);
the lead then ranks below every lead that can be reached until a rep enters a new number
here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Account, Lead
from models.core.errors import InvalidInput
from models.core.messages import lead_label
from models.core.phones import checked_phone, to_e164
from models.db.locking import lead_for_update
from models.leads.call_figures import number_reached_nobody
from models.leads.concurrency import refuse_if_changed
from models.scoring.rescore import rescore_leads
from models.teams import permissions

_AUDIT = ("phone", "phone_e164", "phone_invalid", "phone_changed_at")


def leads_by_phone(session: Session, typed: str) -> list[int]:
    """Ids of the leads reached at ``typed`` (their own number or their company's), by id."""
    e164 = to_e164(typed)
    if e164 is None:
        return []
    own = select(Lead.id).where(Lead.phone_e164 == e164)
    company = (
        select(Lead.id)
        .join(Account, Account.id == Lead.account_id)
        .where(Account.phone_e164 == e164)
    )
    return sorted(set(session.scalars(own)) | set(session.scalars(company)))


def update_phone(
    session: Session,
    user_id: int,
    lead_id: int,
    typed: str,
    now: datetime,
    seen_version: int | None = None,
) -> Changes:
    """Enter a new number for the lead (kept as typed, dialled in E.164).

    A wrong number stops counting: the lead is reachable again and rescored. The number
    that was marked wrong is refused (correct the call if it was logged by mistake), and so
    is text that is no phone number: the rep is entering a number to dial.
    """
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, lead_id)
    permissions.require_can_work(user, lead)
    refuse_if_changed(session, lead, seen_version)
    text, e164 = checked_phone(typed, column=Lead.phone)
    if text is None:
        raise InvalidInput("lead.phone_required", field="phone", lead=lead_label(lead))
    if e164 is None:
        raise InvalidInput(
            "lead.phone_not_a_number", field="phone", value=text, lead=lead_label(lead)
        )
    if lead.phone_invalid and e164 == lead.phone_e164:
        raise InvalidInput(
            "lead.phone_same_as_wrong", field="phone", value=text, lead=lead_label(lead)
        )
    if text == lead.phone and not lead.phone_invalid:
        return Changes()
    before = audit.snapshot(lead, _AUDIT)
    lead.phone, lead.phone_e164, lead.phone_changed_at = text, e164, now
    lead.phone_invalid = number_reached_nobody(session, lead)
    session.flush()
    audit.record(
        session,
        user_id=user_id,
        entity="lead",
        entity_id=lead.id,
        action="phone_changed",
        before=before,
        after=audit.snapshot(lead, _AUDIT),
        at=now,
    )
    rescore_leads(session, [lead.id], now)
    return Changes(lead_ids=frozenset({lead.id}), queue=True)
