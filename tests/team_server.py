"""A team-mode database on the shared PostgreSQL server, with its people's logins.

:func:`team_database` makes a database of its own, runs ``baton admin init`` on it with a
unique role prefix, and adds people through the real path (the owner adds the first
administrator, who adds everyone else): two teams (Tokyo: reps A and B, a team lead, a
field rep; Osaka: rep D and its team lead), marketing and an administrator, each with a
login named by their email, unique to the test (roles are cluster-wide). Afterwards the
database, the logins and the group roles are dropped.

The shared server trusts local connections: a login connects with ``user=<login>``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from models.core.entities import Account, Handoff, Lead, Team
from models.db.database import Database, open_database
from models.db.server_roles import SUFFIXES
from models.db.server_security import set_up_team_mode
from models.definitions.versions import ensure_default
from models.teams.server_users import add_with_login

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)

#: key -> (role, team: "tokyo", "osaka" or None).
PEOPLE: dict[str, tuple[str, str | None]] = {
    "admin": ("admin", "tokyo"),
    "rep_a": ("rep", "tokyo"),
    "rep_b": ("rep", "tokyo"),
    "lead_t": ("team_lead", "tokyo"),
    "field": ("field_rep", "tokyo"),
    "mkt": ("marketing", None),
    "rep_d": ("rep", "osaka"),
    "lead_o": ("team_lead", "osaka"),
}


def conninfo(url: str, **overrides: Any) -> str:
    parsed = make_url(url)
    given: dict[str, Any] = {
        "host": parsed.host or "",
        "port": parsed.port or 5432,
        "dbname": parsed.database or "",
        "user": parsed.username or "",
    }
    return psycopg.conninfo.make_conninfo(**(given | overrides))


def admin_execute(url: str, statement: sql.Composable) -> None:
    """One statement on the server's ``postgres`` database, as the test's superuser."""
    with psycopg.connect(conninfo(url, dbname="postgres"), autocommit=True) as conn:
        conn.execute(statement)


@dataclass
class TeamDatabase:
    owner_url: str
    tag: str
    prefix: str
    ids: dict[str, int] = field(default_factory=dict)
    teams: dict[str, int] = field(default_factory=dict)
    #: Leads by name: a_own (rep A's), b_own (rep B's), open_t (unassigned, Tokyo),
    #: open_none (no team yet), d_own (rep D's, Osaka), handed (rep A's, handed to the
    #: field rep).
    leads: dict[str, int] = field(default_factory=dict)
    extra_logins: list[str] = field(default_factory=list)
    #: The handoff of the lead "handed" to the field rep.
    handoff: int = 0

    def email(self, key: str) -> str:
        return f"{key}.{self.tag}@Baton.Test"

    def login(self, key: str) -> str:
        return self.email(key).lower()

    def url(self, key: str) -> str:
        """The database URL signing in as ``key``'s login."""
        return make_url(self.owner_url).set(username=self.login(key)).render_as_string(False)

    def connect(self, key: str) -> psycopg.Connection[Any]:
        """A raw connection as ``key``'s login (a transaction per statement block)."""
        return psycopg.connect(conninfo(self.owner_url, user=self.login(key)))

    @contextmanager
    def app(self, key: str) -> Iterator[Database]:
        """The app's own Database, signed in as ``key``."""
        db = open_database(self.url(key))
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def owner(self) -> Iterator[Database]:
        """The app's own Database as the owner of the tables (row security does not apply)."""
        db = open_database(self.owner_url)
        try:
            yield db
        finally:
            db.close()


@contextmanager
def team_database(owner_url: str, *, people: bool = True) -> Iterator[TeamDatabase]:
    """The team-mode database described in the module docstring (only initialised, no one
    in it, without ``people``); dropped afterwards with its roles."""
    tag = uuid.uuid4().hex[:10]
    team_db = TeamDatabase(owner_url, tag, f"bt{tag}_")
    try:
        if people:
            build(team_db)
        yield team_db
    finally:
        drop(team_db)


def build(team_db: TeamDatabase) -> None:
    owner_url = team_db.owner_url
    set_up_team_mode(owner_url, team_db.prefix)
    with team_db.owner() as owner, owner.write() as session:
        ensure_default(session, NOW)
        for name in ("tokyo", "osaka"):
            team = Team(name=name, settings={"timezone": "Asia/Tokyo"})
            session.add(team)
            session.flush()
            team_db.teams[name] = team.id
        _add(session, team_db, "admin")
    with team_db.app("admin") as db, db.write() as session:
        for key in PEOPLE:
            if key != "admin":
                _add(session, team_db, key)
    with team_db.owner() as owner:
        _leads(owner, team_db)


def _add(session: Any, team_db: TeamDatabase, key: str) -> None:
    role, team = PEOPLE[key]
    added = add_with_login(
        session,
        email=team_db.email(key),
        role=role,
        display_name=key,
        team_id=team_db.teams[team] if team else None,
        password=lambda: "not-checked-on-a-trusting-server",
        now=NOW,
    )
    team_db.ids[key] = added.user.id


def _leads(owner: Database, team_db: TeamDatabase) -> None:
    ids, teams = team_db.ids, team_db.teams
    with owner.write() as session:
        account = Account(name="株式会社テスト", sort_key="てすと", industry="manufacturing")
        session.add(account)
        session.flush()
        for n, (name, owner_id, team_id, stage) in enumerate(
            (
                ("a_own", ids["rep_a"], teams["tokyo"], "new"),
                ("b_own", ids["rep_b"], teams["tokyo"], "new"),
                ("open_t", None, teams["tokyo"], "new"),
                ("open_none", None, None, "new"),
                ("d_own", ids["rep_d"], teams["osaka"], "new"),
                ("handed", ids["rep_a"], teams["tokyo"], "promoted"),
            )
        ):
            lead = Lead(
                account_id=account.id,
                name=f"見込み客 {name}",
                sort_key=f"みこみきゃく {n:05d}",
                search_text=f"見込み客 {name}",
                phone="03-1234-5678",
                stage=stage,
                owner_id=owner_id,
                team_id=team_id,
                priority=90.0 - n,
                mql_at=NOW - timedelta(hours=1),
            )
            session.add(lead)
            session.flush()
            team_db.leads[name] = lead.id
        handoff = Handoff(
            lead_id=team_db.leads["handed"],
            promoted_by=ids["rep_a"],
            field_rep_id=ids["field"],
            summary="{}",
            status="pending",
        )
        session.add(handoff)
        session.flush()
        team_db.handoff = handoff.id


def drop(team_db: TeamDatabase) -> None:
    """The database, the logins and the group roles, gone."""
    name = make_url(team_db.owner_url).database
    admin_execute(
        team_db.owner_url,
        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name or "")),
    )
    logins = [team_db.login(key) for key in PEOPLE] + team_db.extra_logins
    groups = [team_db.prefix + suffix for suffix in SUFFIXES]
    for role in logins + groups:
        admin_execute(
            team_db.owner_url, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role))
        )
