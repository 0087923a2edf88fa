"""Finding the lead a row is: the tool's id, then the email, then phone + name + company.

A shared switchboard number (代表番号) with another name is never the same person, and
a name alone never matches anyone. Look-ups go a chunk of keys at a time (index seeks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Lead
from models.core.import_records import LeadSourceKey
from models.core.text import fold
from models.scoring.rescore import IN_CHUNK


class Rule(StrEnum):
    """Why a row is an existing lead (the report says it)."""

    EXTERNAL_ID = "external_id"
    EMAIL = "email"
    PHONE_NAME_COMPANY = "phone_name_company"


def name_key(name: str) -> str:
    return fold(name).replace(" ", "").replace("\u3000", "")


@dataclass(frozen=True)
class PhoneHolder:
    lead_id: int
    name_key: str
    company_key: str | None


def _chunks(keys: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), IN_CHUNK):
        yield ordered[start : start + IN_CHUNK]


def by_external_id(session: Session, source: str, ids: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(LeadSourceKey.external_id, LeadSourceKey.lead_id).where(
                LeadSourceKey.source_system == source, LeadSourceKey.external_id.in_(chunk)
            )
        )
        found.update(dict(rows.all()))
    return found


def by_email(session: Session, emails: Iterable[str]) -> dict[str, int]:
    """Email -> lead (the oldest, when several leads share an address)."""
    found: dict[str, int] = {}
    for chunk in _chunks(emails):
        rows = session.execute(
            select(Lead.email, Lead.id).where(Lead.email.in_(chunk)).order_by(Lead.id)
        )
        for email, lead_id in rows:
            if email is not None:
                found.setdefault(email, lead_id)
    return found


def by_phone(session: Session, phones: Iterable[str]) -> dict[str, list[PhoneHolder]]:
    found: dict[str, list[PhoneHolder]] = {}
    for chunk in _chunks(phones):
        rows = session.execute(
            select(Lead.phone_e164, Lead.id, Lead.name, Account.name_key)
            .join(Account, Account.id == Lead.account_id)
            .where(Lead.phone_e164.in_(chunk))
            .order_by(Lead.id)
        )
        for phone, lead_id, name, company in rows:
            if phone is not None:
                found.setdefault(phone, []).append(PhoneHolder(lead_id, name_key(name), company))
    return found


def same_person(holders: Sequence[PhoneHolder], name: str, company: str) -> int | None:
    """The lead at this number with this name at this company (None: a switchboard
    shared by other people, or nobody)."""
    key = name_key(name)
    for holder in holders:
        if holder.name_key == key and holder.company_key == company:
            return holder.lead_id
    return None


def accounts_by_key(session: Session, keys: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(k for k in keys if k):
        rows = session.execute(
            select(Account.name_key, Account.id)
            .where(Account.name_key.in_(chunk))
            .order_by(Account.id)
        )
        for key, account_id in rows:
            if key is not None:
                found.setdefault(key, account_id)
    return found
