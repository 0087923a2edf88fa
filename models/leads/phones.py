"""Finding leads by a phone number, however it is written (an inbound call, a duplicate).

Matches on the stored E.164 forms (indexed), so ``０３－１２３４－５６７８`` finds the lead
whose number was typed ``03-1234-5678`` or ``+81 3 1234 5678``, on SQLite and PostgreSQL
alike. A lead is found by its own number or by its company's main line.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Lead
from models.core.phones import to_e164


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
