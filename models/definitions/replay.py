"""Past handoffs replayed on a definition: would each one have qualified, at its own time?

Each handoff kept what the criteria read of its lead at promotion (``Handoff.facts``, a
:meth:`QualifyingFacts.to_data` snapshot); the pure evaluator
(:func:`models.definitions.evaluate.evaluate`) replays a criteria tree on it at the
handoff's ``created_at``. The what-if runs this as the editor types, over thousands of
handoffs, so:

- **The database takes the snapshots apart.** Most of a snapshot is its touches (with
  their titles); the database's own JSON functions hand over the snapshot without them
  and, as rows, only the touches of the kinds a tree names (kind and time). Decoding every
  snapshot whole in Python cost more than the rest of the what-if together.
- **What was read is kept.** A snapshot never changes after the promotion: its parts are
  kept per process (per database, keyed by handoff id and time), the touch kinds read so
  far with them; a later replay reads only the handoffs' ids, times and answers, and the
  touches of a kind no tree named before.
- **The evaluator gets what the criteria read**: no titles, no evidence (none decides a
  criterion); the checks are the evaluator's own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ColumnElement, cast, func, literal, select, true, type_coerce
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from models.core.entities import Handoff
from models.core.enums import BANT_UNKNOWN
from models.definitions.criteria import Criterion, Group, Touches
from models.definitions.evaluate import AnswerFact, QualifyingFacts, TouchFact, evaluate

#: Handoffs kept in memory at most per database; beyond, everything is read again.
KEEP = 200_000
#: Handoffs per statement (bound parameters stay well under SQLite's limit).
CHUNK = 5_000
_parse = datetime.fromisoformat


@dataclass
class Kept:
    """What the criteria read of one past handoff's snapshot, as plain values."""

    score: int
    grade: str
    bant: dict[str, str]
    reached_at: datetime | None
    meeting_at: datetime | None
    industry: str | None
    size_band: str | None
    region: str | None
    #: Touch times by kind, for the kinds read so far (:attr:`_Store.kinds`).
    touches: dict[str, list[datetime]] = field(default_factory=dict)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Kept:
        """From a snapshot without its touches."""

        def when(value: Any) -> datetime | None:
            return _parse(value) if isinstance(value, str) else None

        return cls(
            score=int(data.get("score", 0)),
            grade=str(data.get("grade", "D")),
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
            touches=tuple(
                TouchFact(kind, at) for kind in kinds for at in self.touches.get(kind, ())
            ),
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


@dataclass
class _Store:
    """One database's snapshots read so far."""

    #: Handoff id -> its time and what its snapshot holds (None: no snapshot).
    kept: dict[int, tuple[datetime, Kept | None]] = field(default_factory=dict)
    #: The touch kinds read for every snapshot kept.
    kinds: set[str] = field(default_factory=set)


_stores: dict[str, _Store] = {}
_lock = threading.Lock()


def forget() -> None:
    """Drop every snapshot kept (the next replay reads them all again, as a new process)."""
    with _lock:
        _stores.clear()


def touch_kinds(criterion: Criterion) -> frozenset[str]:
    """Every touch kind a criteria tree names."""
    if isinstance(criterion, Group):
        return frozenset().union(*(touch_kinds(item) for item in criterion.items))
    if isinstance(criterion, Touches):
        return frozenset(criterion.kinds)
    return frozenset()


# -- The database takes the snapshots apart ----------------------------------------------------


def _touch_rows(
    session: Session, dialect: str, kinds: Iterable[str], ids: list[int] | None
) -> list[tuple[int, str, str]]:
    """(handoff id, kind, time) of the snapshots' touches of ``kinds`` (``ids``: only theirs)."""
    elements: ColumnElement[Any]
    if dialect == "postgresql":
        elements = func.json_array_elements(Handoff.facts["touches"])
        guard = func.json_typeof(Handoff.facts["touches"]) == "array"
    else:
        elements = func.json_each(Handoff.facts, "$.touches")
        guard = func.json_type(Handoff.facts, "$.touches") == "array"
    touch = elements.table_valued("value").alias("touch")
    value = type_coerce(touch.c.value, JSON)
    kind = value["kind"].as_string()
    statement = (
        select(Handoff.id, kind, value["occurred_at"].as_string())
        .select_from(Handoff)
        .join(touch, true())
        .where(guard, kind.in_(sorted(kinds)))
    )
    if ids is not None:
        statement = statement.where(Handoff.id.in_(ids))
    return [(int(i), str(k), str(at)) for i, k, at in session.execute(statement)]


def _snapshots(
    session: Session, dialect: str, kinds: Iterable[str], ids: list[int] | None
) -> list[tuple[int, Any, list[tuple[str, str]]]]:
    """Each snapshot without its touches (decoded), and its touches of ``kinds``.

    PostgreSQL parses each snapshot once (to ``jsonb``, in a materialised CTE) and hands
    back the rest and the touches wanted, aggregated; SQLite's JSON functions work on the
    stored text directly (``json_remove``, ``json_each``), two statements.
    """
    wanted = sorted(kinds)
    if dialect == "postgresql":
        base = select(Handoff.id, cast(Handoff.facts, JSONB).label("j")).where(
            func.json_typeof(Handoff.facts) == "object"
        )
        if ids is not None:
            base = base.where(Handoff.id.in_(ids))
        snapshot = base.cte("snapshot").prefix_with("MATERIALIZED")
        touch = func.jsonb_array_elements(snapshot.c.j["touches"]).table_valued("value")
        value = type_coerce(touch.alias("touch").c.value, JSONB)
        kind = value["kind"].as_string()
        touches = (
            select(func.jsonb_agg(func.jsonb_build_array(kind, value["occurred_at"].as_string())))
            .where(kind.in_(wanted))
            .scalar_subquery()
        )
        rest = type_coerce(snapshot.c.j.op("-")(literal("touches")), JSON)
        rows = session.execute(select(snapshot.c.id, rest, type_coerce(touches, JSON))).all()
        return [(int(i), data, [(k, at) for k, at in pairs or ()]) for i, data, pairs in rows]
    statement = select(Handoff.id, type_coerce(func.json_remove(Handoff.facts, "$.touches"), JSON))
    statement = statement.where(func.json_type(Handoff.facts) == "object")
    if ids is not None:
        statement = statement.where(Handoff.id.in_(ids))
    found: dict[int, tuple[int, Any, list[tuple[str, str]]]] = {
        int(i): (int(i), data, []) for i, data in session.execute(statement)
    }
    if wanted:
        for handoff_id, kind, at in _touch_rows(session, dialect, wanted, ids):
            if handoff_id in found:
                found[handoff_id][2].append((kind, at))
    return list(found.values())


def _read(session: Session, store: _Store, rows: Sequence[Any], wanted: frozenset[str]) -> None:
    """Bring ``store`` up to date with ``rows`` (every handoff) and the kinds ``wanted``."""
    dialect = session.get_bind().dialect.name
    fresh = [r for r in rows if r.id not in store.kept or store.kept[r.id][0] != r.created_at]
    new_kinds = set(wanted) - store.kinds
    if new_kinds and len(fresh) < len(rows):  # the snapshots kept lack these kinds
        for handoff_id, kind, at in _touch_rows(session, dialect, new_kinds, None):
            known = store.kept.get(handoff_id)
            if known is not None and known[1] is not None:
                known[1].touches.setdefault(kind, []).append(_parse(at))
    store.kinds |= new_kinds
    if not fresh:
        return
    # Every handoff new to the store (the first replay): no list of ids to send.
    chunks = (
        [None]
        if len(fresh) == len(rows)
        else [[r.id for r in fresh[start : start + CHUNK]] for start in range(0, len(fresh), CHUNK)]
    )
    read: dict[int, Kept] = {}
    for ids in chunks:
        for handoff_id, data, touches in _snapshots(session, dialect, store.kinds, ids):
            if isinstance(data, dict):
                snapshot = read[handoff_id] = Kept.of(data)
                for kind, at in touches:
                    snapshot.touches.setdefault(kind, []).append(_parse(at))
    for row in fresh:
        store.kept[row.id] = (row.created_at, read.get(row.id))


def _database(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def kept(session: Session, kinds: frozenset[str]) -> list[tuple[int, datetime, str, Kept | None]]:
    """Every handoff: id, time, status, and its snapshot with the touches of ``kinds``."""
    rows = session.execute(select(Handoff.id, Handoff.created_at, Handoff.status)).all()
    with _lock:  # one replay reads at a time: the store is shared by the process's threads
        store = _stores.setdefault(_database(session), _Store())
        if len(store.kept) > KEEP:
            store.kept.clear()
            store.kinds.clear()
        _read(session, store, rows, kinds)
        return [(r.id, r.created_at, r.status, store.kept[r.id][1]) for r in rows]


def replay(session: Session, criterion: Criterion) -> list[Replayed]:
    """Each past handoff with a snapshot, and whether ``criterion`` would have passed it."""
    kinds = touch_kinds(criterion)
    ordered = sorted(kinds)
    return [
        Replayed(handoff_id, at, status, evaluate(criterion, snapshot.facts(ordered), at).met)
        for handoff_id, at, status, snapshot in kept(session, kinds)
        if snapshot is not None
    ]
