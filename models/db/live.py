"""What PostgreSQL's notifications say changed (live refresh; migration 0009).

Triggers on the shared tables ``pg_notify`` the channel :data:`CHANNEL` when a
transaction commits; each payload is a table and the ids it changed (``lead:12,40``),
a table and ``*`` ("many rows: reload") or a table alone. :func:`read` turns a batch of
payloads into the :class:`~models.core.changes.Changes` the views already understand,
plus the leads whose claim changed (who is on the phone), which only the queue shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from models.core.changes import Changes

CHANNEL = "baton"

#: Tables announced by name, and what a change of them means to the views.
_BY_TABLE: dict[str, Changes] = {
    "handoff": Changes(handoffs=True),
    "user_account": Changes(users=True),
    "away_period": Changes(users=True),
    "team": Changes(team=True),
    "definition": Changes(definition=True),
    "definition_approval": Changes(definition=True),
}


@dataclass(frozen=True)
class LiveChanges:
    """A batch of notifications, read."""

    changes: Changes = field(default_factory=Changes)
    #: Leads whose claim was taken, taken over or let go.
    claims: frozenset[int] = frozenset()
    #: Many claims changed at once: every lead shown may have a new claimant.
    all_claims: bool = False

    @property
    def empty(self) -> bool:
        return self.changes.empty and not self.claims and not self.all_claims


def parse(payload: str) -> tuple[str, frozenset[int] | None]:
    """(table, ids) of one payload; ids None means "many rows" or "the table"; a payload
    that is not Baton's reads as an unknown table with no ids."""
    table, sep, rest = payload.partition(":")
    if not sep or rest == "*":
        return table, None
    try:
        return table, frozenset(int(part) for part in rest.split(",") if part)
    except ValueError:
        return "", None


def read(payloads: Iterable[str]) -> LiveChanges:
    """Everything ``payloads`` announce, merged (the feed reads them in batches)."""
    changes = Changes()
    claims: set[int] = set()
    all_claims = False
    for payload in payloads:
        table, ids = parse(payload)
        if table == "lead":
            changes |= Changes(queue=True) if ids is None else Changes(lead_ids=ids)
        elif table == "lead_claim":
            if ids is None:
                all_claims = True
            else:
                claims |= ids
        elif table in _BY_TABLE:
            changes |= _BY_TABLE[table]
    return LiveChanges(changes, frozenset(claims), all_claims)
