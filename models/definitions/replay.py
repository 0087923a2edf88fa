"""Past handoffs replayed on a definition: would each one have qualified, at its own time?

Each handoff kept what the criteria read of its lead at promotion (``Handoff.facts``, a
:meth:`QualifyingFacts.to_data` snapshot); the pure evaluator
(:func:`models.definitions.evaluate.evaluate`) replays a criteria tree on it at the
handoff's ``created_at``. The what-if runs this as the editor types, over thousands of
handoffs, so two things keep it cheap:

- **What is kept per handoff is light and kept once.** A snapshot never changes after the
  promotion, so its parts are read once per process (:data:`_kept`, keyed by database,
  handoff id and time) into plain values: touch times by kind (parsed when a tree first
  names the kind), the BANT values, the dates, the company. Later replays read only the
  handoffs' ids, times and answers.
- **The evaluator gets what the criteria read.** The facts built for a replay hold the
  touches of the kinds the tree names, no titles or evidence (none decide a criterion):
  the checks are the evaluator's own, on fewer objects.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Handoff
from models.core.enums import BANT_UNKNOWN
from models.definitions.criteria import Criterion, Group, Touches
from models.definitions.evaluate import AnswerFact, QualifyingFacts, TouchFact, evaluate

#: Handoffs kept in memory at most (per process); beyond, the oldest reads are dropped.
KEEP = 200_000
_parse = datetime.fromisoformat


@dataclass(frozen=True)
class Kept:
    """What the criteria read of one past handoff's snapshot, as plain values."""

    score: int
    grade: str
    #: The touches' times by kind, as written (ISO text): parsed when a replay reads them.
    touches: Mapping[str, tuple[str, ...]]
    bant: Mapping[str, str]
    reached_at: datetime | None
    meeting_at: datetime | None
    industry: str | None
    size_band: str | None
    region: str | None
    _parsed: dict[str, tuple[datetime, ...]] = field(default_factory=dict, compare=False)

    def times(self, kind: str) -> tuple[datetime, ...]:
        """When this lead had touches of ``kind`` (parsed once)."""
        found = self._parsed.get(kind)
        if found is None:
            found = self._parsed[kind] = tuple(_parse(t) for t in self.touches.get(kind, ()))
        return found

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Kept:
        def when(value: Any) -> datetime | None:
            return _parse(value) if isinstance(value, str) else None

        touches: dict[str, list[str]] = {}
        for touch in data.get("touches", ()):
            touches.setdefault(touch["kind"], []).append(touch["occurred_at"])
        return cls(
            score=int(data.get("score", 0)),
            grade=str(data.get("grade", "D")),
            touches={kind: tuple(times) for kind, times in touches.items()},
            bant={name: a.get("value", BANT_UNKNOWN) for name, a in data.get("bant", {}).items()},
            reached_at=when(data.get("reached_at")),
            meeting_at=when(data.get("meeting_at")),
            industry=data.get("industry"),
            size_band=data.get("size_band"),
            region=data.get("region"),
        )

    def facts(self, kinds: Iterable[str]) -> QualifyingFacts:
        """The facts the evaluator reads, with the touches of ``kinds`` only."""
        return QualifyingFacts(
            score=self.score,
            grade=self.grade,
            touches=tuple(TouchFact(kind, at) for kind in kinds for at in self.times(kind)),
            bant={name: AnswerFact(value) for name, value in self.bant.items()},
            reached_at=self.reached_at,
            meeting_at=self.meeting_at,
            industry=self.industry,
            size_band=self.size_band,
            region=self.region,
        )


@dataclass(frozen=True)
class Replayed:
    handoff_id: int
    created_at: datetime
    status: str
    met: bool


#: (database, handoff id, created at) -> what its snapshot holds (None: no snapshot).
_kept: dict[tuple[str, int, datetime], Kept | None] = {}
_lock = threading.Lock()


def touch_kinds(criterion: Criterion) -> frozenset[str]:
    """Every touch kind a criteria tree names."""
    if isinstance(criterion, Group):
        return frozenset().union(*(touch_kinds(item) for item in criterion.items))
    if isinstance(criterion, Touches):
        return frozenset(criterion.kinds)
    return frozenset()


def _database(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def kept(session: Session) -> list[tuple[int, datetime, str, Kept | None]]:
    """Every handoff: id, time, status and what its snapshot holds (read once per process)."""
    database = _database(session)
    rows = session.execute(select(Handoff.id, Handoff.created_at, Handoff.status)).all()
    with _lock:
        known = {
            row.id: _kept[key]
            for row in rows
            if (key := (database, row.id, row.created_at)) in _kept
        }
    read: dict[int, Kept | None] = {}
    missing = [row.id for row in rows if row.id not in known]
    for start in range(0, len(missing), 5_000):
        chunk = missing[start : start + 5_000]
        for handoff_id, facts in session.execute(
            select(Handoff.id, Handoff.facts).where(Handoff.id.in_(chunk))
        ):
            # None: promoted before the facts were kept (or a JSON null).
            read[handoff_id] = Kept.of(facts) if isinstance(facts, dict) else None
    if read:
        with _lock:
            if len(_kept) + len(read) > KEEP:
                _kept.clear()
            times = {row.id: row.created_at for row in rows}
            _kept.update({(database, i, times[i]): value for i, value in read.items()})
    return [
        (row.id, row.created_at, row.status, read[row.id] if row.id in read else known[row.id])
        for row in rows
    ]


def replay(session: Session, criterion: Criterion) -> list[Replayed]:
    """Each past handoff with a snapshot, and whether ``criterion`` would have passed it."""
    kinds = sorted(touch_kinds(criterion))
    return [
        Replayed(handoff_id, at, status, evaluate(criterion, snapshot.facts(kinds), at).met)
        for handoff_id, at, status, snapshot in kept(session)
        if snapshot is not None
    ]
