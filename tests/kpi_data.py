"""Small worlds for the tests of the shared KPIs (models/reporting/), written straight into
a database (both backends) so that every number is known by hand.

The two teams of :mod:`tests.assignment_data` (Tokyo: reps A, B, C, a team lead, an admin;
Osaka: rep D and its team lead; a field rep), plus a marketing user. Times are given on
the Tokyo clock (:func:`jst`); November 2026 is the usual period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from models.core.entities import Account, Call, Handoff, Lead, StageChange, Touch, User
from models.db.database import Database
from models.reporting import KpiFilter, Period
from tests.assignment_data import People, people

TOKYO = ZoneInfo("Asia/Tokyo")
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def jst(text: str) -> datetime:
    """``"2026-11-02 10:00"`` on the Tokyo clock, as an aware UTC time."""
    return datetime.fromisoformat(text).replace(tzinfo=TOKYO).astimezone(UTC)


def november(**filters: object) -> KpiFilter:
    return KpiFilter(NOVEMBER, **filters)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Cast:
    people: People
    marketing: int


def cast(db: Database) -> Cast:
    p = people(db)
    with db.write() as session:
        user = User(
            email="marketing@baton.test",
            display_name="山本 マーケ",
            role="marketing",
            team_id=None,
            capacity=0,
        )
        session.add(user)
        session.flush()
        return Cast(p, user.id)


def lead(
    db: Database,
    name: str,
    *,
    team: int | None,
    owner: int | None,
    mql: datetime,
    first_call: datetime | None = None,
    reached: datetime | None = None,
    sla_met: bool | None = None,
    industry: str | None = None,
    stage: str = "working",
) -> int:
    with db.write() as session:
        account = Account(name=f"{name} 株式会社", sort_key=name, industry=industry)
        session.add(account)
        session.flush()
        row = Lead(
            account_id=account.id,
            name=name,
            sort_key=name,
            search_text=name,
            stage=stage,
            owner_id=owner,
            team_id=team,
            mql_at=mql,
            first_call_at=first_call,
            reached_at=reached,
            sla_met=sla_met,
        )
        session.add(row)
        session.flush()
        return row.id


def call(
    db: Database,
    lead_id: int,
    user_id: int,
    at: datetime,
    outcome: str,
    *,
    seconds: int | None = None,
    superseded: bool = False,
) -> None:
    with db.write() as session:
        session.add(
            Call(
                lead_id=lead_id,
                user_id=user_id,
                started_at=at,
                outcome=outcome,
                duration_seconds=seconds,
                superseded=superseded,
            )
        )


def handoff(
    db: Database,
    lead_id: int,
    by: int,
    at: datetime,
    *,
    status: str = "pending",
    version: int = 1,
    code: str | None = None,
    answered: datetime | None = None,
    override: str | None = None,
) -> None:
    with db.write() as session:
        session.add(
            Handoff(
                lead_id=lead_id,
                promoted_by=by,
                definition_version=version,
                summary="{}",
                status=status,
                response_code=code,
                responded_at=answered,
                override_reason=override,
                created_at=at,
            )
        )


def recycle(db: Database, lead_id: int, by: int, at: datetime, reason: str) -> None:
    with db.write() as session:
        session.add(
            StageChange(
                lead_id=lead_id,
                from_stage="working",
                to_stage="recycled",
                reason=reason,
                changed_by=by,
                changed_at=at,
            )
        )


def touch(db: Database, lead_id: int, at: datetime, campaign: str, title: str | None) -> None:
    with db.write() as session:
        session.add(
            Touch(
                lead_id=lead_id,
                kind="seminar_attendance",
                occurred_at=at,
                campaign=campaign,
                content_title=title,
            )
        )
