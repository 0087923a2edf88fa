"""A realistic, deterministic demo data set (Japanese and English companies and people).

``generate(db, leads=N, seed=S, now=T)`` fills an empty database in one transaction: the
same seed and ``now`` give the same data. Names come from pools drawn once from Faker
(ja_JP and en_US), so 100,000 leads with about two million touches take well under the
two minutes the issue allows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models.core import text
from models.core.entities import (
    ACCOUNT,
    LEAD,
    Lead,
    User,
)
from models.core.enums import BANT_UNKNOWN, BantField, Role, Seniority, Stage, TouchKind
from models.core.errors import InvalidInput
from models.db.database import Database
from models.definitions import versions
from models.definitions.criteria import root
from models.definitions.scoring_config import ScoringConfig
from models.demo import conversations, handoffs, history, people, ready, rows
from models.demo.business_time import BusinessTime, to_datetime
from models.demo.campaigns import Calendar
from models.demo.catalog import TOUCH_MIX
from models.demo.history import PlannedCall, Spoken
from models.demo.rows import MadeLead
from models.leads.call_figures import REACHED, UNANSWERED
from models.scoring.rescore import derive
from models.scoring.score import classify_seniority
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
#: A new lead is unassigned this often (a lead that was called has its caller as owner).
_UNASSIGNED_NEW = 0.1
#: The first reps start the day with a callback due, whatever else chance gives them.
_REMINDED = 2
#: Leads being worked that asked never to be called again, at least.
_OPTED_OUT = 2


@dataclass(frozen=True)
class DemoReport:
    leads: int
    accounts: int
    touches: int
    calls: int
    users: int


@dataclass
class _Run:
    """What every chunk of one generation shares."""

    rng: random.Random
    pools: people.Pools
    config: ScoringConfig
    team_rules: TeamSettings
    zone: ZoneInfo
    clock: BusinessTime
    calendar: Calendar
    now: datetime
    reps: list[int]
    #: The demo team: every demo lead is routed to it.
    team_id: int | None
    account_rows: list[dict[str, Any]]
    account_ids: list[int]
    domains: list[str]
    kinds: list[TouchKind]
    cum_weights: list[float]
    #: Which working leads are ready to hand off, or one criterion away.
    picker: ready.Picker
    seniority: dict[str | None, Seniority] = field(default_factory=dict)
    #: How many reps have been given a lead that just arrived, and a callback due.
    welcomed: int = 0
    reminded: int = 0
    #: How many leads being worked asked never to be called again.
    opted_out: int = 0
    #: How many leads there are to make, and how many were made.
    leads: int = 0
    made: int = 0
    touches: int = 0
    calls: int = 0

    def seniority_of(self, title: str | None) -> Seniority:
        """The title's level by the scoring's own classifier (a handful of titles)."""
        level = self.seniority.get(title)
        if level is None:
            level = self.seniority[title] = classify_seniority(title, self.config)
        return level


def _touch_times(rng: random.Random, count: int, now: float, recent_bias: float) -> list[float]:
    span = HISTORY_DAYS * 86_400
    return [now - span * rng.random() ** recent_bias for _ in range(count)]  # > 1: older


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
    kind_weights = [w for _k, w in TOUCH_MIX]
    with db.write() as session:
        existing = session.scalar(select(func.count(Lead.id)))
        if existing:
            raise InvalidInput("demo.not_empty", field="database", count=existing)
        versions.ensure_default(session)
        user_ids = people.create_users(session, seed)
        team_rules = TeamSettings.from_dict(people.DEMO_TEAM_SETTINGS)
        account_rows = people.accounts(rng, pools, max(1, leads // LEADS_PER_ACCOUNT))
        domains = [row.pop("_domain") for row in account_rows]
        account_ids = rows.reserve_ids(session, ACCOUNT, len(account_rows))
        session.connection().execute(
            insert(ACCOUNT),
            [
                dict(row, id=i, created_at=now)
                for i, row in zip(account_ids, account_rows, strict=True)
            ],
        )
        history_start = now - timedelta(days=HISTORY_DAYS)
        definition = versions.active(session)
        run = _Run(
            rng=rng,
            pools=pools,
            config=definition.scoring,
            team_rules=team_rules,
            zone=ZoneInfo(team_rules.timezone),
            # Leads whose history needs room move back a week at a time: room for that.
            clock=BusinessTime(team_rules, history_start - timedelta(days=90), now + _AHEAD),
            calendar=Calendar(team_rules, history_start, now),
            now=now,
            reps=user_ids[Role.REP.value],
            team_id=session.get_one(User, user_ids[Role.REP.value][0]).team_id,
            account_rows=account_rows,
            account_ids=account_ids,
            domains=domains,
            kinds=[k for k, _w in TOUCH_MIX],
            cum_weights=[sum(kind_weights[: i + 1]) for i in range(len(kind_weights))],
            picker=ready.Picker(root(definition.criteria), definition.scoring, leads, now),
            leads=leads,
        )
        lead_ids = rows.reserve_ids(session, LEAD, leads)
        done = 0
        while done < leads:
            if cancelled is not None and cancelled():
                raise InterruptedError("demo generation cancelled")
            size = min(CHUNK, leads - done)
            _chunk(session, run, done, lead_ids[done : done + size])
            done += size
            if progress is not None:
                progress(done, leads)
        users = sum(len(v) for v in user_ids.values())
        handoffs.create(session, rng, user_ids, team_rules, now)
    return DemoReport(leads, len(account_ids), run.touches, run.calls, users)


#: How far past "now" callbacks and meetings may be set.
_AHEAD = timedelta(days=90)


def _lead(run: _Run, index: int) -> MadeLead:
    """One lead: its person, stage, touches and calls, scored as stored."""
    rng, now = run.rng, run.now
    # What the demo shows for sure (a lead that just arrived for every rep, callbacks
    # due, leads that asked not to be called) comes from its second half: the first
    # leads, which lists show first, are ordinary ones.
    sure = run.made >= run.leads // 2
    run.made += 1
    account = run.account_rows[index]
    person = people.person(rng, run.pools, account["country"] == "JP", run.domains[index])
    locale = person["locale"]
    stage: Stage = people.weighted(rng, _STAGE_MIX)
    welcomed: int | None = None  # the rep whose lead just arrived (one each)
    if stage == Stage.NEW:
        mql_at = now - timedelta(days=rng.random() ** 2 * 14)
        welcome = sure and run.welcomed < len(run.reps)
        if rng.random() < 0.03 or welcome:
            mql_at = _just_arrived(run)
            if welcome:
                welcomed = run.reps[run.welcomed]
                run.welcomed += 1
    else:
        mql_at = now - timedelta(days=5 + rng.random() * (HISTORY_DAYS - 10))
    hot_lead = rng.random() < 0.15
    touch_count = rng.randint(5, 35)
    times = _touch_times(rng, touch_count, now.timestamp(), 0.5 if hot_lead else 1.3)
    picked = rng.choices(run.kinds, cum_weights=run.cum_weights, k=touch_count)
    if rng.random() < 0.01:
        picked.append(
            rng.choice((TouchKind.INQUIRY, TouchKind.DEMO_REQUEST, TouchKind.PRICING_PAGE))
        )
        times.append(now.timestamp() - rng.random() * 20 * 3600)
    touches = []
    pickers = run.calendar.pickers[locale]
    for kind, drawn in zip(picked, times, strict=True):
        title, campaign, at = pickers[kind].pick(rng, drawn)
        touches.append((kind, to_datetime(at), title, campaign))
    seniority = run.seniority_of(person["title"])
    reason = None
    if stage == Stage.RECYCLED:
        reason = history.recycle_reason(rng, seniority, conversations.is_top(person["title"]))
    calls: list[tuple[PlannedCall, Spoken]] = []
    # Asked never to be called again (a couple of the leads being worked, for sure); a
    # lead handed off to field sales is theirs to call.
    do_not_call = rng.random() < 0.003 and stage != Stage.PROMOTED
    if sure and stage == Stage.WORKING and run.opted_out < _OPTED_OUT:
        do_not_call = True
        run.opted_out += 1
    if stage == Stage.NEW:
        owner = None if rng.random() < _UNASSIGNED_NEW else rng.choice(run.reps)
        owner = welcomed or owner
    else:
        owner = rng.choice(run.reps)
        mql = history.leave_room(run.clock, mql_at.timestamp(), now.timestamp())
        mql_at = to_datetime(mql)
        due = sure and stage == Stage.WORKING and not do_not_call and run.reminded < _REMINDED
        goal = None
        if stage == Stage.WORKING and not do_not_call and not due:
            goal = run.picker.goal(
                run.made, account, person["title"], seniority, [(k, at) for k, at, *_ in touches]
            )
        planned = history.plan_calls(
            rng,
            run.clock,
            stage,
            reason,
            mql,
            now.timestamp(),
            due,
            do_not_call,
            goal.aim if goal is not None else None,
        )
        callback = planned[-1].callback_at
        if due and callback is not None and callback <= now.timestamp():
            owner = run.reps[run.reminded]
            run.reminded += 1
        answers: dict[str, str] = {}
        who = ""
        if any(call.heard for call in planned):
            answers = (
                conversations.profile(rng, stage, seniority, person["title"], reason)
                if goal is None
                else ready.answers(rng, goal, seniority, person["title"])
            )
            who = conversations.boss(rng, locale, seniority)
        competitor = reason == "competitor"
        calls = [
            (call, history.speak(rng, locale, run.zone, answers, who, competitor, call))
            for call in planned
        ]
    first = to_datetime(calls[0][0].start) if calls else None
    last = to_datetime(calls[-1][0].start) if calls else None
    last_end = to_datetime(calls[-1][0].end) if calls else mql_at
    streak = 0
    for call, _spoken in reversed(calls):
        if call.outcome not in UNANSWERED:
            break
        streak += 1
    callback = calls[-1][0].callback_at if calls else None
    next_callback = to_datetime(callback) if callback is not None else None
    meeting = calls[-1][0].meeting_at if calls else None
    temperatures = [spoken.temperature for _call, spoken in calls if spoken.temperature]
    stage_changed_at = mql_at if first is None else first if stage == Stage.WORKING else last_end
    sla_due = deadline(mql_at, run.team_rules)
    sla_met: bool | None = None
    if first is not None:
        sla_met = first <= sla_due
    elif sla_due <= now:
        sla_met = False
    account_name, account_kana = account["name"], account["name_kana"]
    row = {
        **person,
        "account_id": run.account_ids[index],
        "sort_key": text.sort_key(person["name"], person["name_kana"]),
        "search_text": text.search_text(
            person["name"], person["name_kana"], account_name, account_kana, person["email"]
        ),
        "stage": stage.value,
        "owner_id": owner,
        "team_id": run.team_id,
        "source": "demo",
        "mql_at": mql_at,
        "first_call_at": first,
        "last_call_at": last,
        "call_attempts": len(calls),
        "stage_changed_at": stage_changed_at,
        "promoted_at": stage_changed_at if stage == Stage.PROMOTED else None,
        "recycled_at": stage_changed_at if stage == Stage.RECYCLED else None,
        "recycle_reason": reason,
        "version": 1,
        "created_at": mql_at,
        "updated_at": last_end,
        "do_not_call": do_not_call,
        "unanswered_streak": streak,
        "next_callback_at": next_callback,
        "next_meeting_at": to_datetime(meeting) if meeting is not None else None,
        "temperature": temperatures[-1] if temperatures else None,
        "reached_at": next((to_datetime(c.start) for c, _s in calls if c.outcome in REACHED), None),
        **{f"bant_{name}": value for name, value in _current_answers(calls).items()},
        "sla_due_at": sla_due,
        "sla_met": sla_met,
        "sla_breached_at": sla_due if sla_met is False else None,
    }
    facts = SimpleNamespace(
        **row,
        industry=account["industry"],
        size_band=account["size_band"],
        region=account["region"],
        phone_invalid=False,
    )
    derived = derive(facts, [(kind, at) for kind, at, _t, _c in touches], now, run.config)
    del derived["rescore_due_at"]  # as for any bulk load, the minute tick schedules it
    row.update(derived, scored_at=now)
    return MadeLead(row, touches, calls)


def _current_answers(calls: list[tuple[PlannedCall, Spoken]]) -> dict[str, str]:
    """The newest answer per BANT field the calls recorded (``unknown`` where none)."""
    current = {field.value: BANT_UNKNOWN for field in BantField}
    for _call, spoken in calls:
        for name, value, _evidence in spoken.answers:
            current[name] = value
    return current


def _just_arrived(run: _Run) -> datetime:
    """A lead that arrived within the last half hour, its speed-to-lead clock still
    running (arrived in business hours: within the last few minutes)."""
    arrived = run.now - timedelta(minutes=run.rng.random() * 30)
    if deadline(arrived, run.team_rules) <= run.now + timedelta(minutes=2):
        target = run.team_rules.sla_minutes * 60
        arrived = run.now - timedelta(seconds=int(run.rng.random() * 0.6 * target))
    return arrived


def _chunk(session: Session, run: _Run, offset: int, lead_ids: list[int]) -> None:
    made = [_lead(run, (offset + i) % len(run.account_ids)) for i in range(len(lead_ids))]
    touches, calls = rows.write(session, lead_ids, made)
    run.touches += touches
    run.calls += calls
