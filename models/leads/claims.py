"""Claims: the lead a rep is on the phone with, held as a lease that expires.

A rep opening the call dialog claims the lead (:func:`claim`); the dialog renews the
lease while it is open (:func:`renew`) and lets go when it closes (:func:`release`).
Another rep trying to claim or log a call on that lead meanwhile is refused with who
holds it and since when; a lease nobody renewed (a crashed desktop, a lost network) runs
out after :data:`LEASE` and the next rep takes it over. :func:`claim_next` hands a rep
the first lead of their queue nobody else holds, skipping leads being written right now.

Lock rules (models.db.locking): a claim row is created or taken over only while its
lead's row is locked (``FOR NO KEY UPDATE``: the claim never changes the lead itself, so
a form opened on the lead stays current); two reps claiming one lead at once are
therefore serialised and exactly one wins. Renewing and releasing touch only the rep's
own row. SQLite serialises writers with ``BEGIN IMMEDIATE`` instead.

A rep holds one claim at a time: claiming a lead lets go of any other they held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, exists, select, update
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Lead, LeadClaim, User
from models.core.errors import BatonError, ConcurrentChange
from models.core.messages import lead_label
from models.db.locking import lead_for_update
from models.leads.availability import LeadAction, require_state
from models.leads.queue import QueueQuery, queue_ids
from models.teams import permissions

#: How long a claim lasts unless renewed (the call dialog renews it every few minutes).
LEASE = timedelta(minutes=15)
#: How many queue candidates :func:`claim_next` tries per locking statement.
CANDIDATES = 50


@dataclass(frozen=True)
class Claim:
    """A claim held (the result of claiming or renewing). It changes nothing the window
    that claimed shows: who is on the phone reaches every queue through the live feed."""

    lead_id: int
    user_id: int
    claimed_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Claimant:
    """Who is on the phone with a lead, for the queue and the lead's views."""

    user_id: int
    name: str
    since: datetime
    expires_at: datetime


def holder(session: Session, lead_id: int, now: datetime) -> Claimant | None:
    """Who holds a live claim on the lead (None: nobody, or the lease ran out)."""
    return claimants(session, [lead_id], now).get(lead_id)


def claimants(session: Session, lead_ids: list[int], now: datetime) -> dict[int, Claimant]:
    """The live claims on these leads, by lead id: one query for a page of the queue."""
    if not lead_ids:
        return {}
    rows = session.execute(
        select(
            LeadClaim.lead_id,
            LeadClaim.user_id,
            User.display_name,
            LeadClaim.claimed_at,
            LeadClaim.expires_at,
        )
        .join(User, User.id == LeadClaim.user_id)
        .where(LeadClaim.lead_id.in_(lead_ids), LeadClaim.expires_at > now)
    )
    return {lead_id: Claimant(uid, name, since, until) for lead_id, uid, name, since, until in rows}


def refuse_if_claimed(
    session: Session, lead: Lead, user_id: int, now: datetime, *, calling: bool = False
) -> None:
    """Refuse (ConcurrentChange) when someone other than ``user_id`` holds a live claim on
    ``lead`` (locked by the caller, so no claim can be taken meanwhile); ``calling``: the
    refusal of a call being logged (nothing was saved)."""
    other = holder(session, lead.id, now)
    if other is None or other.user_id == user_id:
        return
    said = {
        "lead": lead_label(lead),
        "user": other.name,
        "at": other.since.isoformat(timespec="minutes"),
    }
    if calling:
        raise ConcurrentChange("call.claimed_by_other", field="lead", **said)
    raise ConcurrentChange("claim.held", field="lead", **said)


