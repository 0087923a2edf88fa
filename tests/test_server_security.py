"""The server enforces the permissions itself: raw connections as each role's login.

Each test has its own team-mode database (``baton admin init`` with a unique role prefix,
people added through ``add_with_login``: tests/team_server.py); what a login may do is
tried with plain SQL over psycopg, as someone bypassing the app with psql would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from psycopg import errors, sql
from sqlalchemy import inspect

from models.core.base import Base
from models.core.entities import Lead
from models.db.server_security import set_up_team_mode
from models.db.table_rules import TABLES
from tests.team_server import NOW, TeamDatabase, admin_execute, conninfo, team_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def team_db(pg_url: str) -> Iterator[TeamDatabase]:
    with team_database(pg_url) as built:
        yield built


def _rows(team_db: TeamDatabase, key: str, query: str, *params: Any) -> int:
    """Run one statement as ``key`` (committed); the rows it touched."""
    with team_db.connect(key) as conn:
        return conn.execute(query, params).rowcount


def _refused(team_db: TeamDatabase, key: str, query: str, *params: Any) -> str:
    """Run one statement as ``key`` that the server must refuse; its SQLSTATE."""
    with team_db.connect(key) as conn, pytest.raises(errors.InsufficientPrivilege) as caught:
        conn.execute(query, params)
    return str(caught.value.sqlstate)


def _seen(team_db: TeamDatabase, key: str) -> set[str]:
    with team_db.connect(key) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM lead")}
    return {name for name, lead_id in team_db.leads.items() if lead_id in ids}


def test_every_table_has_a_decision_and_the_database_has_no_other(team_db: TeamDatabase) -> None:
    decided = set(TABLES)
    assert set(Base.metadata.tables) | {"alembic_version"} == decided
    with team_db.owner() as db, db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == decided
    again = set_up_team_mode(team_db.owner_url)
    assert again.undecided == ()
    assert not again.first_time and again.created == ()


def test_a_rep_sees_their_team_and_unrouted_leads_only(team_db: TeamDatabase) -> None:
    assert _seen(team_db, "rep_a") == {"a_own", "b_own", "open_t", "open_none", "handed"}
    assert _seen(team_db, "rep_d") == {"d_own", "open_none"}
    assert _rows(team_db, "rep_a", "SELECT * FROM lead WHERE id = %s", team_db.leads["d_own"]) == 0


def test_a_rep_cannot_update_another_reps_lead(team_db: TeamDatabase) -> None:
    update = "UPDATE lead SET priority = 1 WHERE id = %s"
    assert _rows(team_db, "rep_a", update, team_db.leads["b_own"]) == 0
    assert _rows(team_db, "rep_a", update, team_db.leads["d_own"]) == 0
    assert _rows(team_db, "rep_a", update, team_db.leads["a_own"]) == 1
    assert _rows(team_db, "rep_a", update, team_db.leads["open_t"]) == 1
    with team_db.owner() as db, db.read() as session:
        assert session.get(Lead, team_db.leads["b_own"]).priority != 1  # type: ignore[union-attr]


def test_a_rep_cannot_give_a_lead_away_nor_move_it_to_another_team(
    team_db: TeamDatabase,
) -> None:
    a_own = team_db.leads["a_own"]
    give = "UPDATE lead SET owner_id = %s WHERE id = %s"
    _refused(team_db, "rep_a", give, team_db.ids["rep_b"], a_own)
    _refused(
        team_db,
        "rep_a",
        "UPDATE lead SET team_id = %s WHERE id = %s",
        team_db.teams["osaka"],
        a_own,
    )
    # Taking an unassigned lead of the team is working it.
    assert _rows(team_db, "rep_a", give, team_db.ids["rep_a"], team_db.leads["open_t"]) == 1


def test_nobody_but_the_owner_deletes_a_lead_or_adds_one_but_admins_and_marketing(
    team_db: TeamDatabase,
) -> None:
    for key in ("rep_a", "lead_t", "admin", "mkt"):
        _refused(team_db, key, "DELETE FROM lead WHERE id = %s", team_db.leads["a_own"])
    insert = (
        "INSERT INTO lead (account_id, name, sort_key, search_text, locale, stage, fit_score,"
        " engagement_score, score, grade, priority, why_now, mql_at, call_attempts,"
        " stage_changed_at, do_not_call, version, created_at, updated_at)"
        " SELECT account_id, 'x', 'x', 'x', 'ja', 'new', 0, 0, 0, 'D', 0, 'score', mql_at, 0,"
        " mql_at, false, 1, mql_at, mql_at FROM lead WHERE id = %s"
    )
    for key in ("rep_a", "lead_t", "field"):
        _refused(team_db, key, insert, team_db.leads["a_own"])
    for key in ("admin", "mkt"):
        assert _rows(team_db, key, insert, team_db.leads["a_own"]) == 1


def test_the_audit_trail_is_appended_to_as_oneself_only(team_db: TeamDatabase) -> None:
    me, other = team_db.ids["rep_a"], team_db.ids["rep_b"]
    append = (
        "INSERT INTO audit_entry (at, user_id, entity, entity_id, action)"
        " VALUES (now(), %s, 'lead', %s, 'call_logged')"
    )
    a_own = team_db.leads["a_own"]
    assert _rows(team_db, "rep_a", append, me, a_own) == 1
    assert _rows(team_db, "rep_a", append, None, a_own) == 1  # the clock's entries
    _refused(team_db, "rep_a", append, other, a_own)
    for key in ("rep_a", "admin"):  # nobody changes it, not even an administrator
        _refused(team_db, key, "UPDATE audit_entry SET action = 'nothing'")
        _refused(team_db, key, "DELETE FROM audit_entry")
    about_leads = "SELECT count(*) FROM audit_entry WHERE entity = 'lead'"
    with team_db.connect("rep_a") as conn:
        assert conn.execute(about_leads).fetchone() == (2,)
    with team_db.connect("rep_d") as conn:  # about a lead they cannot see: not shown
        assert conn.execute(about_leads).fetchone() == (0,)


def test_a_team_lead_updates_their_teams_leads_only(team_db: TeamDatabase) -> None:
    update = "UPDATE lead SET owner_id = %s WHERE id = %s"
    rep_b = team_db.ids["rep_b"]
    assert _rows(team_db, "lead_t", update, rep_b, team_db.leads["a_own"]) == 1
    assert _rows(team_db, "lead_t", update, rep_b, team_db.leads["d_own"]) == 0
    _refused(
        team_db,
        "lead_t",
        "UPDATE lead SET team_id = %s WHERE id = %s",
        team_db.teams["osaka"],
        team_db.leads["b_own"],
    )
    assert _rows(team_db, "lead_o", update, team_db.ids["rep_d"], team_db.leads["d_own"]) == 1


def test_team_rules_are_a_team_leads_of_their_team_and_never_marketings(
    team_db: TeamDatabase,
) -> None:
    rules = "UPDATE team SET settings = '{}' WHERE id = %s"
    tokyo, osaka = team_db.teams["tokyo"], team_db.teams["osaka"]
    _refused(team_db, "mkt", rules, tokyo)
    _refused(team_db, "rep_a", rules, tokyo)
    assert _rows(team_db, "lead_t", rules, tokyo) == 1
    assert _rows(team_db, "lead_t", rules, osaka) == 0
    assert _rows(team_db, "admin", rules, osaka) == 1
    # Capacity of their team's reps, not of another team's, and not their role.
    capacity = "UPDATE user_account SET capacity = 10 WHERE id = %s"
    assert _rows(team_db, "lead_t", capacity, team_db.ids["rep_a"]) == 1
    assert _rows(team_db, "lead_t", capacity, team_db.ids["rep_d"]) == 0
    _refused(
        team_db,
        "lead_t",
        "UPDATE user_account SET role = 'admin' WHERE id = %s",
        team_db.ids["rep_a"],
    )


def test_marketing_sends_any_lead_back_and_reads_every_lead(team_db: TeamDatabase) -> None:
    assert _seen(team_db, "mkt") == set(team_db.leads)
    assert (
        _rows(team_db, "mkt", "UPDATE lead SET stage = 'new' WHERE id = %s", team_db.leads["d_own"])
        == 1
    )


def test_a_field_rep_sees_and_answers_only_what_was_handed_to_them(
    team_db: TeamDatabase,
) -> None:
    assert _seen(team_db, "field") == {"handed"}
    handed = team_db.leads["handed"]
    assert _rows(team_db, "field", "UPDATE lead SET stage = 'working' WHERE id = %s", handed) == 1
    assert (
        _rows(
            team_db,
            "field",
            "UPDATE lead SET stage = 'working' WHERE id = %s",
            team_db.leads["a_own"],
        )
        == 0
    )
    answer = "UPDATE handoff SET status = 'accepted', responded_by = %s"
    assert _rows(team_db, "field", answer, team_db.ids["field"]) == 1
    _refused(team_db, "rep_a", answer, team_db.ids["rep_a"])  # reps never answer handoffs


def test_calls_are_logged_as_oneself_on_leads_one_sees(team_db: TeamDatabase) -> None:
    log = (
        "INSERT INTO call (lead_id, user_id, started_at, outcome, superseded, created_at)"
        " VALUES (%s, %s, now(), 'no_answer', false, now())"
    )
    me = team_db.ids["rep_a"]
    assert _rows(team_db, "rep_a", log, team_db.leads["a_own"], me) == 1
    _refused(team_db, "rep_a", log, team_db.leads["a_own"], team_db.ids["rep_b"])
    _refused(team_db, "rep_a", log, team_db.leads["d_own"], me)
    _refused(team_db, "mkt", log, team_db.leads["a_own"], team_db.ids["mkt"])
    # A call is superseded by a correction, never rewritten.
    _refused(team_db, "rep_a", "UPDATE call SET outcome = 'connected'")
    assert _rows(team_db, "rep_a", "UPDATE call SET superseded = true") == 1


def test_claims_are_ones_own_and_a_lapsed_one_may_be_taken_over(team_db: TeamDatabase) -> None:
    now = NOW.replace(tzinfo=None)
    claim = (
        "INSERT INTO lead_claim (lead_id, user_id, claimed_at, expires_at) VALUES (%s, %s, %s, %s)"
    )
    lead_id, a, b = team_db.leads["open_t"], team_db.ids["rep_a"], team_db.ids["rep_b"]
    _refused(team_db, "rep_a", claim, lead_id, b, now, now)
    live = now + timedelta(days=3650)  # ahead of the server's clock whatever the date
    assert _rows(team_db, "rep_a", claim, lead_id, a, now, live) == 1
    take = "UPDATE lead_claim SET user_id = %s WHERE lead_id = %s"
    assert _rows(team_db, "rep_b", take, b, lead_id) == 0  # live: not theirs to take
    assert _rows(team_db, "rep_b", "DELETE FROM lead_claim WHERE lead_id = %s", lead_id) == 0
    assert _rows(team_db, "rep_a", "UPDATE lead_claim SET expires_at = %s", now) == 1
    assert _rows(team_db, "rep_b", take, b, lead_id) == 1  # lapsed: taken over


def test_admins_manage_users_and_nobody_else_does(team_db: TeamDatabase) -> None:
    add = (
        "INSERT INTO user_account (email, display_name, role, active, created_at, capacity,"
        " version) VALUES (%s, 'x', 'admin', true, now(), 1, 1)"
    )
    for key in ("rep_a", "lead_t", "mkt", "field"):
        _refused(team_db, key, add, f"{key}@x.test")
    assert _rows(team_db, "admin", add, "new@x.test") == 1
    promote = "UPDATE user_account SET role = 'admin' WHERE id = %s"
    _refused(team_db, "rep_a", promote, team_db.ids["rep_a"])
    assert _rows(team_db, "admin", promote, team_db.ids["rep_a"]) == 1
    for key in ("rep_a", "lead_t", "mkt"):  # logins are made by the admin's functions only
        with team_db.connect(key) as conn, pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT baton_create_login('x', 'y', 'admin')")


def test_a_login_left_in_a_group_after_a_role_change_gets_nothing_from_it(
    team_db: TeamDatabase,
) -> None:
    # rep A becomes marketing in Baton; the login is still in the rep group only.
    assert (
        _rows(
            team_db,
            "admin",
            "UPDATE user_account SET role = 'marketing' WHERE id = %s",
            team_db.ids["rep_a"],
        )
        == 1
    )
    assert _seen(team_db, "rep_a") == set()
    assert (
        _rows(
            team_db, "rep_a", "UPDATE lead SET priority = 1 WHERE id = %s", team_db.leads["a_own"]
        )
        == 0
    )


def test_only_members_connect_and_a_deactivated_user_is_nobody(team_db: TeamDatabase) -> None:
    stranger = f"stranger_{team_db.tag}"
    team_db.extra_logins.append(stranger)
    admin_execute(
        team_db.owner_url, sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(stranger))
    )
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(conninfo(team_db.owner_url, user=stranger)).close()
    assert (
        _rows(
            team_db,
            "admin",
            "UPDATE user_account SET active = false WHERE id = %s",
            team_db.ids["rep_b"],
        )
        == 1
    )
    assert _seen(team_db, "rep_b") == set()


def test_running_init_again_restores_what_was_changed_by_hand(team_db: TeamDatabase) -> None:
    with psycopg.connect(conninfo(team_db.owner_url), autocommit=True) as conn:
        conn.execute("DROP POLICY baton_select_rep ON lead")
        conn.execute(
            sql.SQL("GRANT DELETE ON lead TO {}").format(sql.Identifier(team_db.prefix + "rep"))
        )
    assert _seen(team_db, "rep_a") == set()
    assert _rows(team_db, "rep_a", "DELETE FROM lead") == 0  # granted by hand; no policy
    set_up_team_mode(team_db.owner_url)
    assert _seen(team_db, "rep_a") == {"a_own", "b_own", "open_t", "open_none", "handed"}
    _refused(team_db, "rep_a", "DELETE FROM lead")
