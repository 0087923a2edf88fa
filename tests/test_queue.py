"""models/queue.py on both databases: SQL sorting and filtering checked against Python.

Every expectation is computed in Python from a full fetch of the demo data, never from
the queue functions under test. Tests that only read share one demo database per backend
(``shared_demo``, the same data as ``demo_db``); tests that write use their own.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from models.core import text
from models.core.entities import Account, Lead, User
from models.core.enums import ACTIVE_STAGES, Role
from models.db.database import Database
from models.leads.queue import (
    ANY_OWNER,
    NO_OWNER,
    QueueQuery,
    SortKey,
    filter_options,
    queue_ids,
    queue_page,
    queue_rows,
)


@pytest.fixture
def shared_demo(shared_db: Database) -> Database:
    """``demo_db``'s data set, one copy per backend and module, for tests that only read."""
    return shared_db


ALL_STAGES = QueueQuery(stages=(), owner=ANY_OWNER)
ACTIVE = tuple(s.value for s in ACTIVE_STAGES)


@dataclass(frozen=True)
class Fetched:
    id: int
    priority: float
    score: int
    grade: str
    stage: str
    why_now: str
    last_touch_at: datetime | None
    name: str
    name_kana: str | None
    sort_key: str
    email: str | None
    owner_id: int | None
    owner_key: str | None
    owner_name: str | None
    company: str
    company_kana: str | None
    company_sort_key: str
    industry: str | None
    do_not_call: bool
    last_call_at: datetime | None
    call_attempts: int


def fetch_all(db: Database) -> list[Fetched]:
    """Every lead with what the queue sorts and filters on, by plain ORM reads."""
    with db.read() as session:
        users = {u.id: u for u in session.scalars(select(User))}
        rows = session.execute(select(Lead, Account).join(Account, Account.id == Lead.account_id))
        result = []
        for lead, account in rows:
            owner = users.get(lead.owner_id) if lead.owner_id is not None else None
            result.append(
                Fetched(
                    id=lead.id,
                    priority=lead.priority,
                    score=lead.score,
                    grade=lead.grade,
                    stage=lead.stage,
                    why_now=lead.why_now,
                    last_touch_at=lead.last_touch_at,
                    name=lead.name,
                    name_kana=lead.name_kana,
                    sort_key=lead.sort_key,
                    email=lead.email,
                    owner_id=lead.owner_id,
                    owner_key=(owner.display_name_kana or owner.display_name) if owner else None,
                    owner_name=owner.display_name if owner else None,
                    company=account.name,
                    company_kana=account.name_kana,
                    company_sort_key=account.sort_key,
                    industry=account.industry,
                    do_not_call=lead.do_not_call,
                    last_call_at=lead.last_call_at,
                    call_attempts=lead.call_attempts,
                )
            )
    return result


def queueable(rows: Iterable[Fetched]) -> list[Fetched]:
    """Leads any queue may show: do-not-call leads never return to a queue."""
    return [r for r in rows if not r.do_not_call]


SORT_VALUES: dict[SortKey, Callable[[Fetched], Any]] = {
    SortKey.PRIORITY: lambda r: r.priority,
    # Names and companies: recomputed from the name and reading, not the stored key.
    SortKey.NAME: lambda r: text.sort_key(r.name, r.name_kana),
    SortKey.COMPANY: lambda r: text.sort_key(r.company, r.company_kana),
    SortKey.INDUSTRY: lambda r: r.industry,
    SortKey.SCORE: lambda r: r.score,
    SortKey.LAST_TOUCH: lambda r: r.last_touch_at,
    SortKey.LAST_CALL: lambda r: r.last_call_at,
    SortKey.ATTEMPTS: lambda r: r.call_attempts,
    SortKey.WHY_NOW: lambda r: r.why_now,
    SortKey.STAGE: lambda r: r.stage,
    SortKey.OWNER: lambda r: r.owner_key,
}


def expected_order(
    rows: Iterable[Fetched], value: Callable[[Fetched], Any], desc: bool
) -> list[int]:
    """Value then id, both ascending or both descending; missing values last either way."""
    rows = list(rows)
    present = sorted(
        (r for r in rows if value(r) is not None), key=lambda r: (value(r), r.id), reverse=desc
    )
    missing = sorted((r.id for r in rows if value(r) is None), reverse=desc)
    return [r.id for r in present] + missing


def ids_where(rows: Iterable[Fetched], keep: Callable[[Fetched], bool]) -> set[int]:
    return {r.id for r in rows if keep(r)}


def matches_text(row: Fetched, query: str) -> bool:
    needle = text.fold(query).strip()
    fields = (row.name, row.name_kana, row.company, row.company_kana, row.email)
    return any(needle in text.fold(f) for f in fields if f)


def to_hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def test_stored_sort_keys_match_the_names(shared_demo: Database) -> None:
    for row in fetch_all(shared_demo):
        assert row.sort_key == text.sort_key(row.name, row.name_kana)
        assert row.company_sort_key == text.sort_key(row.company, row.company_kana)


