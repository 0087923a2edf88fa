"""Working leads ready to hand off in the demo, and leads one criterion away.

The "Ready to hand off" list, ``baton queue --qualified`` and ``--one-away``, the lead
pane's checklist and Promote to field sales need leads that meet the definition in
effect, or nearly. About :data:`SHARE` of the leads (at least :data:`AT_LEAST`) are
*ready* and about as many *one criterion away*, spread over the second half of the data
set (the first leads, which lists show first, stay ordinary ones).

Such leads are picked, never forced: only a working lead whose company, touches and
score (as :func:`models.scoring.rescore.derive` will score them at ``now``) already meet
what no call can change (the definition's score, grade, touch and company criteria,
checked by its own evaluator) is aimed. Its calls then end, within the last few business
days, in what the aim says (:class:`models.demo.history.Aim`): a meeting booked two to
eight business days out, still ahead; its contact answers what the definition asks, in
words that fit the title (only a title the scoring ranks executive or director decides).
A lead one criterion away lacks exactly one of the rest: a BANT field nobody asked yet,
an answer the definition does not take (a need still latent), or the meeting.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from models.core.enums import BANT_UNKNOWN, BANT_VALUES, BantField, Outcome, Seniority, Stage
from models.definitions.criteria import (
    BantIn,
    Criterion,
    GradeIn,
    Group,
    MeetingBooked,
    Reached,
    ScoreAtLeast,
)
from models.definitions.evaluate import QualifyingFacts, TouchFact, evaluate
from models.definitions.scoring_config import ScoringConfig
from models.demo import conversations
from models.demo.history import Aim
from models.scoring.score import LeadFacts, score_lead

#: The share of the leads that are ready to hand off (as many are one criterion away).
SHARE = 0.005
#: Ready leads at least (and one criterion away), as far as the data set has candidates.
AT_LEAST = 3
#: The picks are spread over this share of the data set's second half (at least the
#: last :data:`_WINDOW` leads), at most one of each kind ahead of an even spread.
_SPREAD = 0.75
_WINDOW = 150


class Kind(StrEnum):
    READY = "ready"
    #: A meeting booked, one BANT field not asked yet.
    UNASKED = "unasked"
    #: A meeting booked, one answer the definition does not take.
    ANSWER = "answer"
    #: Everything but the meeting.
    NO_MEETING = "no_meeting"


@dataclass(frozen=True)
class Goal:
    """What one aimed lead's calls and answers come to."""

    kind: Kind
    aim: Aim
    #: Per BANT field the definition asks about, the values its contact may give.
    allowed: tuple[tuple[str, tuple[str, ...]], ...]
    #: One answer outside them (``ANSWER``).
    off: tuple[str, str] | None = None


