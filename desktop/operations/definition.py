"""The handoff definition's editor: reading versions, the lifecycle's steps, files, the diff
and the what-if. One small function per user action; each runs on the serial worker and
its failures go through the one failure policy (desktop.operations.policy)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.definitions import diff, lifecycle, toml_io, whatif
from models.definitions.criteria import Criterion, parse
from models.definitions.diff import DefinitionDiff
from models.definitions.lifecycle import LifecycleResult
from models.definitions.records import VersionDetail, VersionInfo
from models.definitions.whatif import WhatIf

INITIATOR = "definition-editor"


@dataclass(frozen=True)
class Versions:
    """Every version, and the one asked for in detail (None: none exists yet)."""

    infos: list[VersionInfo]
    detail: VersionDetail | None


@dataclass(frozen=True)
class Draft:
    """What the editor's form holds: a draft's content as the user edited it."""

    name: str
    note: str | None
    criteria_data: Mapping[str, Any]
    scoring_data: Mapping[str, Any]


def versions(ops: Operations, version: int | None, owner: QObject) -> Op[Versions]:
    """Every version and the detail of ``version`` (None: the one in effect, else the newest)."""

    def job(session: Session) -> Versions:
        infos = lifecycle.list_versions(session)
        if not infos:
            return Versions(infos, None)
        wanted = version
        if wanted is None or all(i.version != wanted for i in infos):
            active = [i.version for i in infos if i.active]
            wanted = active[0] if active else infos[-1].version
        return Versions(infos, lifecycle.version_detail(session, wanted))

    return ops.read(job, owner=owner)


def detail(ops: Operations, version: int, owner: QObject) -> Op[VersionDetail]:
    return ops.read(lambda session: lifecycle.version_detail(session, version), owner=owner)


def _write(
    ops: Operations, job: Callable[[Session], LifecycleResult], owner: QObject
) -> Op[LifecycleResult]:
    return ops.write(job, initiator=INITIATOR, owner=owner)


def new_draft(
    ops: Operations, user_id: int, based_on: int | None, now: datetime, owner: QObject
) -> Op[LifecycleResult]:
    return _write(
        ops,
        lambda s: lifecycle.create_draft(s, user_id, based_on_version=based_on, now=now),
        owner,
    )


def save_draft(
    ops: Operations,
    user_id: int,
    version: int,
    draft: Draft,
    seen_revision: int,
    now: datetime,
    owner: QObject,
) -> Op[LifecycleResult]:
    """Save the form over the draft; refused (ConcurrentChange, naming who) if the draft
    changed since ``seen_revision``."""
    return _write(
        ops,
        lambda s: lifecycle.save_draft(
            s,
            user_id,
            version,
            name=draft.name,
            criteria_data=draft.criteria_data,
            scoring_data=draft.scoring_data,
            note=draft.note,
            seen_revision=seen_revision,
            now=now,
        ),
        owner,
    )


def propose(
    ops: Operations, user_id: int, version: int, now: datetime, owner: QObject
) -> Op[LifecycleResult]:
    return _write(ops, lambda s: lifecycle.propose(s, user_id, version, now=now), owner)


def withdraw(
    ops: Operations, user_id: int, version: int, now: datetime, owner: QObject
) -> Op[LifecycleResult]:
    return _write(ops, lambda s: lifecycle.withdraw(s, user_id, version, now=now), owner)


def approve(
    ops: Operations,
    user_id: int,
    version: int,
    effective_from: datetime | None,
    now: datetime,
    owner: QObject,
) -> Op[LifecycleResult]:
    """Approve for the user's side. When the version takes effect with another scoring the
    caller starts the rescore (desktop.operations.rescore) after this commits."""
    return _write(
        ops,
        lambda s: lifecycle.approve(s, user_id, version, effective_from=effective_from, now=now),
        owner,
    )


def import_file(
    ops: Operations, user_id: int, path: Path, now: datetime, owner: QObject
) -> Op[LifecycleResult]:
    """A new draft from a TOML file; a malformed one is refused naming its line and field,
    and nothing is written."""

    def job(session: Session) -> LifecycleResult:
        text = toml_io.read_file(path)
        return toml_io.import_draft(session, user_id, text, file=str(path), now=now)

    return _write(ops, job, owner)


def export_file(
    ops: Operations,
    version: int,
    path: Path,
    describe: Callable[[Criterion], str],
    now: datetime,
    owner: QObject,
) -> Op[Path]:
    """Write ``version`` to ``path`` as TOML, each criterion under its sentence."""

    def job(session: Session) -> Path:
        text = toml_io.export_version(session, version, describe=describe, exported_at=now)
        toml_io.write_file(path, text)
        return path

    return ops.read(job, owner=owner)


def compare(ops: Operations, old: int, new: int, owner: QObject) -> Op[DefinitionDiff]:
    return ops.read(lambda s: diff.diff_versions(s, old, new), owner=owner)


def what_if(
    ops: Operations,
    criteria_data: Mapping[str, Any],
    draft_version: int | None,
    now: datetime,
    owner: QObject,
) -> Op[WhatIf]:
    """The what-if of the criteria as edited (not saved yet); an unfinished criterion is
    refused like a save, naming its path."""

    def job(session: Session) -> WhatIf:
        criterion = parse(criteria_data)
        return whatif.what_if_criteria(session, criterion, now=now, draft_version=draft_version)

    return ops.read(job, owner=owner, background=True)