def test_queue_ids_follow_every_sort_key_both_ways(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    active = [r for r in rows if r.stage in ACTIVE]
    assert any(r.owner_id is None for r in active), "the demo should leave some leads unowned"
    mismatches = []
    with shared_demo.read() as session:
        for key in SortKey:
            for desc in (False, True):
                for stages, population in ((ACTIVE, active), ((), rows)):
                    query = QueueQuery(stages=stages, owner=ANY_OWNER, sort=key, descending=desc)
                    got = queue_ids(session, query)
                    want = expected_order(population, SORT_VALUES[key], desc)
                    if got != want:
                        mismatches.append((key.value, desc, stages))
    assert mismatches == []


def test_default_queue_is_active_leads_by_descending_priority(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    with shared_demo.read() as session:
        got = queue_ids(session, QueueQuery(owner=ANY_OWNER))
    active = [r for r in rows if r.stage in ACTIVE]
    assert 0 < len(active) < len(rows)
    assert got == expected_order(active, lambda r: r.priority, True)


def test_filters_by_stage_grade_and_industry(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    industries = sorted({r.industry for r in rows if r.industry})
    cases: list[tuple[QueueQuery, Callable[[Fetched], bool]]] = [
        (replace(ALL_STAGES, stages=("promoted",)), lambda r: r.stage == "promoted"),
        (
            replace(ALL_STAGES, stages=("recycled", "disqualified")),
            lambda r: r.stage in ("recycled", "disqualified"),
        ),
        (replace(ALL_STAGES, grades=("A",)), lambda r: r.grade == "A"),
        (replace(ALL_STAGES, grades=("C", "D")), lambda r: r.grade in ("C", "D")),
        (
            replace(ALL_STAGES, industries=(industries[0], industries[-1])),
            lambda r: r.industry in (industries[0], industries[-1]),
        ),
        (
            QueueQuery(owner=ANY_OWNER, grades=("A", "B"), industries=tuple(industries[:3])),
            lambda r: r.stage in ACTIVE and r.grade in ("A", "B") and r.industry in industries[:3],
        ),
        (replace(ALL_STAGES, grades=("Z",)), lambda r: False),
    ]
    with shared_demo.read() as session:
        for query, keep in cases:
            want = ids_where(rows, keep)
            got = queue_ids(session, query)
            assert len(got) == len(set(got))
            assert set(got) == want, query
            if query.grades != ("Z",):
                assert 0 < len(want) < len(rows), f"uninformative case {query}"


def test_filters_by_owner(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    with shared_demo.read() as session:
        reps = session.scalars(select(User.id).where(User.role == Role.REP)).all()
        assert len(reps) >= 2
        for rep in reps:
            want = ids_where(rows, lambda r, rep=rep: r.owner_id == rep and r.stage in ACTIVE)
            assert want
            assert set(queue_ids(session, QueueQuery(owner=rep))) == want
        unowned = ids_where(rows, lambda r: r.owner_id is None and r.stage in ACTIVE)
        assert unowned
        assert set(queue_ids(session, QueueQuery(owner=NO_OWNER))) == unowned
        everyone = ids_where(rows, lambda r: r.stage in ACTIVE)
        assert set(queue_ids(session, QueueQuery(owner=ANY_OWNER))) == everyone
        assert queue_ids(session, QueueQuery(owner=10**9)) == []


def test_free_text_search(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    japanese = next(r for r in rows if r.name_kana and not r.name.isascii())
    english = next(r for r in rows if r.name.isascii() and r.email)
    last_kanji = japanese.name.split()[0]
    assert japanese.name_kana is not None
    last_kana = japanese.name_kana.split()[0]
    assert japanese.email is not None
    queries = {
        "kanji name": last_kanji,
        "full kanji name": japanese.name,
        "katakana reading": last_kana,
        "hiragana reading": to_hiragana(last_kana),
        "company": japanese.company,
        "company reading in hiragana": to_hiragana(japanese.company_kana or ""),
        "email": japanese.email,
        "email in capitals": japanese.email.upper(),
        "english first name, lower case": english.name.split()[0].lower(),
        "english last name, capitals": english.name.split()[-1].upper(),
        "email domain": japanese.email.split("@")[1],
        "padded": f"  {last_kana}  ",
    }
    with shared_demo.read() as session:
        for label, query in queries.items():
            want = ids_where(rows, lambda r, q=query: matches_text(r, q))
            got = queue_ids(session, replace(ALL_STAGES, text=query))
            assert set(got) == want, label
            assert want, label
        # The reading typed in hiragana finds the same leads as katakana.
        hira = set(queue_ids(session, replace(ALL_STAGES, text=to_hiragana(last_kana))))
        kata = set(queue_ids(session, replace(ALL_STAGES, text=last_kana)))
        assert japanese.id in hira
        assert hira == kata
        # LIKE wildcards typed by the user are literal characters.
        for literal in ("%", "_", "a%b", "\\"):
            assert queue_ids(session, replace(ALL_STAGES, text=literal)) == []
        assert queue_ids(session, replace(ALL_STAGES, text="zzz-no-such-lead-zzz")) == []
        # Empty text is no filter.
        assert len(queue_ids(session, replace(ALL_STAGES, text="   "))) == len(rows)


def test_text_filter_combines_with_owner_and_keeps_the_order(shared_demo: Database) -> None:
    rows = queueable(fetch_all(shared_demo))
    owned = next(r for r in rows if r.owner_id is not None and r.stage in ACTIVE)
    query = QueueQuery(owner=owned.owner_id or 0, text="@", sort=SortKey.NAME, descending=False)
    population = [
        r
        for r in rows
        if r.owner_id == owned.owner_id and r.stage in ACTIVE and matches_text(r, "@")
    ]
    with shared_demo.read() as session:
        assert queue_ids(session, query) == expected_order(
            population, SORT_VALUES[SortKey.NAME], False
        )


def test_do_not_call_leads_leave_every_queue(demo_db: Database) -> None:
    with demo_db.read() as session:
        top = queue_ids(session, QueueQuery(owner=ANY_OWNER))[0]
        lead = session.get(Lead, top)
        assert lead is not None
        owner, email = lead.owner_id, lead.email or ""
    with demo_db.write() as session:
        session.execute(update(Lead).where(Lead.id == top).values(do_not_call=True))
    with demo_db.read() as session:
        for query in (
            QueueQuery(owner=ANY_OWNER),
            ALL_STAGES,
            QueueQuery(owner=owner if owner is not None else NO_OWNER),
            replace(ALL_STAGES, text=email),
            replace(ALL_STAGES, sort=SortKey.NAME, descending=False),
        ):
            assert top not in queue_ids(session, query)
            assert top not in [r.id for r in queue_page(session, query, limit=1000)]


def test_queue_rows_keep_the_order_given(shared_demo: Database) -> None:
    by_id = {r.id: r for r in fetch_all(shared_demo)}
    with shared_demo.read() as session:
        ids = queue_ids(session, QueueQuery(owner=ANY_OWNER))[:40]
        random.Random(5).shuffle(ids)
        asked = [*ids[:20], 10**9, *ids[20:]]  # an unknown id is left out
        rows = queue_rows(session, asked)
        assert queue_rows(session, []) == []
    assert [r.id for r in rows] == ids
    for row in rows:
        expected = by_id[row.id]
        assert row.company == expected.company
        assert row.owner_name == expected.owner_name
        assert row.priority == expected.priority
        assert row.name == expected.name


@pytest.mark.parametrize(
    "query",
    [
        QueueQuery(owner=ANY_OWNER),
        QueueQuery(stages=(), owner=ANY_OWNER, sort=SortKey.NAME, descending=False),
        QueueQuery(owner=ANY_OWNER, sort=SortKey.OWNER, descending=False),
        QueueQuery(owner=NO_OWNER, sort=SortKey.COMPANY),
        QueueQuery(owner=ANY_OWNER, grades=("A", "B"), sort=SortKey.LAST_TOUCH),
    ],
    ids=["default", "name", "owner", "unowned-company", "grades-last-touch"],
)
def test_queue_page_is_a_slice_of_queue_ids(shared_demo: Database, query: QueueQuery) -> None:
    with shared_demo.read() as session:
        ids = queue_ids(session, query)
        first = queue_page(session, query, limit=25)
        second = queue_page(session, query, offset=25, limit=25)
        everything = queue_page(session, query, limit=10_000)
    assert [r.id for r in first] == ids[:25]
    assert [r.id for r in second] == ids[25:50]
    assert [r.id for r in everything] == ids


def test_filter_options_list_industries_present_and_reps(demo_db: Database) -> None:
    rows = fetch_all(demo_db)
    with demo_db.read() as session:
        options = filter_options(session)
        users = session.scalars(select(User)).all()
    assert options.industries == tuple(sorted({r.industry for r in rows if r.industry}))
    expected = sorted(
        (u for u in users if u.active and u.role in (Role.REP, Role.TEAM_LEAD)),
        key=lambda u: u.display_name_kana or u.display_name,
    )
    assert [o.id for o in options.owners] == [u.id for u in expected]
    assert {o.role for o in options.owners} == {"rep", "team_lead"}
    assert len(options.owners) < len(users)  # field reps, marketing and admins are not owners
    first = options.owners[0]
    assert (first.name, first.email) == (expected[0].display_name, expected[0].email)

    # A deactivated rep is no longer offered.
    with demo_db.write() as session:
        session.execute(update(User).where(User.id == first.id).values(active=False))
    with demo_db.read() as session:
        assert first.id not in {o.id for o in filter_options(session).owners}
