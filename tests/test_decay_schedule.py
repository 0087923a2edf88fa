"""One score, one time (issue 7, item 21): the queue and the lead pane show the same score,
and it follows the decay of engagement on a schedule the app runs itself.

Engagement halves every half-life, so a stored score goes stale as time passes. Each
rescore stores when the lead must be rescored next (``rescore_due_at``: the earlier of a
boost running out and engagement decaying past the next point of the rounded score); the
minute tick rescores only the leads due. The pane shows the stored score and grade, and
explains them as of when they were stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from models.core.entities import LEAD, Account, Lead, Touch
from models.db.database import Database
from models.definitions import versions
from models.definitions.scoring_config import ScoringConfig
from models.leads.detail import lead_detail
from models.leads.follow_ups import tick
from models.scoring.priority import Priority, prioritize
from models.scoring.rescore import next_rescore_at, rescore_all, rescore_due
from models.scoring.score import LeadFacts, score_lead
from tests.concurrency import derived_differences
from tests.conftest import NOW

#: What the queue and the pane show: these must match a recomputation at the tick's time.
SHOWN = ("score", "grade", "priority", "why_now")


def facts_and_touches(
    db: Database,
) -> tuple[dict[int, LeadFacts], dict[int, list[tuple[str, datetime]]]]:
    with db.read() as session:
        facts = {
            r.id: LeadFacts(r.industry, r.size_band, r.title, r.region)
            for r in session.execute(
                select(
                    Lead.id, Lead.title, Account.industry, Account.size_band, Account.region
                ).join(Account, Account.id == Lead.account_id)
            )
        }
        touches: dict[int, list[tuple[str, datetime]]] = {}
        for lead_id, kind, at in session.execute(
            select(Touch.lead_id, Touch.kind, Touch.occurred_at)
        ):
            touches.setdefault(lead_id, []).append((kind, at))
    return facts, touches


def test_the_schedule_is_when_the_rounded_score_drops(shared_db: Database) -> None:
    """Computed in closed form: just before the scheduled time the score is what was
    stored, just after it one point lower (unless a boost runs out first)."""
    with shared_db.read() as session:
        config = versions.active(session).scoring
    facts, touches = facts_and_touches(shared_db)
    checked = 0
    for lead_id, lead_facts in facts.items():
        result = score_lead(lead_facts, touches.get(lead_id, ()), NOW, config)
        no_boost = Priority(float(result.score), "score")  # nothing time-bound
        due = next_rescore_at(result, no_boost, NOW, config)
        assert due > NOW
        horizon = NOW + timedelta(days=config.half_life_days)

        def at(when: datetime, lead_facts: LeadFacts = lead_facts, i: int = lead_id) -> int:
            return score_lead(lead_facts, touches.get(i, ()), when, config).score

        if due == horizon:  # nothing left to decay past: the same score a half-life on
            assert at(horizon) == result.score
            continue
        assert at(due - timedelta(seconds=1)) == result.score, lead_id
        assert at(due + timedelta(seconds=1)) == result.score - 1, lead_id
        checked += 1
    assert checked > len(facts) // 2, "most demo leads have engagement that decays"


def test_a_boost_running_out_comes_first() -> None:
    config = ScoringConfig.from_dict(versions.default_definition_data()["scoring"])
    facts = LeadFacts("manufacturing", "large", "部長", "kanto")
    result = score_lead(facts, [("whitepaper_download", NOW - timedelta(days=2))], NOW, config)
    assert result.engagement > 1
    mql_at = NOW - timedelta(minutes=config.priority.fresh_lead_hours * 60 - 30)
    fresh = prioritize(result, stage="new", call_attempts=0, mql_at=mql_at, now=NOW, config=config)
    assert fresh.why_now == "fresh"
    assert fresh.until == NOW + timedelta(minutes=30)
    assert next_rescore_at(result, fresh, NOW, config) == fresh.until
    # Without the boost, the decay decides, a good while later.
    plain = prioritize(
        result, stage="working", call_attempts=1, mql_at=mql_at, now=NOW, config=config
    )
    assert next_rescore_at(result, plain, NOW, config) > NOW + timedelta(hours=1)


def test_the_tick_keeps_every_shown_score_current_and_rescores_only_what_moved(
    demo_db: Database,
) -> None:
    rescore_all(demo_db, NOW)  # every lead scheduled exactly
    for step in (timedelta(hours=1), timedelta(days=1), timedelta(days=3), timedelta(days=40)):
        at = NOW + step
        before = lead_rows(demo_db)
        moved = set(derived_differences(demo_db, at=at, columns=SHOWN))
        assert moved, "engagement decays: some scores moved"
        with demo_db.write() as session:
            changes = tick(session, at)
        # One score, one time: what the queue shows is what the lead's facts give now...
        assert not derived_differences(demo_db, at=at, columns=SHOWN), step
        # ...and the tick rescored only the leads whose shown values had moved (plus
        # those it looks at again after a half-life with nothing left to decay).
        after = lead_rows(demo_db)
        rescored = {i for i, row in after.items() if row["scored_at"] == at}
        assert moved <= rescored <= set(changes.lead_ids)
        looked_again = {
            i for i in rescored - moved if before[i]["scored_at"] <= at - timedelta(days=30)
        }
        assert rescored - moved == looked_again, step
        # Leads whose values held and whose half-life look is not due are left alone.
        looks_due = {i for i, row in before.items() if row["scored_at"] <= at - timedelta(days=30)}
        if len(moved | looks_due) < len(before):
            assert len(rescored) < len(before), "the tick is not a full rescore"
        untouched = set(before) - rescored - set(changes.lead_ids)
        assert {i: before[i] for i in untouched} == {i: after[i] for i in untouched}


def test_a_full_rescore_schedules_every_lead(demo_db: Database) -> None:
    rescore_all(demo_db, NOW)
    rows = lead_rows(demo_db)
    assert all(row["rescore_due_at"] is not None for row in rows.values())
    assert all(row["rescore_due_at"] > NOW for row in rows.values())
    soon = NOW + timedelta(minutes=1)
    moved = set(derived_differences(demo_db, at=soon, columns=SHOWN))
    with demo_db.write() as session:
        due = rescore_due(session, soon)
    # A minute later only what moved in that minute is due (a boost that ran out).
    assert due == moved


def test_leads_stored_without_a_schedule_get_one_from_their_stored_values(
    demo_db: Database,
) -> None:
    """Rows scored before schema 0003 (or by a bulk load) have no schedule: the tick gives
    them one from their stored score, fit and engagement, a little early, never late,
    without reading their touches or recomputing them."""
    rescore_all(demo_db, NOW)
    exact = {i: row["rescore_due_at"] for i, row in lead_rows(demo_db).items()}
    with demo_db.write() as session:
        session.connection().execute(update(LEAD).values(rescore_due_at=None))
    soon = NOW + timedelta(minutes=1)
    with demo_db.write() as session:
        changes = tick(session, soon)
    after = lead_rows(demo_db)
    rescored = {i for i, row in after.items() if row["scored_at"] == soon}
    assert rescored <= set(changes.lead_ids)
    assert len(rescored) < len(after) // 10
    early_by = []
    for lead_id, row in after.items():
        scheduled = row["rescore_due_at"]
        assert scheduled is not None, lead_id
        if lead_id in rescored:  # due already (on either schedule): rescored, rescheduled
            assert scheduled > soon
            continue
        assert row["scored_at"] == NOW, "scheduled, not recomputed"
        assert soon < scheduled <= exact[lead_id], lead_id
        early_by.append((exact[lead_id] - scheduled).total_seconds())
    assert sorted(early_by)[len(early_by) // 2] < 3600, "mostly within the hour"


def test_the_pane_shows_the_stored_score_explained_as_of_its_time(demo_db: Database) -> None:
    """The queue's number is the pane's number, even long after it was stored, and the
    pane's explanation adds up to it."""
    later = NOW + timedelta(days=45)
    stored = lead_rows(demo_db)
    decayed = derived_differences(demo_db, at=later, columns=("score",))
    assert decayed, "45 days later some scores have decayed"
    with demo_db.read() as session:
        for lead_id, row in stored.items():
            card = lead_detail(session, lead_id, later).score
            assert (card.score, card.grade) == (row["score"], row["grade"]), lead_id
            assert card.scored_at == row["scored_at"]
            assert sum(c.points for c in card.contributions) == pytest.approx(
                card.fit + card.engagement
            )
            assert min(100, max(0, round(card.fit + card.engagement))) == row["score"]


def lead_rows(db: Database) -> dict[int, dict[str, Any]]:
    with db.read() as session:
        return {row.id: dict(row._mapping) for row in session.execute(select(LEAD))}
