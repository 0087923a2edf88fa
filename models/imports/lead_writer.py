"""Writing the leads of one batch: new ones created (with their company), existing ones
merged (their history, owner and calls kept; only blanks filled), duplicates inside the
file folded into the row that came first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from models.core import audit
from models.core.entities import ACCOUNT, LEAD, STAGE_CHANGE, Lead, Team
from models.core.enums import Stage
from models.core.import_records import LEAD_SOURCE_KEY
from models.core.text import search_text, sort_key
from models.db.locking import leads_for_update
from models.imports import matching
from models.imports.matching import Rule
from models.imports.rows import LeadRecord
from models.imports.touch_writer import TouchRow, insert_touches
from models.imports.values import size_band
from models.leads.actions import back_to_new
from models.scoring.sla import deadline
from models.teams.settings import TeamSettings

#: What an import may fill on an existing lead, when the lead has nothing there.
_FILLABLE = ("name_kana", "email", "phone", "phone_e164", "title", "department")


@dataclass(frozen=True)
class Merge:
    """A row that was an existing lead (or an earlier row of the same file)."""

    row: int
    lead_id: int
    rule: Rule
    #: The row it repeats, when the lead was made from an earlier row of this file.
    same_as_row: int | None = None
    filled: tuple[str, ...] = ()
    #: Came back from nurture: marketing sent it again after it was recycled.
    requalified: bool = False


@dataclass
class LeadBatchResult:
    created: list[tuple[int, int]] = field(default_factory=list)  # (row, lead id)
    merges: list[Merge] = field(default_factory=list)
    #: Rows at a number other people share (代表番号): kept apart, (row, lead id there).
    kept_apart: list[tuple[int, int]] = field(default_factory=list)
    touches_added: int = 0
    #: Rows that changed nothing (all they say was recorded already).
    unchanged: int = 0
    affected: set[int] = field(default_factory=set)


class _Keys:
    """The leads found so far, by each key a later row of the file may match on."""

    def __init__(self) -> None:
        self.external: dict[str, int] = {}
        self.email: dict[str, int] = {}
        self.phone: dict[str, list[matching.PhoneHolder]] = {}
        self.row_of: dict[int, int] = {}  # lead id -> the file's row that made it

    def learn(self, record: LeadRecord, lead_id: int) -> None:
        if record.external_id:
            self.external.setdefault(record.external_id, lead_id)
        if record.email:
            self.email.setdefault(record.email, lead_id)
        if record.phone_e164:
            self.phone.setdefault(record.phone_e164, []).append(
                matching.PhoneHolder(lead_id, matching.name_key(record.name), record.company_key)
            )


def _match(keys: _Keys, record: LeadRecord) -> tuple[int, Rule] | None:
    if record.external_id and record.external_id in keys.external:
        return keys.external[record.external_id], Rule.EXTERNAL_ID
    if record.email and record.email in keys.email:
        return keys.email[record.email], Rule.EMAIL
    if record.phone_e164 and record.phone_e164 in keys.phone:
        found = matching.same_person(keys.phone[record.phone_e164], record.name, record.company_key)
        if found is not None:
            return found, Rule.PHONE_NAME_COMPANY
    return None


def write_leads(
    session: Session,
    user_id: int | None,
    source: str,
    records: Sequence[LeadRecord],
    now: datetime,
    earlier: Mapping[int, int] | None = None,
) -> LeadBatchResult:
    """Create or merge the leads of ``records`` in the caller's write transaction.
    ``earlier``: the leads earlier batches of the same file made (lead id -> row)."""
    result = LeadBatchResult()
    keys = _Keys()
    known = matching.by_external_id(
        session, source, (r.external_id for r in records if r.external_id)
    )
    keys.external = dict(known)
    keys.email = matching.by_email(session, (r.email for r in records if r.email))
    keys.phone = matching.by_phone(session, (r.phone_e164 for r in records if r.phone_e164))
    matched: dict[int, list[tuple[LeadRecord, Rule]]] = {}
    new: list[LeadRecord] = []
    filled: dict[int, tuple[str, ...]] = {}  # a row repeating a new lead -> what it filled
    for record in records:
        found = _match(keys, record)
        if found is not None:
            lead_id, rule = found
            matched.setdefault(lead_id, []).append((record, rule))
            # The row's id in the tool is this lead's from now on (stored below).
            if record.external_id:
                keys.external.setdefault(record.external_id, lead_id)
            if lead_id < 0:  # a lead of this batch: made as if merged into (run again)
                new[-lead_id - 1], filled[record.row] = _folded(new[-lead_id - 1], record)
                if {"email", "phone_e164"} & set(filled[record.row]):
                    keys.learn(new[-lead_id - 1], lead_id)  # found by them, as next time
            continue
        placeholder = -(len(new) + 1)
        if record.phone_e164 in keys.phone:
            result.kept_apart.append((record.row, keys.phone[record.phone_e164][0].lead_id))
        new.append(record)
        keys.learn(record, placeholder)
    made = _create(session, user_id, source, new, now)
    result.created = [(r.row, lead_id) for r, lead_id in zip(new, made, strict=True)]
    real = dict(zip(range(-1, -len(new) - 1, -1), made, strict=True))
    result.kept_apart = [(row, real.get(lead_id, lead_id)) for row, lead_id in result.kept_apart]
    row_of = {lead_id: r.row for r, lead_id in zip(new, made, strict=True)}
    touches: list[TouchRow] = [
        TouchRow(lead_id, r.touch) for r, lead_id in zip(new, made, strict=True) if r.touch
    ]
    new_keys = {k: real.get(v, v) for k, v in keys.external.items() if k not in known}
    if new_keys:
        session.connection().execute(
            insert(LEAD_SOURCE_KEY),
            [
                {"source_system": source, "external_id": k, "lead_id": v, "created_at": now}
                for k, v in new_keys.items()
            ],
        )
    merge_records: list[LeadRecord] = []  # the row of each merge, in the same order
    # Rows matching a lead made earlier in this batch name it by placeholder.
    existing: dict[int, list[tuple[LeadRecord, Rule]]] = {}
    for lead_id, rows in matched.items():
        target = real.get(lead_id, lead_id)
        for record, rule in rows:
            if lead_id < 0:
                result.merges.append(
                    Merge(
                        record.row,
                        target,
                        rule,
                        same_as_row=row_of[target],
                        filled=filled.get(record.row, ()),
                    )
                )
                merge_records.append(record)
                if record.touch:
                    touches.append(TouchRow(target, record.touch))
            else:
                existing.setdefault(target, []).append((record, rule))
    merged = _merge(session, user_id, existing, now, earlier or {})
    result.merges += merged.merges
    merge_records += merged.records
    result.affected |= merged.affected
    touches += merged.touches
    added, touched = insert_touches(session, source, touches, now)
    result.touches_added = len(added)
    result.affected |= touched | set(made)
    result.unchanged = sum(
        1
        for merge, record in zip(result.merges, merge_records, strict=True)
        if merge.same_as_row is None
        and not merge.filled
        and not merge.requalified
        and not (record.touch and record.touch.external_id in added)
        and not merged.scored.get(merge.lead_id)
        and record.external_id not in new_keys
    )
    result.merges.sort(key=lambda merge: merge.row)
    return result


def _folded(first: LeadRecord, later: LeadRecord) -> tuple[LeadRecord, tuple[str, ...]]:
    """``first`` with its blanks filled from ``later`` and ``later``'s marketing score, as
    merging ``later`` into the lead made of ``first`` would (and will, the next time the
    file is imported); and the fields filled."""
    filled = tuple(name for name in _FILLABLE if getattr(later, name) and not getattr(first, name))
    changes: dict[str, object] = {name: getattr(later, name) for name in filled}
    if later.ma_score is not None:
        changes["ma_score"] = later.ma_score
    return (replace(first, **changes) if changes else first), filled  # type: ignore[arg-type]


def _only_team(session: Session) -> tuple[int | None, TeamSettings]:
    """New leads join the only team when there is one (else no team: every team sees
    them until distributed), under that team's rules."""
    teams = session.execute(select(Team.id, Team.settings).limit(2)).all()
    if len(teams) == 1:
        return teams[0].id, TeamSettings.from_dict(teams[0].settings)
    return None, TeamSettings.from_dict(None)


