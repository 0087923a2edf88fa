"""Two teams and one person of every role, written straight into a database (both
backends), for the tests of who may do what (tests/test_permissions_table.py,
tests/test_team_scope.py).

Team A has a user of every role (marketing and the administrator belong to it too, but
act on every team); team B a rep and a team lead. Each team has a lead of each kind a use
case acts on: unassigned new, a rep's own working lead (missing every criterion), a
returned one, a promoted one with a pending handoff. A third lead is not routed to any
team yet. A definition version is proposed by team B's lead, so that anyone else may
approve it. :func:`attempt` runs a use case and rolls it back, so every probe sees the
same world.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from models.core.entities import Account, Handoff, Lead, Team, User
from models.core.enums import Role
from models.core.errors import BatonError
from models.db.database import Database
from models.definitions import lifecycle, versions

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@dataclass(frozen=True)
class TeamLeads:
    unassigned: int
    owned: int
    recycled: int
    promoted: int
    handoff: int


@dataclass(frozen=True)
class World:
    team_a: int
    team_b: int
    #: Team A's user of each role.
    users: dict[str, int]
    rep_a2: int
    field_rep_b: int
    rep_b: int
    lead_b: int
    a: TeamLeads
    b: TeamLeads
    #: A new lead not routed to any team yet.
    unrouted: int
    #: A definition version proposed by team B's lead.
    proposed: int


def _user(session: Session, local: str, role: str, team: int) -> int:
    user = User(email=f"{local}@example.jp", display_name=local, role=role, team_id=team)
    session.add(user)
    session.flush()
    return user.id


def _lead(
    session: Session, name: str, team: int | None, owner: int | None, stage: str = "new"
) -> int:
    account = Account(name=f"株式会社{name}", sort_key=name, industry="logistics")
    session.add(account)
    session.flush()
    lead = Lead(
        account_id=account.id,
        name=name,
        sort_key=name,
        search_text=name,
        phone="03-1234-5678",
        phone_e164="+81312345678",
        stage=stage,
        owner_id=owner,
        team_id=team,
        mql_at=NOW - timedelta(days=3),
        stage_changed_at=NOW - timedelta(days=1),
        priority=50.0,
    )
    if stage == "recycled":
        lead.recycle_reason = "timing"
        lead.recycled_at = NOW - timedelta(days=1)
    session.add(lead)
    session.flush()
    return lead.id


def _team_leads(
    session: Session, tag: str, team: int, rep: int, field_rep: int, promoter: int
) -> TeamLeads:
    promoted = _lead(session, f"{tag}引渡", team, rep, "promoted")
    handoff = Handoff(
        lead_id=promoted,
        promoted_by=promoter,
        field_rep_id=field_rep,
        summary="",
        status="pending",
        response_due_at=NOW + timedelta(days=2),
    )
    session.add(handoff)
    session.flush()
    return TeamLeads(
        unassigned=_lead(session, f"{tag}未割当", team, None),
        owned=_lead(session, f"{tag}担当", team, rep, "working"),
        recycled=_lead(session, f"{tag}戻し", team, rep, "recycled"),
        promoted=promoted,
        handoff=handoff.id,
    )


def build(db: Database) -> World:
    with db.write() as session:
        versions.ensure_default(session, NOW - timedelta(days=30))
        team_a = Team(name="チームA", settings={})
        team_b = Team(name="チームB", settings={})
        session.add_all([team_a, team_b])
        session.flush()
        users = {
            role.value: _user(session, f"{role.value}.a", role.value, team_a.id) for role in Role
        }
        rep_a2 = _user(session, "rep2.a", Role.REP.value, team_a.id)
        rep_b = _user(session, "rep.b", Role.REP.value, team_b.id)
        lead_b = _user(session, "team_lead.b", Role.TEAM_LEAD.value, team_b.id)
        field_rep_b = _user(session, "field_rep.b", Role.FIELD_REP.value, team_b.id)
        a = _team_leads(session, "A", team_a.id, users["rep"], users["field_rep"], users["rep"])
        b = _team_leads(session, "B", team_b.id, rep_b, field_rep_b, rep_b)
        unrouted = _lead(session, "未配分", None, None)
        draft = lifecycle.create_draft(session, lead_b, now=NOW).version.version
        lifecycle.propose(session, lead_b, draft, now=NOW)
    return World(
        team_a.id, team_b.id, users, rep_a2, field_rep_b, rep_b, lead_b, a, b, unrouted, draft
    )


class _RolledBack(Exception):
    """Raised at the end of a probe so its transaction rolls back."""


def attempt(db: Database, action: Callable[[Session], object]) -> BatonError | None:
    """Run ``action`` in a write transaction that is always rolled back: the refusal it
    raised (None: it was done, then undone)."""
    try:
        with db.write() as session:
            action(session)
            raise _RolledBack
    except _RolledBack:
        return None
    except BatonError as error:
        return error
