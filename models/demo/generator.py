"""A realistic, deterministic demo data set (Japanese and English companies and people).

``generate(db, leads=N, seed=S, now=T)`` fills an empty database in one transaction: the
same seed and ``now`` give the same data. Names come from pools drawn once from Faker
(ja_JP and en_US), so 100,000 leads with about two million touches take well under the
two minutes the issue allows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from models.core import text
from models.core.entities import (
    ACCOUNT,
    CALL,
    LEAD,
    QUALIFICATION,
    STAGE_CHANGE,
    TOUCH,
    Lead,
)
from models.core.enums import Outcome, Role, Stage, TouchKind
from models.core.errors import InvalidInput
from models.db.database import Database
from models.definitions import versions
from models.definitions.scoring_config import ScoringConfig
from models.demo import conversations, people
from models.demo.catalog import (
    CONTENT,
    SOURCES,
    TOUCH_MIX,
)
from models.leads.call_figures import UNANSWERED
from models.scoring.priority import prioritize
from models.scoring.score import LeadFacts, score_lead
from models.scoring.sla import deadline
from models.teams.settings import TeamSettings

CHUNK = 5_000
HISTORY_DAYS = 180
LEADS_PER_ACCOUNT = 5


_STAGE_MIX = (
    (Stage.NEW, 40),
    (Stage.WORKING, 45),
    (Stage.PROMOTED, 5),
    (Stage.RECYCLED, 7),
    (Stage.DISQUALIFIED, 3),
)
_RECYCLE_REASONS = ("no_budget", "timing", "no_authority", "no_need", "competitor", "unreachable")


#: Japanese leads receive Japanese content, English-speaking leads English content.
_CONTENT_BY_LOCALE = {
    locale: {
        kind: tuple(c for c in options if people.is_japanese(c[0]) == (locale == "ja")) or options
        for kind, options in CONTENT.items()
    }
    for locale in ("ja", "en")
}
_CALL_OUTCOMES = (
    (Outcome.NO_ANSWER, 35),
    (Outcome.VOICEMAIL, 15),
    (Outcome.CONNECTED, 15),
    (Outcome.GATEKEEPER, 12),
    (Outcome.BUSY, 8),
    (Outcome.CALLBACK_REQUESTED, 8),
    (Outcome.NOT_INTERESTED, 4),
    (Outcome.MEETING_BOOKED, 3),
)


@dataclass(frozen=True)
class DemoReport:
    leads: int
    accounts: int
    touches: int
    calls: int
    users: int


def _touch_times(
    rng: random.Random, count: int, now: datetime, recent_bias: float
) -> list[datetime]:
    span = HISTORY_DAYS * 86_400
    times = []
    for _ in range(count):
        fraction = rng.random() ** recent_bias  # > 1 favours old, < 1 favours recent
        times.append(now - timedelta(seconds=span * fraction))
    return times


def generate(
    db: Database,
    *,
    leads: int,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoReport:
    """Fill an empty database with demo data in one transaction (all or nothing)."""
    if leads < 1:
        raise InvalidInput("demo.too_few_leads", field="leads")
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    rng = random.Random(seed)
    pools = people.make_pools(seed)
    kinds = [k for k, _w in TOUCH_MIX]
    kind_weights = [w for _k, w in TOUCH_MIX]
    cum_kind_weights = [sum(kind_weights[: i + 1]) for i in range(len(kind_weights))]
    with db.write() as session:
        existing = session.scalar(select(func.count(Lead.id)))
        if existing:
            raise InvalidInput("demo.not_empty", field="database", count=existing)
        versions.ensure_default(session)
        config = versions.active(session).scoring
        user_ids = people.create_users(session, seed)
        team_rules = TeamSettings.from_dict(people.DEMO_TEAM_SETTINGS)
        reps = user_ids[Role.REP.value]
        account_rows = people.accounts(rng, pools, max(1, leads // LEADS_PER_ACCOUNT))
        domains = [row.pop("_domain") for row in account_rows]
        account_ids = _reserve_ids(session, ACCOUNT, len(account_rows))
        session.connection().execute(
            insert(ACCOUNT),
            [
                dict(row, id=i, created_at=now)
                for i, row in zip(account_ids, account_rows, strict=True)
            ],
        )
        lead_ids = _reserve_ids(session, LEAD, leads)
        totals = {"touches": 0, "calls": 0}
        done = 0
        while done < leads:
            if cancelled is not None and cancelled():
                raise InterruptedError("demo generation cancelled")
            size = min(CHUNK, leads - done)
            _chunk(
                session,
                rng,
                pools,
                config,
                team_rules,
                now,
                size,
                done,
                lead_ids[done : done + size],
                account_rows,
                account_ids,
                domains,
                reps,
                kinds,
                cum_kind_weights,
                totals,
            )
            done += size
            if progress is not None:
                progress(done, leads)
        users = sum(len(v) for v in user_ids.values())
    return DemoReport(leads, len(account_ids), totals["touches"], totals["calls"], users)


def _reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` new ids for ``table``, as the database gives them (no id is assumed).

    PostgreSQL hands them out from the table's sequence (never rolled back: after an
    interrupted demo they do not start at 1). SQLite gives a new row the next id after the
    largest; this transaction holds the write lock, so nobody else takes them meanwhile.
    Explicit ids let Core's executemany insert whole chunks: RETURNING over many rows is
    far slower here.
    """
    if session.get_bind().dialect.name == "postgresql":
        sequence = session.scalar(select(func.pg_get_serial_sequence(table.name, "id")))
        reserved = session.scalars(
            select(func.nextval(sequence)).select_from(func.generate_series(1, count))
        )
        return sorted(reserved)
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + count))


