"""Who may read and write each table in team mode: the server's copy of the role table.

:data:`TABLES` decides, for every table of the schema, which Baton roles may SELECT,
INSERT, UPDATE or DELETE and which rows (a SQL condition on the row). From it
:mod:`models.db.grants` grants the privileges to each role's group and
:mod:`models.db.row_security` writes one row-level-security policy per table, command and
role. The roles come from :mod:`models.core.permission_table` (the table the use cases
enforce); the conditions say each role's scope as :mod:`models.teams.permissions` does:

- leads: admins and marketing every lead; reps and team leads their team's and those not
  routed to a team yet; field reps the leads handed to them. Reps change their own leads
  and unassigned ones; team leads their team's; marketing every lead (sending back,
  nurture); field reps the leads handed to them. Only admins and marketing add leads;
  nobody deletes one.
- rows of a lead (touches, calls, answers, stage and owner changes, handoffs, claims):
  seen and added where the lead is seen. A call is logged as oneself; a handoff is
  answered by its field rep, a team lead, an admin; a claim is one's own (one that ran
  out may be taken over), let go of by a reassignment (team leads, admins).
- the audit trail: appended to (as oneself or as nobody: the clock), never changed.
- users, teams, away periods, definitions, companies: everyone reads; admins write users,
  team leads their team's capacity, away periods and rules; definitions by those who
  draft and approve them (and by anyone's minute tick, only to put a due version in
  effect); companies by those who work leads and marketing.

A table that is not here gets no privilege and no policy (nothing but its owner reaches
it), and a test fails until it is decided.

Conditions are constant SQL with placeholders filled in by :mod:`models.db.row_security`:
``{t}`` the table, ``{me}`` / ``{team}`` the signed-in user's id and team, ``{handed}``
the ids of the leads handed to them, ``{lead}`` / ``{users}`` the lead and user tables,
``{now}`` the server's clock (UTC) with a few minutes' allowance for a desktop's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from models.core.enums import Role
from models.core.permission_table import ALL_TEAMS, ALLOWED, Action

Command = Literal["SELECT", "INSERT", "UPDATE", "DELETE"]
COMMANDS: Final[tuple[Command, ...]] = ("SELECT", "INSERT", "UPDATE", "DELETE")


@dataclass(frozen=True)
class Rule:
    """Roles may run ``command`` on the rows where ``using`` holds; an INSERT or UPDATE
    must leave rows where ``check`` holds (None: ``using``). ``columns``: an UPDATE of
    those columns only (empty: any column)."""

    command: Command
    roles: frozenset[str]
    using: str = "true"
    check: str | None = None
    columns: tuple[str, ...] = ()


def _roles(*roles: Role | frozenset[Role] | frozenset[str]) -> frozenset[str]:
    found: set[str] = set()
    for role in roles:
        found.update([role.value] if isinstance(role, Role) else (str(r) for r in role))
    return frozenset(found)


EVERYONE = _roles(*Role)
#: Roles whose scope is every team: every lead is theirs to see.
EVERY_TEAM = _roles(ALL_TEAMS)
TEAM_BOUND = EVERYONE - EVERY_TEAM
WORKERS = _roles(ALLOWED[Action.WORK_LEAD])
SUPERVISORS = _roles(ALLOWED[Action.EDIT_TEAM_RULES])
DEFINERS = _roles(ALLOWED[Action.EDIT_DEFINITION_DRAFT], ALLOWED[Action.APPROVE_DEFINITION])
ADMINS = _roles(ALLOWED[Action.MANAGE_USERS])
IMPORTERS = _roles(ALLOWED[Action.IMPORT])

_OWN_TEAM = "({t}.team_id = {team} OR {t}.team_id IS NULL)"
_HANDED = "{t}.id = ANY ({handed}::integer[])"  # an array, not a subquery
#: The row's lead is one the user sees (the lead's own policy applies inside).
_LEAD_SEEN = "EXISTS (SELECT 1 FROM {lead} AS seen WHERE seen.id = {t}.lead_id)"
_MINE = "{t}.user_id = {me}"
_IN_MY_TEAM = "EXISTS (SELECT 1 FROM {users} AS u WHERE u.id = {t}.user_id AND u.team_id = {team})"


def _read(*rules: Rule) -> tuple[Rule, ...]:
    """Everyone reads every row, plus ``rules``."""
    return (Rule("SELECT", EVERYONE), *rules)


def _of_lead(*rules: Rule, insert: bool = True) -> tuple[Rule, ...]:
    """A table of rows that belong to a lead: seen (and added) where the lead is seen."""
    seen = (Rule("SELECT", EVERY_TEAM), Rule("SELECT", TEAM_BOUND, _LEAD_SEEN))
    added = (Rule("INSERT", EVERY_TEAM), Rule("INSERT", TEAM_BOUND, _LEAD_SEEN))
    return (*seen, *(added if insert else ()), *rules)


_R = Role
TABLES: Final[dict[str, tuple[Rule, ...]]] = {
    "lead": (
        Rule("SELECT", EVERY_TEAM),
        Rule("SELECT", _roles(_R.REP, _R.TEAM_LEAD), _OWN_TEAM),
        Rule("SELECT", _roles(_R.FIELD_REP), _HANDED),
        Rule("INSERT", EVERY_TEAM),
        Rule("UPDATE", EVERY_TEAM),
        Rule("UPDATE", _roles(_R.TEAM_LEAD), _OWN_TEAM),
        Rule(
            "UPDATE",
            _roles(_R.REP),
            "({t}.owner_id = {me} OR {t}.owner_id IS NULL) AND " + _OWN_TEAM,
        ),
        Rule("UPDATE", _roles(_R.FIELD_REP), _HANDED),
    ),
    "touch": _of_lead(),
    "qualification_answer": _of_lead(),
    "stage_change": _of_lead(),
    "assignment_change": _of_lead(),
    "call": _of_lead(
        Rule("INSERT", WORKERS & EVERY_TEAM, _MINE),
        Rule("INSERT", WORKERS & TEAM_BOUND, f"{_MINE} AND {_LEAD_SEEN}"),
        # Corrections supersede a call, never change or delete it.
        Rule("UPDATE", ADMINS, columns=("superseded",)),
        Rule("UPDATE", _roles(_R.TEAM_LEAD), _LEAD_SEEN, columns=("superseded",)),
        Rule("UPDATE", _roles(_R.REP), f"{_MINE} AND {_LEAD_SEEN}", columns=("superseded",)),
        insert=False,
    ),
    "handoff": _of_lead(
        Rule("UPDATE", ADMINS),
        Rule("UPDATE", _roles(_R.TEAM_LEAD), _LEAD_SEEN),
        Rule("UPDATE", _roles(_R.FIELD_REP), "{t}.field_rep_id = {me}"),
        # The rep who promotes writes the summary into the handoff they just made (it is
        # built from the handoff's own row), while field sales have not answered yet.
        Rule(
            "UPDATE",
            WORKERS,
            "{t}.promoted_by = {me} AND {t}.status = 'pending'",
            columns=("summary", "version"),
        ),
    ),
    "lead_claim": _of_lead(
        Rule("INSERT", WORKERS, f"{_MINE} AND {_LEAD_SEEN}"),
        Rule("UPDATE", WORKERS, f"{_MINE} OR {{t}}.expires_at < {{now}}", check=_MINE),
        Rule("DELETE", WORKERS, f"{_MINE} OR {{t}}.expires_at < {{now}}"),
        # A reassignment or a deactivation lets go of the claims on the leads it moves.
        Rule("DELETE", ADMINS),
        Rule("DELETE", SUPERVISORS - ADMINS, _LEAD_SEEN),
        insert=False,
    ),
    "audit_entry": (
        Rule("SELECT", EVERY_TEAM),
        Rule(
            "SELECT",
            TEAM_BOUND,
            "{t}.entity <> 'lead' OR EXISTS"
            " (SELECT 1 FROM {lead} AS seen WHERE seen.id = {t}.entity_id)",
        ),
        Rule("INSERT", EVERYONE, check="{t}.user_id = {me} OR {t}.user_id IS NULL"),
    ),
    "user_account": _read(
        Rule("INSERT", ADMINS),
        Rule("UPDATE", ADMINS),
        Rule(
            "UPDATE",
            SUPERVISORS - ADMINS,
            "{t}.team_id = {team}",
            columns=("capacity", "version"),
        ),
    ),
    "team": _read(
        Rule("INSERT", ADMINS),
        Rule("UPDATE", ADMINS),
        Rule("UPDATE", SUPERVISORS - ADMINS, "{t}.id = {team}"),
    ),
    "away_period": _read(
        *(
            rule
            for command in ("INSERT", "UPDATE", "DELETE")
            for rule in (
                Rule(command, ADMINS),
                Rule(command, SUPERVISORS - ADMINS, _IN_MY_TEAM),
                Rule(command, EVERYONE, _MINE),  # one's own time away
            )
        )
    ),
    "definition": _read(
        Rule("INSERT", DEFINERS),
        Rule("UPDATE", DEFINERS),
        # Anyone's minute tick puts an approved version in effect once its date comes.
        Rule(
            "UPDATE",
            EVERYONE - DEFINERS,
            "{t}.status = 'approved'",
            check="{t}.status = 'approved' AND (NOT {t}.active OR {t}.effective_from <= {now})",
            columns=("active",),
        ),
    ),
    "definition_approval": _read(Rule("INSERT", DEFINERS, check=_MINE)),
    "account": _read(
        Rule("INSERT", WORKERS | _roles(_R.MARKETING)),
        Rule("UPDATE", WORKERS | _roles(_R.MARKETING)),
    ),
    # Imports (marketing, admins): a lead's ids in the tools are seen with the lead.
    "lead_source_key": _of_lead(Rule("INSERT", IMPORTERS), insert=False),
    "import_mapping": _read(Rule("INSERT", IMPORTERS), Rule("UPDATE", IMPORTERS)),
    "import_run": _read(
        Rule("INSERT", IMPORTERS, check=_MINE),
        Rule("UPDATE", IMPORTERS, _MINE),
    ),
    "server_role": _read(),
    "alembic_version": _read(),
}


@dataclass(frozen=True)
class Grant:
    """What one role's policy on one table and command says: the rows (``using``,
    ``check``, each None where the command has no such clause) and the columns."""

    using: str | None
    check: str | None
    columns: tuple[str, ...]


def merged(table: str) -> dict[tuple[Command, str], Grant]:
    """Each (command, role) of ``table`` with its rules joined (OR), as PostgreSQL joins
    permissive policies: one policy per role and command."""
    found: dict[tuple[Command, str], list[Rule]] = {}
    for rule in TABLES[table]:
        for role in rule.roles:
            found.setdefault((rule.command, role), []).append(rule)
    return {key: _join(key[0], rules) for key, rules in found.items()}


def _join(command: Command, rules: list[Rule]) -> Grant:
    def any_of(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)

    using = any_of([r.using for r in rules]) if command != "INSERT" else None
    check = None
    if command in ("INSERT", "UPDATE"):
        check = any_of([r.check if r.check is not None else r.using for r in rules])
    every_column = any(not r.columns for r in rules)
    columns = () if every_column else tuple(sorted({c for r in rules for c in r.columns}))
    return Grant(using, check, columns)