def _take(session: Session, lead: Lead, user_id: int, now: datetime, lease: timedelta) -> Claim:
    """Hold ``lead`` (locked by the caller) for ``user_id``; refused (ConcurrentChange)
    when someone else holds a live claim on it. The claim is read here, under the lock,
    in a statement of its own: on PostgreSQL a claim committed after the caller's locking
    statement began is seen (a locked row is re-checked only when it was updated, and a
    claim leaves the lead as is)."""
    refuse_if_claimed(session, lead, user_id, now)
    session.execute(
        delete(LeadClaim).where(LeadClaim.user_id == user_id, LeadClaim.lead_id != lead.id)
    )
    row = session.get(LeadClaim, lead.id, populate_existing=True)
    if row is None:
        row = LeadClaim(lead_id=lead.id, user_id=user_id, claimed_at=now)
        session.add(row)
    elif row.user_id != user_id:  # a lease that ran out: taken over
        row.user_id = user_id
        row.claimed_at = now
    row.expires_at = now + lease
    session.flush()
    return Claim(lead.id, user_id, row.claimed_at, row.expires_at)


def claim(
    session: Session, user_id: int, lead_id: int, now: datetime, lease: timedelta = LEASE
) -> Claim:
    """Claim the lead for ``user_id`` (or renew their claim), in the caller's transaction.

    Refused when the rep may not work the lead, when it cannot be called, or when
    someone else holds a live claim on it (ConcurrentChange naming them and since when).
    """
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, lead_id)
    permissions.require_can_work(user, lead)
    require_state(lead, LeadAction.CALL)
    return _take(session, lead, user.id, now, lease)


def renew(
    session: Session, user_id: int, lead_id: int, now: datetime, lease: timedelta = LEASE
) -> Claim:
    """Extend the rep's claim; a claim they lost (it ran out and was released or taken
    over) is claimed again, refused if someone else holds it now."""
    expires_at = now + lease
    renewed = session.execute(
        update(LeadClaim)
        .where(LeadClaim.lead_id == lead_id, LeadClaim.user_id == user_id)
        .values(expires_at=expires_at)
        .returning(LeadClaim.claimed_at)
    ).scalar()
    if renewed is None:
        return claim(session, user_id, lead_id, now, lease)
    return Claim(lead_id, user_id, renewed, expires_at)


def release(session: Session, user_id: int, lead_id: int) -> Changes:
    """Let go of the rep's claim on the lead (nothing when they no longer hold it)."""
    session.execute(
        delete(LeadClaim).where(LeadClaim.lead_id == lead_id, LeadClaim.user_id == user_id)
    )
    return Changes()


def claim_next(
    session: Session,
    user_id: int,
    now: datetime,
    query: QueueQuery,
    lease: timedelta = LEASE,
) -> Claim | None:
    """Claim the first lead of ``query``'s order that nobody else holds (None: none left).

    Leads another transaction is writing right now are skipped, not waited for
    (``FOR NO KEY UPDATE SKIP LOCKED``), so reps asking at the same moment each get a
    different lead. The lead taken is checked again under its lock (it may have been
    reassigned or taken out of the queue since the queue was read, or claimed by a
    transaction that committed after the locking statement's snapshot: PostgreSQL
    re-checks a locked row only when it was updated, and a claim leaves the lead as is).
    """
    user = permissions.actor(session, user_id)
    ordered = queue_ids(session, query)
    for start in range(0, len(ordered), CANDIDATES):
        candidates = ordered[start : start + CANDIDATES]
        while candidates:
            lead = _first_free(session, user.id, candidates, now)
            if lead is None:
                break
            try:
                permissions.require_can_work(user, lead)
                require_state(lead, LeadAction.CALL)
                return _take(session, lead, user.id, now, lease)
            except BatonError:
                candidates = candidates[candidates.index(lead.id) + 1 :]
    return None


def _first_free(session: Session, user_id: int, ids: list[int], now: datetime) -> Lead | None:
    """The first of ``ids`` (in that order) that no other rep holds and no other
    transaction has locked, locked now and freshly read (None: there is none)."""
    held = exists().where(
        LeadClaim.lead_id == Lead.id, LeadClaim.user_id != user_id, LeadClaim.expires_at > now
    )
    position = case({lead_id: n for n, lead_id in enumerate(ids)}, value=Lead.id)
    statement = (
        select(Lead)
        .where(Lead.id.in_(ids), ~held)
        .order_by(position)
        .limit(1)
        .with_for_update(of=Lead, key_share=True, skip_locked=True)
    )
    return session.scalars(statement, execution_options={"populate_existing": True}).first()
