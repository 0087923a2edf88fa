"""The versioned handoff definition; for now, the scoring part of it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import resources
from models.core.changes import Changes
from models.core.entities import Definition
from models.definitions.scoring_config import ScoringConfig

DEFAULT_FILE = resources.path("default_definition.json")


@dataclass(frozen=True)
class ActiveDefinition:
    id: int
    version: int
    name: str
    scoring: ScoringConfig


_cache: dict[tuple[int, int], ScoringConfig] = {}


def default_definition_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    return data


def ensure_default(session: Session) -> Changes:
    """Create version 1 from the shipped default when the database has no definition."""
    if session.scalar(select(Definition.id).limit(1)) is not None:
        return Changes()
    data = default_definition_data()
    ScoringConfig.from_dict(data["scoring"])  # refuse to store a broken default
    session.add(
        Definition(
            version=1,
            name=data["name"],
            scoring=data["scoring"],
            criteria=data.get("criteria", {}),
            active=True,
        )
    )
    session.flush()
    return Changes(definition=True)


def active(session: Session) -> ActiveDefinition:
    """The active definition; the shipped default if the database has none yet."""
    row = session.execute(
        select(Definition.id, Definition.version, Definition.name, Definition.scoring)
        .where(Definition.active.is_(True))
        .order_by(Definition.version.desc())
        .limit(1)
    ).first()
    if row is None:
        data = default_definition_data()
        return ActiveDefinition(0, 0, data["name"], ScoringConfig.from_dict(data["scoring"]))
    key = (row.id, row.version)
    config = _cache.get(key)
    if config is None:
        config = _cache[key] = ScoringConfig.from_dict(row.scoring)
    return ActiveDefinition(row.id, row.version, row.name, config)