class Picker:
    """Which working leads are aimed, and at what (one per generation, in lead order)."""

    def __init__(
        self, criteria: Criterion, config: ScoringConfig, leads: int, now: datetime
    ) -> None:
        self.config = config
        self.now = now
        self.target = max(AT_LEAST, round(leads * SHARE))
        # The second half, or the last leads enough to find candidates in a small demo.
        self.first = max(0, min(leads // 2, leads - _WINDOW))
        self.span = max(1, math.floor((leads - self.first) * _SPREAD))
        items = criteria.items if isinstance(criteria, Group) and criteria.kind == "all" else ()
        self.scored = [i for i in items if isinstance(i, ScoreAtLeast | GradeIn)]
        self.bant = [i for i in items if isinstance(i, BantIn)]
        calls = (BantIn, Reached, MeetingBooked, ScoreAtLeast, GradeIn)
        #: What no call changes and the score does not say (touches, company, groups).
        self.fixed = [i for i in items if not isinstance(i, calls)]
        self.meeting = any(isinstance(i, MeetingBooked) for i in items)
        self.asked = [c.field for c in self.bant if BANT_UNKNOWN not in c.values]
        self.ready = 0
        self.near = 0

    def _due(self, made: int) -> int:
        """How many of each kind the first ``made`` leads should hold."""
        if made <= self.first:
            return 0
        return min(self.target, math.ceil(self.target * (made - self.first) / self.span) + 1)

    def goal(
        self,
        made: int,
        account: dict[str, object],
        title: str | None,
        seniority: Seniority,
        touches: list[tuple[str, datetime]],
    ) -> Goal | None:
        """The goal of the ``made``-th lead, a working one that could be aimed (no due
        callback, callable), or None: it stays as chance made it."""
        due = self._due(made)
        if self.ready >= due and self.near >= due:
            return None
        top = conversations.is_top(title)
        allowed = tuple(
            (c.field, tuple(v for v in c.values if _fits(c.field, v, seniority, top)))
            for c in self.bant
        )
        if any(not values for _field, values in allowed) or not self._fixed_met(
            account, title, touches
        ):
            return None
        if self.ready < due:
            self.ready += 1
            return Goal(Kind.READY, Aim(Outcome.MEETING_BOOKED, self._fields()), allowed)
        goal = self._one_away(allowed, seniority, top)
        if goal is not None:
            self.near += 1
        return goal

    def _fields(self, *but: str) -> tuple[str, ...]:
        return tuple(c.field for c in self.bant if c.field not in but)

    def _one_away(
        self, allowed: tuple[tuple[str, tuple[str, ...]], ...], seniority: Seniority, top: bool
    ) -> Goal | None:
        """A goal one criterion short, the kinds in turn (and within a kind, its fields)."""
        off = [
            (c.field, v)
            for c in self.bant
            for v in BANT_VALUES[c.field]
            if v not in c.values
            and v != BANT_UNKNOWN
            and v not in conversations.NEGATIVE
            and _fits(c.field, v, seniority, top)
        ]
        kinds = [
            kind
            for kind, possible in (
                (Kind.UNASKED, self.asked),
                (Kind.NO_MEETING, self.meeting),
                (Kind.ANSWER, off),
            )
            if possible
        ]
        if not kinds:
            return None
        kind = kinds[self.near % len(kinds)]
        turn = self.near // len(kinds)
        if kind == Kind.UNASKED:
            unasked = self.asked[turn % len(self.asked)]
            aim = Aim(Outcome.MEETING_BOOKED, self._fields(unasked), (unasked,))
            return Goal(kind, aim, allowed)
        if kind == Kind.NO_MEETING:
            return Goal(kind, Aim(Outcome.CONNECTED, self._fields()), allowed)
        return Goal(
            kind, Aim(Outcome.MEETING_BOOKED, self._fields()), allowed, off[turn % len(off)]
        )

    def _fixed_met(
        self, account: dict[str, object], title: str | None, touches: list[tuple[str, datetime]]
    ) -> bool:
        """Whether the lead meets the definition's criteria that no call changes."""
        industry, size_band, region = (
            _text(account.get(name)) for name in ("industry", "size_band", "region")
        )
        facts = QualifyingFacts(
            score=0,
            grade="",
            touches=tuple(TouchFact(str(kind), at) for kind, at in touches),
            industry=industry,
            size_band=size_band,
            region=region,
        )
        if not all(evaluate(c, facts, self.now).met for c in self.fixed):
            return False
        if not self.scored:
            return True
        scored = score_lead(
            LeadFacts(industry, size_band, title, region),
            touches,
            self.now,
            self.config,
        )
        facts = QualifyingFacts(score=scored.score, grade=scored.grade)
        return all(evaluate(c, facts, self.now).met for c in self.scored)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _fits(field: str, value: str, seniority: Seniority, top: bool) -> bool:
    """Whether a contact of this title can give this answer (only a title the scoring
    ranks executive or director decides; a president always does)."""
    if field != BantField.AUTHORITY:
        return True
    if value == "decision_maker":
        return top or seniority in (Seniority.EXECUTIVE, Seniority.DIRECTOR)
    return not top


def answers(
    rng: random.Random, goal: Goal, seniority: Seniority, title: str | None
) -> dict[str, str]:
    """What an aimed lead's contact answers: a qualified lead's answers, within what the
    definition takes (but the one answer a lead one criterion away gives outside it)."""
    spoken = conversations.profile(rng, Stage.PROMOTED, seniority, title, None)
    for name, values in goal.allowed:
        if spoken[name] not in values:
            spoken[name] = rng.choice(values)
    if goal.off is not None:
        name, value = goal.off
        spoken[name] = value
    return spoken
