"""What a write changed, so each view can decide whether to refresh (Anki's OpChanges).

A use case returns :class:`Changes` (or a result whose ``changes`` attribute is one);
the desktop layer stamps it with the ``initiator`` of the action, so the view that made
a change can skip refreshing what it already shows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    lead_ids: frozenset[int] = frozenset()
    #: The queue's order or membership may have changed.
    queue: bool = False
    #: The handoff definition (scoring weights, criteria) changed.
    definition: bool = False
    #: Users were added, changed or deactivated.
    users: bool = False
    #: A team's working rules (hours, holidays, speed to lead, attempts) changed.
    team: bool = False
    #: Handoffs were made or answered (field sales' inbox, the overdue list).
    handoffs: bool = False
    #: Who asked for the change (an opaque token the desktop layer sets; None: nobody
    #: in this window, e.g. another process or a background tick).
    initiator: str | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            lead_ids=self.lead_ids | other.lead_ids,
            queue=self.queue or other.queue,
            definition=self.definition or other.definition,
            users=self.users or other.users,
            team=self.team or other.team,
            handoffs=self.handoffs or other.handoffs,
            initiator=self.initiator if self.initiator == other.initiator else None,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.lead_ids
            or self.queue
            or self.definition
            or self.users
            or self.team
            or self.handoffs
        )
