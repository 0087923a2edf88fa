"""The definition in SQL and the pure evaluator agree, lead by lead, on both databases.

A few hundred varied leads (touches on both sides of every window's edge, BANT answers,
calls that reached or not, meetings past, within the grace day and ahead, companies with
and without an industry, a size, a region) and generated criteria trees (every kind,
nested any/all groups): for each tree the leads the SQL condition selects are exactly
those the evaluator says meet it, and the SQL count of missing criteria is the
evaluator's ``Check.missing``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from models.core.entities import ACCOUNT, LEAD, Account, Lead, QualificationAnswer, Touch, User
from models.core.enums import BANT_VALUES, BantField, Grade, Stage, TouchKind
from models.db.database import Database
from models.definitions.criteria import FIT_VALUES, Criterion, parse
from models.definitions.evaluate import MEETING_GRACE, QualifyingFacts, evaluate
from models.definitions.sql import condition, missing
from models.handoff.facts import lead_facts
from tests.conftest import NOW
from tests.definition_strategies import criteria

LEADS = 240
#: The windows the strategies use: touches land on both sides of each edge.
WINDOWS = (1, 3, 7, 14, 30, 90, 365)
SECOND = timedelta(seconds=1)


def _maybe(rng: random.Random, values: tuple[str, ...], none: float = 0.15) -> str | None:
    return None if rng.random() < none else rng.choice(values)


def _populate(db: Database, seed: int = 11) -> None:
    rng = random.Random(seed)
    with db.write() as session:
        owner = User(email="rep@example.jp", display_name="Rep", role="rep")
        session.add(owner)
        accounts = []
        for n in range(40):
            account = Account(
                name=f"株式会社テスト{n}",
                sort_key=f"test{n:03d}",
                industry=_maybe(rng, FIT_VALUES["industry"]),
                size_band=_maybe(rng, FIT_VALUES["size_band"]),
                region=_maybe(rng, FIT_VALUES["region"]),
            )
            session.add(account)
            accounts.append(account)
        session.flush()
        for n in range(LEADS):
            score = rng.randint(0, 100)
            bant = {
                f.value: rng.choice(BANT_VALUES[f.value]) if rng.random() < 0.7 else "unknown"
                for f in BantField
            }
            meeting = rng.choice(
                [
                    None,
                    None,
                    NOW + timedelta(days=rng.randint(1, 20)),
                    NOW - MEETING_GRACE,  # the edge: still counts
                    NOW - MEETING_GRACE - SECOND,  # just past it
                    NOW - timedelta(hours=rng.randint(1, 23)),
                    NOW - timedelta(days=rng.randint(2, 40)),
                ]
            )
            lead = Lead(
                account_id=rng.choice(accounts).id,
                name=f"リード{n}",
                sort_key=f"lead{n:04d}",
                search_text=f"lead{n}",
                stage=rng.choice([s.value for s in Stage]),
                owner_id=owner.id,
                score=score,
                grade=rng.choice([g.value for g in Grade]),
                reached_at=NOW - timedelta(days=rng.randint(0, 200))
                if rng.random() < 0.5
                else None,
                next_meeting_at=meeting,
                bant_budget=bant["budget"],
                bant_authority=bant["authority"],
                bant_need=bant["need"],
                bant_timeline=bant["timeline"],
                mql_at=NOW - timedelta(days=400),
            )
            session.add(lead)
            session.flush()
            for field, value in bant.items():
                if value != "unknown":
                    session.add(
                        QualificationAnswer(
                            lead_id=lead.id,
                            field=field,
                            value=value,
                            evidence=f"{field} の根拠",
                            recorded_at=NOW - timedelta(days=rng.randint(1, 30)),
                        )
                    )
            for _touch in range(rng.randint(0, 7)):
                edge = timedelta(days=rng.choice(WINDOWS))
                when = rng.choice(
                    [NOW - edge, NOW - edge - SECOND, NOW - edge + SECOND, NOW - edge / 2]
                )
                kind = rng.choice([k.value for k in TouchKind])
                session.add(Touch(lead_id=lead.id, kind=kind, occurred_at=when))


@pytest.fixture
def varied(db: Database) -> Iterator[tuple[Database, dict[int, QualifyingFacts]]]:
    _populate(db)
    with db.read() as session:
        ids = list(session.scalars(select(Lead.id).order_by(Lead.id)))
        facts = {lead_id: lead_facts(session, lead_id) for lead_id in ids}
    yield db, facts


def _sql(db: Database, criterion: Criterion) -> tuple[set[int], dict[int, int]]:
    joined = LEAD.join(ACCOUNT, ACCOUNT.c.id == LEAD.c.account_id)
    with db.read() as session:
        met = set(
            session.scalars(select(LEAD.c.id).select_from(joined).where(condition(criterion, NOW)))
        )
        counts = dict(
            session.execute(
                select(LEAD.c.id, missing(criterion, NOW, db.dialect)).select_from(joined)
            ).all()
        )
    return met, counts


def _agree(db: Database, facts: dict[int, QualifyingFacts], criterion: Criterion) -> None:
    met, counts = _sql(db, criterion)
    checks = {lead_id: evaluate(criterion, f, NOW) for lead_id, f in facts.items()}
    expected = {lead_id for lead_id, check in checks.items() if check.met}
    assert met == expected, (
        f"SQL only: {sorted(met - expected)[:5]}, evaluator only: {sorted(expected - met)[:5]}"
    )
    wrong = {i: (counts[i], c.missing) for i, c in checks.items() if counts[i] != c.missing}
    assert not wrong, f"missing differs (sql, evaluator): {dict(list(wrong.items())[:5])}"


def test_the_leads_are_varied(varied: tuple[Database, dict[int, QualifyingFacts]]) -> None:
    _db, facts = varied
    assert len(facts) == LEADS
    assert sum(1 for f in facts.values() if f.industry is None) > 10
    assert sum(1 for f in facts.values() if f.meeting_at == NOW - MEETING_GRACE) > 3
    assert sum(len(f.touches) for f in facts.values()) > LEADS * 2


EXAMPLES: list[dict[str, Any]] = [
    {"kind": "all", "items": []},
    {"kind": "any", "items": []},
    {"kind": "all", "items": [{"kind": "meeting_booked"}]},
    {
        "kind": "any",
        "items": [
            {"kind": "touches", "kinds": ["inquiry"], "within_days": 7, "match": "any"},
            {
                "kind": "all",
                "items": [
                    {"kind": "reached"},
                    {"kind": "bant", "field": "need", "values": ["explicit", "latent"]},
                    {"kind": "fit", "attribute": "industry", "values": ["finance", "retail"]},
                ],
            },
        ],
    },
    {
        "kind": "all",
        "items": [
            {
                "kind": "touches",
                "kinds": ["email_open", "email_click", "site_visit"],
                "within_days": 30,
                "match": "count",
                "count": 2,
            },
            {
                "kind": "touches",
                "kinds": ["document_request", "inquiry"],
                "within_days": 90,
                "match": "all",
            },
            {
                "kind": "any",
                "items": [
                    {"kind": "score_at_least", "score": 40},
                    {"kind": "grade_in", "grades": ["A"]},
                ],
            },
        ],
    },
]


@pytest.mark.parametrize("data", EXAMPLES, ids=lambda d: f"{d['kind']}-{len(d['items'])}")
def test_the_sql_and_the_evaluator_agree_on_examples(
    varied: tuple[Database, dict[int, QualifyingFacts]], data: dict[str, Any]
) -> None:
    _agree(*varied, parse(data))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(criterion=criteria(max_leaves=10))
def test_the_sql_and_the_evaluator_agree_lead_by_lead(
    varied: tuple[Database, dict[int, QualifyingFacts]], criterion: Criterion
) -> None:
    _agree(*varied, criterion)
