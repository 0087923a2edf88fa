"""The handoff definition in effect: its scoring settings and its criteria."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import resources
from models.core.changes import Changes
from models.core.clock import utcnow
from models.core.entities import Definition
from models.definitions.criteria import Criterion, parse
from models.definitions.scoring_config import ScoringConfig

DEFAULT_FILE = resources.path("default_definition.json")


@dataclass(frozen=True)
class ActiveDefinition:
    id: int
    version: int
    name: str
    scoring: ScoringConfig
    criteria: Criterion


#: Parsed versions by (database, id, version, revision): two databases open in one
#: process (tests, a migration) may hold the same numbers with different contents.
_cache: dict[tuple[str, int, int, int], tuple[ScoringConfig, Criterion]] = {}


def default_definition_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    return data


def ensure_default(session: Session, now: datetime | None = None) -> Changes:
    """Create version 1 from the shipped default when the database has no definition."""
    if session.scalar(select(Definition.id).limit(1)) is not None:
        return Changes()
    now = now or utcnow()
    data = default_definition_data()
    ScoringConfig.from_dict(data["scoring"])  # refuse to store a broken default
    parse(data["criteria"])
    session.add(
        Definition(
            version=1,
            name=data["name"],
            scoring=data["scoring"],
            criteria=data["criteria"],
            active=True,
            status="approved",
            approved_at=now,
            effective_from=now,
        )
    )
    session.flush()
    return Changes(definition=True)


def active(session: Session) -> ActiveDefinition:
    """The active definition; the shipped default if the database has none yet."""
    row = session.execute(
        select(
            Definition.id,
            Definition.version,
            Definition.revision,
            Definition.name,
            Definition.scoring,
            Definition.criteria,
        )
        .where(Definition.active.is_(True))
        .order_by(Definition.version.desc())
        .limit(1)
    ).first()
    if row is None:
        data = default_definition_data()
        return ActiveDefinition(
            0, 0, data["name"], ScoringConfig.from_dict(data["scoring"]), parse(data["criteria"])
        )
    key = (str(session.connection().engine.url), row.id, row.version, row.revision)
    cached = _cache.get(key)
    if cached is None:
        cached = _cache[key] = (ScoringConfig.from_dict(row.scoring), parse(row.criteria))
    return ActiveDefinition(row.id, row.version, row.name, *cached)
