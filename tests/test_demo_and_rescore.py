"""Demo data, stored scores, rescoring, touches and the optimistic lock, on both databases.

``demo_db`` here is the conftest data set (300 leads, seed 7, at ``NOW``) generated once
per backend and cloned for each test (a file copy, or ``CREATE DATABASE … TEMPLATE``),
so each test writes to its own copy without paying for the generation again.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import demo
from models.core.entities import Account, Call, Definition, Lead, Team, Touch, User
from models.core.errors import InvalidInput, NotFound
from models.db.database import Database, open_database
from models.demo import generator
from models.leads.detail import lead_detail
from models.leads.touches import NewTouch, add_touches
from models.scoring import rescore
from models.scoring.rescore import rescore_all, rescore_leads
from tests.conftest import NOW

LATER = NOW + timedelta(days=60)


def snapshot(db: Database) -> list[tuple[Any, ...]]:
    """What the demo generated, in id order: people, companies, scores and touches."""
    with db.read() as session:
        leads = session.execute(
            select(
                Lead.id,
                Lead.name,
                Lead.name_kana,
                Lead.email,
                Lead.title,
                Account.name,
                Lead.stage,
                Lead.owner_id,
                Lead.score,
                Lead.grade,
                Lead.priority,
                Lead.why_now,
                Lead.mql_at,
            )
            .join(Account, Account.id == Lead.account_id)
            .order_by(Lead.id)
        ).all()
        touches = session.execute(
            select(Touch.lead_id, Touch.kind, Touch.occurred_at, Touch.external_id).order_by(
                Touch.lead_id, Touch.external_id
            )
        ).all()
    return [tuple(r) for r in leads] + [tuple(t) for t in touches]


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            entity.__name__: session.scalar(select(func.count()).select_from(entity)) or 0
            for entity in (Lead, Account, Touch, Call, User, Team, Definition)
        }


def scores(db: Database) -> dict[int, tuple[Any, ...]]:
    with db.read() as session:
        return {
            row.id: tuple(row)[1:]
            for row in session.execute(
                select(
                    Lead.id,
                    Lead.score,
                    Lead.grade,
                    Lead.fit_score,
                    Lead.engagement_score,
                    Lead.priority,
                    Lead.why_now,
                    Lead.priority_until,
                    Lead.last_touch_at,
                )
            )
        }


def scored_at(db: Database) -> dict[int, datetime | None]:
    with db.read() as session:
        return {row.id: row.scored_at for row in session.execute(select(Lead.id, Lead.scored_at))}


def versions(db: Database) -> dict[int, int]:
    with db.read() as session:
        return {row.id: row.version for row in session.execute(select(Lead.id, Lead.version))}


# -- Demo data ----------------------------------------------------------------------------
def test_demo_is_deterministic(any_url: str, tmp_path: Path) -> None:
    def generate(url: str, seed: int) -> list[tuple[Any, ...]]:
        db = open_database(url)
        try:
            demo.generate(db, leads=120, seed=seed, now=NOW)
            return snapshot(db)
        finally:
            db.close()

    first = generate(any_url, 3)
    # The same seed and time on another file (and the other database kind): the same data.
    same = generate(f"sqlite:///{tmp_path / 'same.sqlite3'}", 3)
    other = generate(f"sqlite:///{tmp_path / 'other.sqlite3'}", 4)
    assert first == same
    assert len(first) > 120
    names = [row[1] for row in first[:120]]
    other_names = [row[1] for row in other[:120]]
    assert names != other_names
    assert len(set(names) & set(other_names)) < len(names) // 2


def test_demo_touches_have_the_expected_mix(demo_db: Database) -> None:
    with demo_db.read() as session:
        leads = session.scalar(select(func.count(Lead.id))) or 0
        by_kind = Counter(
            {
                kind: n
                for kind, n in session.execute(
                    select(Touch.kind, func.count()).group_by(Touch.kind)
                )
            }
        )
        per_lead = session.execute(
            select(Touch.lead_id, func.count()).group_by(Touch.lead_id)
        ).all()
    total = sum(by_kind.values())
    assert leads == 300
    assert 18 <= total / leads <= 22  # about twenty touches per lead
    assert len(per_lead) == leads  # every lead has some history
    assert min(n for _lead, n in per_lead) >= 5
    most_common, _n = by_kind.most_common(1)[0]
    assert most_common == "email_open"
    assert 0.35 <= by_kind["email_open"] / total <= 0.55
    for rare in ("inquiry", "demo_request"):
        assert 0 < by_kind[rare] / total < 0.02, rare
    assert by_kind["site_visit"] > by_kind["document_request"] > by_kind["inquiry"]


def test_demo_refuses_a_database_that_holds_leads(demo_db: Database) -> None:
    before = counts(demo_db)
    before_data = snapshot(demo_db)
    with pytest.raises(InvalidInput) as info:
        demo.generate(demo_db, leads=10, seed=99, now=NOW)
    assert info.value.params["field"] == "database"
    assert "300" in str(info.value)
    assert counts(demo_db) == before
    assert snapshot(demo_db) == before_data


def test_demo_needs_at_least_one_lead(db: Database) -> None:
    with pytest.raises(InvalidInput) as info:
        demo.generate(db, leads=0, now=NOW)
    assert info.value.params["field"] == "leads"
    assert counts(db)["User"] == 0


def test_cancelled_demo_writes_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator, "CHUNK", 20)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(InterruptedError):
        demo.generate(
            db, leads=100, seed=1, now=NOW, progress=progress, cancelled=lambda: len(calls) >= 2
        )
    assert calls == [(20, 100), (40, 100)]
    assert counts(db) == dict.fromkeys(("Lead", "Account", "Touch", "Call", "User", "Team"), 0) | {
        "Definition": 0
    }


def test_stored_scores_match_a_fresh_recomputation(demo_db: Database) -> None:
    """What the demo stored is what lead_detail explains and what rescoring computes."""
    stored = scores(demo_db)
    with demo_db.read() as session:
        for lead_id in sorted(stored)[::7]:
            card = lead_detail(session, lead_id, NOW).score
            score, grade, fit, engagement, *_ = stored[lead_id]
            assert (card.score, card.grade) == (score, grade), lead_id
            assert card.fit == pytest.approx(fit, abs=1e-3)
            assert card.engagement == pytest.approx(engagement, abs=1e-3)
            assert sum(c.points for c in card.contributions) == pytest.approx(
                card.fit + card.engagement
            )
    # Priority, why-now and its expiry too: rescoring every lead at the demo's "now"
    # changes nothing at all.
    with demo_db.write() as session:
        assert rescore_leads(session, set(stored), NOW) == len(stored)
    assert scores(demo_db) == stored


# -- Rescoring ----------------------------------------------------------------------------
def test_rescore_all_later_lets_engagement_decay(demo_db: Database) -> None:
    before = scores(demo_db)
    progress: list[tuple[int, int]] = []
    report = rescore_all(demo_db, LATER, progress=lambda d, t: progress.append((d, t)))
    assert report.leads == len(before)
    assert not report.cancelled
    assert progress[-1] == (len(before), len(before))
    after = scores(demo_db)
    for lead_id, old in before.items():
        old_engagement, new_engagement = old[3], after[lead_id][3]
        assert new_engagement < old_engagement or old_engagement == 0, lead_id
        assert after[lead_id][0] <= old[0]  # score: same fit, less engagement
    assert set(scored_at(demo_db).values()) == {LATER}


def test_rescore_all_can_be_cancelled_between_chunks(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rescore, "CHUNK", 50)
    with demo_db.read() as session:
        low = session.scalar(select(func.min(Lead.id)))
    assert low is not None
    progress: list[tuple[int, int]] = []
    report = rescore_all(
        demo_db,
        LATER,
        progress=lambda d, t: progress.append((d, t)),
        cancelled=lambda: len(progress) >= 2,
    )
    assert report.cancelled
    assert report.leads == 100
    assert progress == [(50, 300), (100, 300)]
    # Whole chunks were committed; nothing after the cancel was touched.
    done = {i for i, at in scored_at(demo_db).items() if at == LATER}
    untouched = {i for i, at in scored_at(demo_db).items() if at == NOW}
    assert done == set(range(low, low + 100))
    assert len(untouched) == 200


# -- Touches ------------------------------------------------------------------------------
def test_add_touches_rescores_only_the_touched_leads(demo_db: Database) -> None:
    before_at = scored_at(demo_db)
    before = scores(demo_db)
    when = NOW + timedelta(hours=1)
    ids = sorted(before_at)
    hot, warm = ids[10], ids[20]
    new = [
        NewTouch(hot, "demo_request", when - timedelta(minutes=5), source_system="form"),
        NewTouch(warm, "email_open", when, source_system="ma", external_id="ma-777"),
    ]
    with demo_db.write() as session:
        changes = add_touches(session, new, when)
    assert changes.lead_ids == {hot, warm}
    assert changes.queue
    after_at = scored_at(demo_db)
    assert {i for i in ids if after_at[i] != before_at[i]} == {hot, warm}
    assert after_at[hot] == after_at[warm] == when
    after = scores(demo_db)
    assert after[hot][4] >= before[hot][4] + 20  # a fresh demo request raises priority
    with demo_db.read() as session:
        detail = lead_detail(session, hot, when)
        assert detail.score.score == after[hot][0]
        assert detail.touches[0].kind == "demo_request"


def test_add_touches_skips_duplicates_by_source_id(demo_db: Database) -> None:
    with demo_db.read() as session:
        existing = session.execute(
            select(Touch.lead_id, Touch.source_system, Touch.external_id).limit(1)
        ).one()
    before_counts = counts(demo_db)
    before_at = scored_at(demo_db)
    lead_id, source, external = existing
    assert external
    with demo_db.write() as session:
        changes = add_touches(
            session,
            [NewTouch(lead_id, "inquiry", NOW, source_system=source, external_id=external)],
            NOW,
        )
    assert changes.empty
    assert counts(demo_db) == before_counts
    assert scored_at(demo_db) == before_at

    # Repeats within one batch: the first counts, the rest are skipped.
    batch = [
        NewTouch(lead_id, "site_visit", NOW, source_system="web", external_id="visit-1"),
        NewTouch(lead_id, "site_visit", NOW, source_system="web", external_id="visit-1"),
        NewTouch(lead_id, "site_visit", NOW, source_system="other", external_id="visit-1"),
        NewTouch(lead_id, "email_open", NOW),  # no source id: never a duplicate
        NewTouch(lead_id, "email_open", NOW),
    ]
    with demo_db.write() as session:
        changes = add_touches(session, batch, NOW)
    assert changes.lead_ids == {lead_id}
    assert counts(demo_db)["Touch"] == before_counts["Touch"] + 4


def test_add_touches_rejects_bad_input_and_writes_nothing(demo_db: Database) -> None:
    before_counts = counts(demo_db)
    before_at = scored_at(demo_db)
    lead_id = min(before_at)
    good = NewTouch(lead_id, "inquiry", NOW, source_system="form", external_id="good-1")
    cases: list[tuple[NewTouch, type[Exception], str, Any]] = [
        (NewTouch(lead_id, "carrier_pigeon", NOW), InvalidInput, "field", "kind"),
        (
            NewTouch(lead_id, "inquiry", NOW.replace(tzinfo=None)),
            InvalidInput,
            "field",
            "occurred_at",
        ),
        (NewTouch(10**9, "inquiry", NOW), NotFound, "lead_id", 10**9),
    ]
    for bad, error, name, value in cases:
        with pytest.raises(error) as info, demo_db.write() as session:
            add_touches(session, [good, bad], NOW)
        params = getattr(info.value, "params", {})
        assert params[name] == value
        if error is InvalidInput:
            assert params["row"] == 2
            assert str(value) in str(info.value)
        else:
            assert str(value) in str(info.value)
        assert counts(demo_db) == before_counts
        assert scored_at(demo_db) == before_at


def test_lead_detail_of_an_unknown_lead_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound) as info, db.read() as session:
        lead_detail(session, 999_999, NOW)
    assert info.value.params["lead_id"] == 999_999
    assert "999999" in str(info.value)


# -- Optimistic locking -------------------------------------------------------------------
def test_the_version_column_stops_a_silent_overwrite(demo_db: Database) -> None:
    lead_id = min(versions(demo_db))
    with (
        Session(demo_db.engine, expire_on_commit=False) as rep,
        Session(demo_db.engine, expire_on_commit=False) as team_lead,
    ):
        mine = rep.get(Lead, lead_id)
        theirs = team_lead.get(Lead, lead_id)
        assert mine is not None
        assert theirs is not None
        rep.commit()  # both have read version 1; neither holds a transaction now
        team_lead.commit()
        mine.title = "部長 (rep's edit)"
        rep.commit()
        theirs.title = "課長 (team lead's edit)"
        with pytest.raises(StaleDataError):
            team_lead.commit()
        team_lead.rollback()
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert (lead.title, lead.version) == ("部長 (rep's edit)", 2)


def test_rescoring_leaves_the_version_alone(demo_db: Database) -> None:
    """Rescores and new touches never bump the version, so they never conflict with a
    rep's edit of a lead read before them."""
    before = versions(demo_db)
    assert set(before.values()) == {1}
    with demo_db.read() as session:
        lead_id = session.scalar(select(func.min(Lead.id)).where(Lead.next_callback_at.is_(None)))
    assert lead_id is not None
    with Session(demo_db.engine, expire_on_commit=False) as rep:
        lead = rep.get(Lead, lead_id)
        assert lead is not None
        rep.commit()
        # Meanwhile the scores move, and a new touch arrives for the same lead.
        rescore_all(demo_db, LATER)
        with demo_db.write() as session:
            add_touches(session, [NewTouch(lead_id, "inquiry", LATER)], LATER)
        assert versions(demo_db) == before
        lead.department = "営業企画部"
        rep.commit()  # no StaleDataError
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert lead.department == "営業企画部"
        assert lead.version == 2
        assert lead.scored_at == LATER  # and the edit did not undo the rescore
        assert lead.why_now == "hot:inquiry"