def _chunk(
    session: Session,
    rng: random.Random,
    pools: people.Pools,
    config: ScoringConfig,
    team_rules: TeamSettings,
    now: datetime,
    size: int,
    offset: int,
    lead_ids: list[int],
    account_rows: list[dict[str, Any]],
    account_ids: list[int],
    domains: list[str],
    reps: list[int],
    kinds: list[TouchKind],
    cum_weights: list[float],
    totals: dict[str, int],
) -> None:
    lead_rows: list[dict[str, Any]] = []
    touch_sets: list[list[tuple[TouchKind, datetime]]] = []
    calls_per_lead: list[list[tuple[datetime, Outcome]]] = []
    for i in range(size):
        index = (offset + i) % len(account_ids)
        account = account_rows[index]
        person = people.person(rng, pools, account["country"] == "JP", domains[index])
        stage: Stage = people.weighted(rng, _STAGE_MIX)
        if stage == Stage.NEW:
            age_days = rng.random() ** 2 * 14
            if rng.random() < 0.03:
                age_days = rng.random() / 24 / 2  # arrived within the last half hour
        else:
            age_days = 5 + rng.random() * (HISTORY_DAYS - 10)
        mql_at = now - timedelta(days=age_days)
        hot_lead = rng.random() < 0.15
        touch_count = rng.randint(5, 35)
        times = _touch_times(rng, touch_count, now, 0.5 if hot_lead else 1.3)
        picked = rng.choices(kinds, cum_weights=cum_weights, k=touch_count)
        touches = list(zip(picked, times, strict=True))
        if rng.random() < 0.01:
            signal = rng.choice((TouchKind.INQUIRY, TouchKind.DEMO_REQUEST, TouchKind.PRICING_PAGE))
            touches.append((signal, now - timedelta(hours=rng.random() * 20)))
        calls: list[tuple[datetime, Outcome]] = []
        if stage != Stage.NEW:
            attempts = rng.randint(1, 6)
            first = mql_at + timedelta(minutes=min(rng.expovariate(1 / 30), 60 * 24 * 3))
            span = max((now - first).total_seconds(), 600.0)
            for n in range(attempts):
                at = first + timedelta(seconds=span * n / attempts + rng.random() * 600)
                calls.append((at, people.weighted(rng, _CALL_OUTCOMES)))
        owner = rng.choice(reps) if rng.random() > 0.04 else None
        stage_changed_at = calls[-1][0] if calls else mql_at
        streak = 0
        for _at, outcome in reversed(calls):
            if outcome not in UNANSWERED:
                break
            streak += 1
        next_callback = None
        if stage == Stage.WORKING and calls and calls[-1][1] == Outcome.CALLBACK_REQUESTED:
            # Promised callbacks cluster around today: some overdue, most coming up.
            next_callback = now + timedelta(hours=rng.uniform(-36, 96))
        sla_due = deadline(mql_at, team_rules)
        sla_met: bool | None = None
        if calls:
            sla_met = calls[0][0] <= sla_due
        elif sla_due <= now:
            sla_met = False
        row = {
            **person,
            "account_id": account_ids[index],
            "sort_key": text.sort_key(person["name"], person["name_kana"]),
            "search_text": text.search_text(
                person["name"],
                person["name_kana"],
                account["name"],
                account["name_kana"],
                person["email"],
            ),
            "stage": stage.value,
            "owner_id": owner,
            "source": "demo",
            "mql_at": mql_at,
            "first_call_at": calls[0][0] if calls else None,
            "last_call_at": calls[-1][0] if calls else None,
            "call_attempts": len(calls),
            "stage_changed_at": stage_changed_at,
            "promoted_at": stage_changed_at if stage == Stage.PROMOTED else None,
            "recycled_at": stage_changed_at if stage == Stage.RECYCLED else None,
            "recycle_reason": rng.choice(_RECYCLE_REASONS) if stage == Stage.RECYCLED else None,
            "version": 1,
            "created_at": mql_at,
            "updated_at": stage_changed_at,
            "do_not_call": rng.random() < 0.003,
            "unanswered_streak": streak,
            "next_callback_at": next_callback,
            "sla_due_at": sla_due,
            "sla_met": sla_met,
            "sla_breached_at": sla_due if sla_met is False else None,
        }
        result = score_lead(
            LeadFacts(account["industry"], account["size_band"], row["title"], account["region"]),
            touches,
            now,
            config,
        )
        priority = prioritize(
            result,
            stage=stage.value,
            call_attempts=len(calls),
            mql_at=mql_at,
            now=now,
            config=config,
            next_callback_at=next_callback,
            last_call_at=calls[-1][0] if calls else None,
            unanswered_streak=streak,
        )
        row.update(
            fit_score=round(result.fit, 3),
            engagement_score=round(result.engagement, 3),
            score=result.score,
            grade=result.grade,
            priority=priority.value,
            why_now=priority.why_now,
            priority_until=priority.until,
            last_touch_at=result.last_touch_at,
            scored_at=now,
        )
        lead_rows.append(row)
        touch_sets.append(touches)
        calls_per_lead.append(calls)
    for lead_id, row in zip(lead_ids, lead_rows, strict=True):
        row["id"] = lead_id
    connection = session.connection()
    connection.execute(insert(LEAD), lead_rows)
    touch_rows: list[dict[str, Any]] = []
    call_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    stage_rows: list[dict[str, Any]] = []
    for lead_id, row, touches, calls in zip(
        lead_ids, lead_rows, touch_sets, calls_per_lead, strict=True
    ):
        for n, (kind, at) in enumerate(touches):
            title, campaign = rng.choice(_CONTENT_BY_LOCALE[row["locale"]][kind])
            touch_rows.append(
                {
                    "lead_id": lead_id,
                    "kind": kind.value,
                    "occurred_at": at,
                    "content_title": title,
                    "campaign": campaign,
                    "source_system": SOURCES[kind],
                    "external_id": f"demo-{lead_id}-{n}",
                    "created_at": at,
                }
            )
        for n, (at, outcome) in enumerate(calls):
            last = n == len(calls) - 1
            call_rows.append(
                {
                    "lead_id": lead_id,
                    # An unassigned lead's earlier calls: by the team's first rep.
                    "user_id": row["owner_id"] or reps[0],
                    "started_at": at,
                    "duration_seconds": rng.randint(120, 900)
                    if outcome == Outcome.CONNECTED
                    else rng.randint(5, 40),
                    "outcome": outcome.value,
                    "notes": conversations.note(rng, row["locale"], outcome),
                    "next_step": "callback" if last and row["next_callback_at"] else "none",
                    "callback_at": row["next_callback_at"] if last else None,
                    "superseded": False,
                    "created_at": at,
                }
            )
            if outcome == Outcome.CONNECTED and rng.random() < 0.6:
                answer_rows.extend(conversations.answers(rng, lead_id, row, at))
        stage_rows.append(
            {
                "lead_id": lead_id,
                "from_stage": None,
                "to_stage": Stage.NEW.value,
                "changed_at": row["mql_at"],
                "reason": "mql",
            }
        )
        if row["stage"] != Stage.NEW.value:
            stage_rows.append(
                {
                    "lead_id": lead_id,
                    "from_stage": Stage.NEW.value,
                    "to_stage": Stage.WORKING.value,
                    "changed_at": row["first_call_at"] or row["mql_at"],
                    "changed_by": row["owner_id"],
                }
            )
        if row["stage"] not in (Stage.NEW.value, Stage.WORKING.value):
            stage_rows.append(
                {
                    "lead_id": lead_id,
                    "from_stage": Stage.WORKING.value,
                    "to_stage": row["stage"],
                    "changed_at": row["stage_changed_at"],
                    "changed_by": row["owner_id"],
                    "reason": row["recycle_reason"],
                }
            )
    connection.execute(insert(TOUCH), touch_rows)
    if call_rows:
        connection.execute(insert(CALL), call_rows)
    if answer_rows:
        connection.execute(insert(QUALIFICATION), answer_rows)
    for stage_row in stage_rows:
        stage_row.setdefault("changed_by", None)
        stage_row.setdefault("reason", None)
    connection.execute(insert(STAGE_CHANGE), stage_rows)
    totals["touches"] += len(touch_rows)
    totals["calls"] += len(call_rows)
