"""The definition in effect, checked on one lead: each criterion met or not, with evidence.

The lead pane shows it (and updates it as calls are logged), promotion re-checks it
inside its transaction, the handoff keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from models.definitions import versions
from models.definitions.criteria import root
from models.definitions.evaluate import Check, QualifyingFacts, evaluate
from models.handoff.facts import lead_facts


@dataclass(frozen=True)
class Checklist:
    definition_id: int
    definition_version: int
    definition_name: str
    #: The whole definition checked (an ``all`` group: its items are the checklist's lines).
    check: Check
    facts: QualifyingFacts

    @property
    def qualified(self) -> bool:
        return self.check.met

    @property
    def missing(self) -> int:
        """How many criteria the lead lacks (0: it meets the definition)."""
        return self.check.missing

    @property
    def items(self) -> tuple[Check, ...]:
        return self.check.items

    def first_unmet(self) -> Check | None:
        """The first criterion not met, descending into groups (what a refusal names)."""
        return _first_unmet(self.check)


def _first_unmet(check: Check) -> Check | None:
    if check.met:
        return None
    for item in check.items:
        found = _first_unmet(item)
        if found is not None:
            return found
    return check


def checklist(session: Session, lead_id: int, now: datetime) -> Checklist:
    """The effective definition checked on the lead at ``now``."""
    definition = versions.active(session)
    facts = lead_facts(session, lead_id)
    return checklist_of(definition, facts, now)


def checklist_of(
    definition: versions.ActiveDefinition, facts: QualifyingFacts, now: datetime
) -> Checklist:
    return Checklist(
        definition.id,
        definition.version,
        definition.name,
        evaluate(root(definition.criteria), facts, now),
        facts,
    )
