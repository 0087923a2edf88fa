"""What a write changed, so each view can decide whether to refresh (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    lead_ids: frozenset[int] = frozenset()
    #: The queue's order or membership may have changed.
    queue: bool = False
    definition: bool = False
    users: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            lead_ids=self.lead_ids | other.lead_ids,
            queue=self.queue or other.queue,
            definition=self.definition or other.definition,
            users=self.users or other.users,
        )

    @property
    def empty(self) -> bool:
        return not (self.lead_ids or self.queue or self.definition or self.users)
