"""Two small teams written straight into a database (both backends), for the tests of
reassignment, distribution, rebalancing, workload and away periods.

Team 1 (Tokyo): reps A, B, C, a team lead, an inactive rep; an administrator. Team 2
(Osaka): rep D and its team lead. Leads are made one by one with what a test needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from models.core.entities import Account, AwayPeriod, Call, Lead, LeadClaim, Team, User
from models.db.database import Database

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # Friday, 12:00 in Tokyo
TODAY = date(2026, 11, 20)


@dataclass(frozen=True)
class People:
    team: int
    other_team: int
    a: int
    b: int
    c: int
    lead: int
    gone: int
    admin: int
    d: int
    other_lead: int
    field_rep: int


def people(db: Database, *, capacity: int = 150) -> People:
    """The two teams and their people (each rep carrying ``capacity``)."""
    with db.write() as session:
        tokyo = Team(name="東京チーム", settings={"timezone": "Asia/Tokyo"})
        osaka = Team(name="大阪チーム", settings={"timezone": "Asia/Tokyo"})
        session.add_all([tokyo, osaka])
        session.flush()
        ids: dict[str, int] = {}
        for key, name, role, team, active in (
            ("a", "佐藤 A", "rep", tokyo, True),
            ("b", "鈴木 B", "rep", tokyo, True),
            ("c", "高橋 C", "rep", tokyo, True),
            ("lead", "田中 リーダー", "team_lead", tokyo, True),
            ("gone", "退職 済", "rep", tokyo, False),
            ("admin", "小林 管理者", "admin", tokyo, True),
            ("d", "大阪 D", "rep", osaka, True),
            ("other_lead", "大阪 リーダー", "team_lead", osaka, True),
            ("field_rep", "渡辺 フィールド", "field_rep", tokyo, True),
        ):
            user = User(
                email=f"{key}@baton.test",
                display_name=name,
                role=role,
                team_id=team.id,
                active=active,
                capacity=capacity,
            )
            session.add(user)
            session.flush()
            ids[key] = user.id
        return People(team=tokyo.id, other_team=osaka.id, **ids)


def make_leads(
    db: Database,
    count: int,
    *,
    owner: int | None = None,
    team: int | None = None,
    stage: str = "new",
    priority: float = 50.0,
    mql_at: datetime | None = None,
    **values: object,
) -> list[int]:
    """``count`` leads of one company (priorities descending from ``priority``)."""
    with db.write() as session:
        account = Account(name="株式会社テスト", sort_key="てすと")
        session.add(account)
        session.flush()
        leads = [
            Lead(
                account_id=account.id,
                name=f"見込み客 {n}",
                sort_key=f"みこみきゃく {n:05d}",
                search_text=f"見込み客 {n}",
                stage=stage,
                owner_id=owner,
                team_id=team,
                priority=priority - n * 0.01,
                mql_at=mql_at or NOW - timedelta(hours=1),
                **values,
            )
            for n in range(count)
        ]
        session.add_all(leads)
        session.flush()
        return [lead.id for lead in leads]


def away(db: Database, user_id: int, first: date, last: date) -> None:
    with db.write() as session:
        session.add(AwayPeriod(user_id=user_id, starts_on=first, ends_on=last))


def call(db: Database, lead_id: int, user_id: int, at: datetime, outcome: str) -> None:
    with db.write() as session:
        session.add(Call(lead_id=lead_id, user_id=user_id, started_at=at, outcome=outcome))


def claim(db: Database, lead_id: int, user_id: int) -> None:
    with db.write() as session:
        session.add(
            LeadClaim(
                lead_id=lead_id,
                user_id=user_id,
                claimed_at=NOW,
                expires_at=NOW + timedelta(minutes=10),
            )
        )


def owners(db: Database, lead_ids: list[int]) -> dict[int, int | None]:
    with db.read() as session:
        rows = session.execute(select(Lead.id, Lead.owner_id).where(Lead.id.in_(lead_ids)))
        return {lead_id: owner for lead_id, owner in rows}