def _create(
    session: Session, user_id: int | None, source: str, records: Sequence[LeadRecord], now: datetime
) -> list[int]:
    if not records:
        return []
    accounts = matching.accounts_by_key(session, (r.company_key for r in records))
    fresh: dict[str, LeadRecord] = {}
    for r in records:
        if r.company_key not in accounts:
            fresh.setdefault(r.company_key, r)
    if fresh:
        rows = [
            {
                "name": r.company,
                "name_kana": r.company_kana,
                "sort_key": sort_key(r.company, r.company_kana),
                "name_key": key,
                "industry": r.industry,
                "employees": r.employees,
                "size_band": size_band(r.employees),
                "region": r.region,
                "prefecture": r.prefecture,
                "country": r.country,
                "website": r.website,
                "created_at": now,
            }
            for key, r in fresh.items()
        ]
        made = session.execute(
            insert(ACCOUNT).returning(ACCOUNT.c.id, sort_by_parameter_order=True), rows
        ).scalars()
        accounts.update(zip(fresh, made, strict=True))
    team_id, rules = _only_team(session)
    due = deadline(now, rules)
    lead_rows = [
        {
            "account_id": accounts[r.company_key],
            "name": r.name,
            "name_kana": r.name_kana,
            "sort_key": sort_key(r.name, r.name_kana),
            "search_text": search_text(r.name, r.name_kana, r.company, r.company_kana, r.email),
            "email": r.email,
            "phone": r.phone,
            "phone_e164": r.phone_e164,
            "title": r.title,
            "department": r.department,
            "locale": "ja" if r.country == "JP" else "en",
            "stage": Stage.NEW.value,
            "team_id": team_id,
            "source": (r.lead_source or source)[:60],
            "ma_score": r.ma_score,
            "mql_at": now,
            "stage_changed_at": now,
            "sla_due_at": due,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for r in records
    ]
    ids = list(
        session.execute(
            insert(LEAD).returning(LEAD.c.id, sort_by_parameter_order=True), lead_rows
        ).scalars()
    )
    session.connection().execute(
        insert(STAGE_CHANGE),
        [
            {
                "lead_id": lead_id,
                "from_stage": None,
                "to_stage": Stage.NEW.value,
                "reason": "imported",
                "changed_by": user_id,
                "changed_at": now,
            }
            for lead_id in ids
        ],
    )
    return ids


@dataclass
class _Merged:
    merges: list[Merge] = field(default_factory=list)
    records: list[LeadRecord] = field(default_factory=list)
    touches: list[TouchRow] = field(default_factory=list)
    affected: set[int] = field(default_factory=set)
    #: Leads whose marketing score changed.
    scored: dict[int, bool] = field(default_factory=dict)


def _merge(
    session: Session,
    user_id: int | None,
    rows: dict[int, list[tuple[LeadRecord, Rule]]],
    now: datetime,
    earlier: Mapping[int, int],
) -> _Merged:
    """Fill the blanks of existing leads (locked in id order) from their rows; a recycled
    lead marketing sends again after its return to nurture comes back as new."""
    out = _Merged()
    if not rows:
        return out
    scores: list[dict[str, Any]] = []
    for lead in leads_for_update(session, Lead.id.in_(sorted(rows))):
        filled: list[str] = []
        before = audit.snapshot(lead, _FILLABLE)
        score_before = score = lead.ma_score
        for record, rule in rows[lead.id]:
            filled_now = _fill(lead, record)
            filled += filled_now
            requalified = False
            if record.ma_score is not None:
                score = record.ma_score
            if record.touch is not None:
                out.touches.append(TouchRow(lead.id, record.touch))
                if _sent_again(lead, record):
                    back_to_new(
                        session, lead, user_id, now, reason="mql_again", action="requalified"
                    )
                    requalified = True
                    out.affected.add(lead.id)
            out.records.append(record)
            out.merges.append(
                Merge(
                    record.row,
                    lead.id,
                    rule,
                    same_as_row=earlier.get(lead.id),
                    filled=tuple(filled_now),
                    requalified=requalified,
                )
            )
        out.scored[lead.id] = score != score_before
        if score != score_before:
            scores.append({"_id": lead.id, "_score": score})
        if filled:
            if {"name_kana", "email"} & set(filled):
                lead.search_text = search_text(
                    lead.name, lead.name_kana, lead.account.name, lead.account.name_kana, lead.email
                )
            lead.updated_at = now  # the ORM bumps the version (a rep's open form: stale)
            audit.record(
                session,
                user_id=user_id,
                entity="lead",
                entity_id=lead.id,
                action="import_filled",
                before={k: before[k] for k in filled},
                after=audit.snapshot(lead, tuple(filled)),
                at=now,
            )
            out.affected.add(lead.id)
    if scores:
        # The tool's score is marketing's figure, not what a rep edits: stored beside the
        # lead's version (a rep's open form is not made stale by it).
        session.connection().execute(
            update(LEAD).where(LEAD.c.id == bindparam("_id")).values(ma_score=bindparam("_score")),
            scores,
        )
    return out


def _fill(lead: Lead, record: LeadRecord) -> list[str]:
    filled: list[str] = []
    for name in _FILLABLE:
        value = getattr(record, name)
        if value and not getattr(lead, name):
            setattr(lead, name, value)
            filled.append(name)
    if "phone" in filled:
        lead.phone_invalid = False
    return filled


def _sent_again(lead: Lead, record: LeadRecord) -> bool:
    """A conversion after the lead went back to nurture (never a do-not-call lead)."""
    if lead.stage != Stage.RECYCLED.value or lead.do_not_call or record.touch is None:
        return False
    return lead.recycled_at is None or record.touch.occurred_at > lead.recycled_at
