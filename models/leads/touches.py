"""Recording marketing touches; each batch rescores only the leads it touched."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import TOUCH, Lead, Touch
from models.core.enums import TouchKind
from models.core.errors import InvalidInput, NotFound
from models.core.text_rules import check_text
from models.scoring.rescore import IN_CHUNK, rescore_leads

_KINDS = {kind.value for kind in TouchKind}
#: The text a touch carries, each checked against its column before the batch is stored.
_TEXT_COLUMNS = tuple(
    (name, TOUCH.c[name]) for name in ("content_title", "campaign", "source_system", "external_id")
)


@dataclass(frozen=True)
class NewTouch:
    lead_id: int
    kind: str
    occurred_at: datetime
    content_title: str | None = None
    campaign: str | None = None
    source_system: str | None = None
    external_id: str | None = None


def already_recorded(
    session: Session, keys: Iterable[tuple[str | None, str | None]]
) -> set[tuple[str | None, str | None]]:
    """The (source system, external id) pairs of ``keys`` that are stored already.

    One ``source_system = ? AND external_id IN (...)`` look-up per source and chunk: an
    index seek (a row-value ``IN`` would scan the whole unique index on SQLite).
    """
    by_source: dict[str | None, set[str]] = {}
    for source_system, external_id in keys:
        if external_id:
            by_source.setdefault(source_system, set()).add(external_id)
    found: set[tuple[str | None, str | None]] = set()
    for source, ids in by_source.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), IN_CHUNK):
            chunk = ordered[start : start + IN_CHUNK]
            same_source = (
                Touch.source_system.is_(None) if source is None else Touch.source_system == source
            )
            found.update(
                (source, external_id)
                for external_id in session.scalars(
                    select(Touch.external_id).where(same_source, Touch.external_id.in_(chunk))
                )
            )
    return found


def add_touches(session: Session, touches: Sequence[NewTouch], now: datetime) -> Changes:
    """Insert touches (skipping ones already recorded by source id) and rescore their leads.

    Runs inside the caller's write transaction: all or nothing.
    """
    for index, touch in enumerate(touches):
        if touch.kind not in _KINDS:
            raise InvalidInput(
                "touch.kind_unknown",
                field="kind",
                row=index + 1,
                value=touch.kind,
                expected=", ".join(sorted(_KINDS)),
            )
        if touch.occurred_at.tzinfo is None:
            raise InvalidInput("touch.time_naive", field="occurred_at", row=index + 1)
        for name, column in _TEXT_COLUMNS:
            check_text(getattr(touch, name), field=name, column=column, row=index + 1)
    lead_ids = {t.lead_id for t in touches}
    known = set(session.scalars(select(Lead.id).where(Lead.id.in_(lead_ids))))
    missing = sorted(lead_ids - known)
    if missing:
        raise NotFound("lead.not_found", lead_id=missing[0])
    # Skip touches already recorded, and repeats of one source id within this batch
    # (the first one counts), which the unique constraint would otherwise reject.
    seen = already_recorded(session, ((t.source_system, t.external_id) for t in touches))
    new: list[NewTouch] = []
    for t in touches:
        if t.external_id:
            key = (t.source_system, t.external_id)
            if key in seen:
                continue
            seen.add(key)
        new.append(t)
    if not new:
        return Changes()
    rows: list[dict[str, Any]] = [
        {
            "lead_id": t.lead_id,
            "kind": t.kind,
            "occurred_at": t.occurred_at,
            "content_title": t.content_title,
            "campaign": t.campaign,
            "source_system": t.source_system,
            "external_id": t.external_id,
            "created_at": now,
        }
        for t in new
    ]
    session.connection().execute(insert(TOUCH), rows)
    touched: set[int] = {t.lead_id for t in new}
    rescore_leads(session, touched, now)
    return Changes(lead_ids=frozenset(touched), queue=True)
