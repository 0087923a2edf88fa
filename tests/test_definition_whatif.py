"""What-if while editing a draft, on SQLite and PostgreSQL: the working leads that qualify
under the draft and under the version in effect, which newly qualify and which drop out
(checked lead by lead with the pure evaluator), and past handoffs replayed on the draft at
their own time with field sales' acceptance rate in each group."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from models.core.entities import Account, Handoff, Lead
from models.core.enums import ACTIVE_STAGES
from models.db.database import Database
from models.definitions import lifecycle, replay, versions, whatif
from models.definitions.criteria import Criterion, parse
from models.definitions.evaluate import QualifyingFacts, TouchFact, evaluate
from models.handoff.facts import lead_facts
from models.teams.users import add_user, user_by_email
from tests.conftest import NOW
from tests.definition_strategies import criteria


@pytest.fixture(autouse=True)
def _no_definition_from_another_database() -> None:
    """``versions.active`` caches parsed versions by (id, version, revision) alone, so a
    database of an earlier test with the same numbers would hand over its criteria and
    scoring (a known bug of that cache, reported): start each test without it."""
    versions._cache.clear()


LOOSER = {
    "kind": "all",
    "items": [
        {"kind": "score_at_least", "score": 30},
        {
            "kind": "any",
            "items": [
                {"kind": "reached"},
                {
                    "kind": "touches",
                    "kinds": ["inquiry", "demo_request", "document_request"],
                    "within_days": 60,
                    "match": "any",
                },
            ],
        },
    ],
}


def _draft(db: Database, criteria: dict[str, Any]) -> int:
    with db.write() as session:
        user = user_by_email(session, "naoki.tanaka@baton.example").id
        draft = lifecycle.create_draft(session, user, now=NOW).version
        lifecycle.save_draft(
            session,
            user,
            draft.version,
            name="what-if",
            criteria_data=criteria,
            scoring_data=draft.scoring_data,
            note=None,
            seen_revision=draft.revision,
            now=NOW,
        )
    return draft.version


def _expected(db: Database, draft: dict[str, Any]) -> tuple[set[int], set[int], int]:
    """Qualifying working leads under the draft and under the version in effect (evaluator)."""
    with db.read() as session:
        effective = versions.active(session).criteria
        ids = list(
            session.scalars(select(Lead.id).where(Lead.stage.in_([s.value for s in ACTIVE_STAGES])))
        )
        facts = {i: lead_facts(session, i) for i in ids}
    criterion = parse(draft)
    under_draft = {i for i, f in facts.items() if evaluate(criterion, f, NOW).met}
    under_effective = {i for i, f in facts.items() if evaluate(effective, f, NOW).met}
    return under_draft, under_effective, len(ids)


def test_a_looser_draft_against_the_version_in_effect(demo_db: Database) -> None:
    version = _draft(demo_db, LOOSER)
    with demo_db.read() as session:
        found = whatif.what_if(session, version, now=NOW, names=3)
        priorities = dict(session.execute(select(Lead.id, Lead.priority)).all())
        names = {
            lead_id: (name, company)
            for lead_id, name, company in session.execute(
                select(Lead.id, Lead.name, Account.name).join(Account)
            )
        }
    under_draft, under_effective, working = _expected(demo_db, LOOSER)
    assert found.draft_version == version and found.effective_version == 1
    assert found.working_leads == working
    assert (found.qualify_draft, found.qualify_effective) == (
        len(under_draft),
        len(under_effective),
    )
    assert set(found.newly_qualify) == under_draft - under_effective
    assert set(found.drop_out) == under_effective - under_draft
    assert found.newly_qualify, "a looser draft qualifies more leads"
    # Highest priority first, the first few named (name and company).
    ordered = [priorities[i] for i in found.newly_qualify]
    assert ordered == sorted(ordered, reverse=True)
    assert [n.id for n in found.newly_named] == list(found.newly_qualify[:3])
    assert all((n.name, n.company) == names[n.id] for n in found.newly_named)


def test_the_draft_equal_to_the_version_in_effect_changes_nothing(demo_db: Database) -> None:
    with demo_db.read() as session:
        effective = lifecycle.version_detail(session)
    version = _draft(demo_db, dict(effective.criteria_data))
    with demo_db.read() as session:
        found = whatif.what_if(session, version, now=NOW)
    assert found.qualify_draft == found.qualify_effective
    assert found.newly_qualify == found.drop_out == ()
    assert found.newly_named == found.drop_named == ()


def test_a_stricter_draft_drops_leads(demo_db: Database) -> None:
    with demo_db.read() as session:
        looser = whatif.what_if_criteria(session, parse(LOOSER), now=NOW)
    stricter = copy.deepcopy(LOOSER)
    stricter["items"][0]["score"] = 60
    # The looser criteria as the version in effect: approve them first.
    version = _draft(demo_db, LOOSER)
    with demo_db.write() as session:
        lead = user_by_email(session, "naoki.tanaka@baton.example").id
        marketing = user_by_email(session, "ai.nakamura@baton.example").id
        lifecycle.propose(session, lead, version, now=NOW)
        lifecycle.approve(session, lead, version, now=NOW)
        lifecycle.approve(session, marketing, version, now=NOW)
    with demo_db.read() as session:
        found = whatif.what_if_criteria(session, parse(stricter), now=NOW)
    under_draft, under_effective, _working = _expected(demo_db, stricter)
    assert found.effective_version == version
    assert found.qualify_effective == looser.qualify_draft
    assert found.drop_out and set(found.drop_out) == under_effective - under_draft
    assert found.newly_qualify == ()
    assert found.draft_version is None  # criteria still being edited, not saved


# -- Past handoffs ---------------------------------------------------------------------------


def _facts(score: int, touch_days_before: int | None, at: datetime) -> dict[str, Any]:
    touches = (
        (TouchFact("inquiry", at - timedelta(days=touch_days_before), "問い合わせ"),)
        if touch_days_before is not None
        else ()
    )
    return QualifyingFacts(score=score, grade="B", touches=touches).to_data()


@pytest.fixture
def handed_off(db: Database) -> Database:
    """Five past handoffs with known facts and answers (and one kept without facts)."""
    with db.write() as session:
        versions.ensure_default(session, NOW - timedelta(days=400))
        rep = add_user(
            session, actor_id=None, email="r@example.jp", display_name="R", role="rep"
        ).user.id
        account = Account(name="株式会社過去", sort_key="kako")
        session.add(account)
        session.flush()
        cases = [
            # score, days between the inquiry and the handoff, status, days ago
            (80, 10, "accepted", 200),
            (80, 10, "rejected", 150),
            (80, 50, "accepted", 100),  # the inquiry was too old at the handoff
            (30, 5, "accepted", 90),
            (30, None, "pending", 3),
        ]
        for n, (score, touch, status, days_ago) in enumerate([*cases, (90, 1, "accepted", 1)]):
            lead = Lead(account_id=account.id, name=f"過去{n}", sort_key=f"k{n}", search_text="")
            session.add(lead)
            session.flush()
            at = NOW - timedelta(days=days_ago)
            session.add(
                Handoff(
                    lead_id=lead.id,
                    promoted_by=rep,
                    summary="{}",
                    facts=_facts(score, touch, at) if n < len(cases) else None,
                    status=status,
                    created_at=at,
                )
            )
    return db


def test_past_handoffs_replayed_at_their_time(handed_off: Database) -> None:
    draft = parse(
        {
            "kind": "all",
            "items": [
                {"kind": "score_at_least", "score": 50},
                {"kind": "touches", "kinds": ["inquiry"], "within_days": 30, "match": "any"},
            ],
        }
    )
    with handed_off.read() as session:
        past = whatif.past_handoffs(session, draft)
        found = whatif.what_if_criteria(session, draft, now=NOW)
    # Would qualify: the two with score 80 and a recent inquiry at their time (one
    # accepted, one rejected). Would not: the old inquiry, the low scores.
    assert (past.would_qualify.handoffs, past.would_not.handoffs, past.total) == (2, 3, 5)
    assert past.share == pytest.approx(0.4)
    assert past.would_qualify.acceptance_rate == pytest.approx(0.5)
    assert (past.would_not.accepted, past.would_not.rejected, past.would_not.pending) == (2, 0, 1)
    assert past.would_not.acceptance_rate == pytest.approx(1.0)
    assert found.past == past
    assert found.working_leads == 6  # the new leads of the fixture (stage new)


def test_no_past_handoffs_no_rates(db: Database) -> None:
    with db.write() as session:
        versions.ensure_default(session, NOW)
    with db.read() as session:
        found = whatif.what_if_criteria(session, parse(LOOSER), now=NOW)
    assert found.past.total == 0 and found.past.share is None
    assert found.past.would_qualify.acceptance_rate is None
    assert (found.working_leads, found.qualify_draft) == (0, 0)


# -- The replay is the evaluator's verdict on the kept facts ------------------------------------


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(criterion=criteria(max_leaves=8))
def test_the_replay_is_the_evaluators_verdict_on_each_snapshot(
    shared_db: Database, criterion: Criterion
) -> None:
    with shared_db.read() as session:
        replayed = {r.handoff_id: r.met for r in replay.replay(session, criterion)}
        snapshots = session.execute(
            select(Handoff.id, Handoff.facts, Handoff.created_at).where(Handoff.facts.is_not(None))
        ).all()
    expected = {
        handoff_id: evaluate(criterion, QualifyingFacts.from_data(facts), at).met
        for handoff_id, facts, at in snapshots
        if isinstance(facts, dict)
    }
    assert expected, "the demo data set has handoffs with their facts"
    assert replayed == expected


def test_a_new_handoff_is_read_and_the_rest_kept(handed_off: Database) -> None:
    draft = parse({"kind": "all", "items": [{"kind": "score_at_least", "score": 50}]})
    with handed_off.read() as session:
        before = whatif.past_handoffs(session, draft)
    with handed_off.write() as session:
        lead = session.scalars(select(Lead).limit(1)).one()
        rep = session.scalars(select(Handoff.promoted_by).limit(1)).one()
        session.add(
            Handoff(
                lead_id=lead.id,
                promoted_by=rep,
                summary="{}",
                facts=_facts(95, None, NOW),
                status="accepted",
                created_at=NOW,
            )
        )
    with handed_off.read() as session:
        after = whatif.past_handoffs(session, draft)
    assert after.would_qualify.handoffs == before.would_qualify.handoffs + 1
    assert after.would_qualify.accepted == before.would_qualify.accepted + 1
    assert after.would_not == before.would_not
