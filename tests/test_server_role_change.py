"""A role changed in team mode moves the login to the new role's group at once: the
server's rules follow the role (the old group's rights go, the new one's come)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.teams.server_users import change_role_with_login
from tests.team_server import NOW, TeamDatabase, team_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def team_db(pg_url: str) -> Iterator[TeamDatabase]:
    with team_database(pg_url) as built:
        yield built


def _groups(team_db: TeamDatabase, key: str) -> set[str]:
    with team_db.connect("admin") as conn:
        rows = conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
            (team_db.login(key),),
        )
        return {str(row[0]) for row in rows}


def test_a_rep_made_team_lead_may_update_the_teams_leads_at_once(team_db: TeamDatabase) -> None:
    b_own = team_db.leads["b_own"]
    with team_db.connect("rep_a") as conn:  # a rep: another rep's lead is not theirs
        assert conn.execute("UPDATE lead SET priority = 1 WHERE id = %s", (b_own,)).rowcount == 0
    assert _groups(team_db, "rep_a") == {team_db.prefix + "rep"}

    with team_db.app("admin") as db, db.write() as session:
        changed = change_role_with_login(session, team_db.ids["admin"], team_db.ids["rep_a"],
                                         "team_lead", NOW)  # fmt: skip
    assert changed.user.role == "team_lead"
    assert _groups(team_db, "rep_a") == {team_db.prefix + "team_lead"}
    with team_db.connect("rep_a") as conn:
        assert conn.execute("UPDATE lead SET priority = 1 WHERE id = %s", (b_own,)).rowcount == 1


def test_only_an_administrator_moves_a_login(team_db: TeamDatabase) -> None:
    from models.core.errors import PermissionDenied

    with team_db.app("lead_t") as db, pytest.raises(PermissionDenied), db.write() as session:
        change_role_with_login(session, team_db.ids["lead_t"], team_db.ids["rep_a"], "admin", NOW)
    assert _groups(team_db, "rep_a") == {team_db.prefix + "rep"}
