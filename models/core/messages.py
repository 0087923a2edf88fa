"""The catalogue of messages the domain's errors carry: stable key -> English template.

Every :class:`models.core.errors.BatonError` is raised with a key from :data:`MESSAGES`
and the parameters its template names (``{lead}``, ``{value}``...). ``str(error)`` is the
English sentence (logs, scripts); the desktop layer translates the template (context
"Errors") and renders it with the same :func:`render`, showing codes through its labels.

Conventions for parameters:

- ``field`` names the input that was wrong (dialogs put the focus there); never shown.
- ``what`` names that input in words: the same code, shown through the desktop's labels
  (``labels.input_field``).
- ``lead`` is :func:`lead_label`: a lead is named by its name and company, not its id.
- ``stage``, ``role``, ``bant_field`` are codes; the desktop shows them as labels.
- ``value`` is what the user gave, ``expected`` the accepted codes (what one may type).
- :data:`DETAIL` (``reason``) is raw text from a driver or a parser. It is only ever
  appended to an English sentence (logs, English users), never put in front of a user
  reading another language, and no template names it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, Protocol

from models.core.admin_messages import ADMIN_MESSAGES
from models.core.assignment_messages import ASSIGNMENT_MESSAGES
from models.core.definition_messages import DEFINITION_MESSAGES
from models.core.handoff_messages import HANDOFF_MESSAGES
from models.core.import_file_messages import IMPORT_FILE_MESSAGES
from models.core.import_messages import IMPORT_MESSAGES
from models.core.reporting_messages import REPORTING_MESSAGES

#: The parameter holding raw, untranslatable detail (driver text): for logs only.
DETAIL: Final = "reason"

_GENERAL: Final[Mapping[str, str]] = {
    # -- Opening a database --------------------------------------------------------------
    "db.failure.read_only": "The database is read-only: nothing was saved.",
    "db.failure.disk_full": "The disk is full: nothing was saved. Free some space and try again.",
    "db.failure.no_permission": "The database does not allow this change: nothing was saved.",
    "db.failure.refused_data": "The database refused the values given: nothing was saved.",
    "db.failure.busy": (
        "The database is busy (another program is writing to it): nothing was saved. "
        "Try again in a moment."
    ),
    "db.failure.unreachable": (
        "The database stopped answering: nothing was saved. Try again when it is back."
    ),
    "db.url.empty": "The database URL is empty.",
    "db.url.unreadable": (
        "Cannot read the database URL {url}: expected sqlite:///PATH or "
        "postgresql://USER@HOST[:PORT]/DATABASE."
    ),
    "db.url.unsupported": (
        "Unsupported database “{backend}” in {url}: Baton runs on SQLite or PostgreSQL."
    ),
    "db.url.unusable": "Cannot use the database URL {url}.",
    "db.folder_missing": "Cannot create {path}: the folder {folder} does not exist.",
    "db.unreachable.refused": (
        "The database server at {url} refused the connection; check that it is running and "
        "that the host and port are right."
    ),
    "db.unreachable.timeout": (
        "The database server at {url} did not answer in time; check the network and the host name."
    ),
    "db.unreachable.unknown_host": (
        "Cannot find the database server named in {url}; check the host name."
    ),
    "db.unreachable.auth": (
        "The database server at {url} did not accept the user name or password."
    ),
    "db.unreachable.no_database": (
        "The database server at {url} has no database of that name; check the name or ask "
        "an administrator to create it."
    ),
    "db.unreachable.no_permission": (
        "The database user in {url} may not use this database; ask an administrator for access."
    ),
    "db.unreachable.other": "Cannot reach the database at {url}.",
    "db.locked": "The database at {url} is busy with another program; try again in a moment.",
    "db.read_only": "The database at {url} is read-only; Baton cannot prepare it.",
    "db.disk_full": (
        "The disk holding the database at {url} is full; free some space and try again."
    ),
    "db.prepare_failed": "Cannot prepare the database at {url}.",
    "db.corrupt.folder": "{path} is a folder, not a database file.",
    "db.corrupt.not_sqlite": (
        "{path} is not a SQLite database (its first bytes are not a SQLite header); it may "
        "be damaged or a different kind of file. Nothing was written to it."
    ),
    "db.corrupt.damaged": (
        "{path} is damaged and cannot be read. Nothing was written to it; restore it from a "
        "backup or choose another file."
    ),
    "db.foreign": (
        "{where} already holds tables that are not Baton's ({tables}); Baton will not write "
        "into it."
    ),
    "db.schema_too_new": (
        "{where} was written by a newer Baton (schema {revision}); this version knows "
        "schemas up to {head}. Update Baton to open it. Nothing was written."
    ),
    "db.schema_missing": (
        "{where} holds no Baton database yet, and a command that only reads does not create "
        "one; nothing was written. Create an empty one with 'baton init --db {where}' (or one "
        "with demo data with 'baton demo --db {where}')."
    ),
    "db.schema_outdated": (
        "{where} has an older Baton schema ({revision}; this version needs {head}), and a "
        "command that only reads does not upgrade it; nothing was written. Upgrade it with "
        "'baton migrate --db {where}' (or open the app)."
    ),
    "db.not_created": (
        "{where} holds no Baton database yet, and this command does not create one; nothing "
        "was written. Create an empty one with 'baton init --db {where}' (or one with demo "
        "data with 'baton demo --db {where}')."
    ),
    "db.init_outdated": (
        "{where} already holds a Baton database, with an older schema ({revision}; this "
        "version needs {head}); nothing was written. Upgrade it with "
        "'baton migrate --db {where}'."
    ),
    # -- Leads -----------------------------------------------------------------------------
    "lead.not_found": "No lead with id {lead_id}; it may have been deleted.",
    "lead.do_not_call": "{lead} is marked do-not-call; no calls can be logged.",
    "lead.of_another_rep": "{lead} belongs to another rep; ask a team lead to reassign it.",
    "lead.of_another_team": "{lead} belongs to another team.",
    "lead.phone_required": "Enter the new phone number for {lead}.",
    "lead.phone_not_a_number": (
        "“{value}” is not a phone number (for {lead}); expected a number such as "
        "03-1234-5678 or +81 3-1234-5678."
    ),
    "lead.phone_same_as_wrong": (
        "{value} is the number marked wrong for {lead}; enter a different one, or correct "
        "the wrong-number call if it was logged by mistake."
    ),
    "lead.call_stage": "{lead} is in the stage “{stage}”; only new and working leads are called.",
    "lead.recycle_stage": (
        "{lead} is in the stage “{stage}”; only new and working leads go back to nurture."
    ),
    "lead.disqualify_stage": (
        "{lead} is in the stage “{stage}”; only new, working or returned leads can be disqualified."
    ),
    "lead.requalify_do_not_call": (
        "{lead} is marked do-not-call and does not return to any queue."
    ),
    "lead.requalify_not_allowed": (
        "Only marketing, team leads and administrators send a lead back to the queue."
    ),
    "lead.requalify_stage": (
        "{lead} is in the stage “{stage}”; only leads returned to nurture come back as new."
    ),
    "lead.reason_unknown": "Unknown reason “{value}”; expected one of {expected}.",
    "lead.reason_other_needs_note": "Reason “other” needs a note saying what it was.",
    "lead.until_not_future": "The re-entry date {until} is not in the future.",
    # -- Calls -----------------------------------------------------------------------------
    "call.outcome_unknown": "Unknown outcome “{value}”; expected one of {expected}.",
    "call.start_naive": "The call's start time has no time zone.",
    "call.start_future": "The call cannot start in the future.",
    "call.duration_negative": "The call's duration cannot be negative.",
    "call.duration_too_long": "A call of {seconds} seconds is longer than a day ({limit} seconds).",
    "call.temperature_unknown": "Unknown temperature “{value}”; expected one of {expected}.",
    "call.next_step_unknown": "Unknown next step “{value}”; expected one of {expected}.",
    "call.callback_needs_time": "A callback needs a date and time.",
    "call.callback_naive": "The callback time has no time zone.",
    "call.callback_past": "The callback time is in the past; choose a time after now.",
    "lead.changed_meanwhile": (
        "{lead} was changed since you opened it ({action}, by {user} at {at}): nothing was "
        "saved. The current values are shown; what you typed is kept: check it and save again."
    ),
    "lead.changed_meanwhile_unknown": (
        "{lead} was changed since you opened it: nothing was saved. The current values are "
        "shown; what you typed is kept: check it and save again."
    ),
    "claim.held": (
        "{user} is on the phone with {lead} (since {at}); choose another lead, or wait "
        "until they have finished."
    ),
    "call.claimed_by_other": (
        "{user} is on the phone with {lead} right now (since {at}): nothing was saved. "
        "What you typed is kept; save it once they have finished."
    ),
    "team.changed_meanwhile": (
        "The rules of {team} were changed since you opened them: nothing was saved. "
        "Reload them and make your change again."
    ),
    "call.callback_requested_needs_time": (
        "The prospect asked to be called back: say when (the date and time of the callback)."
    ),
    "call.meeting_booked_needs_time": "A booked meeting needs its date and time.",
    "call.meeting_needs_time": "A meeting needs its date and time.",
    "call.meeting_naive": "The meeting time has no time zone.",
    "call.not_found": "No call with id {call_id}; it may have been deleted.",
    "call.already_corrected": (
        "This call was already corrected (in another window or by a colleague); the history "
        "shows the correction."
    ),
    "call.correct_not_allowed": "Only the rep who logged a call, or a team lead, can correct it.",
    "call.correct_other_lead": "A correction cannot move a call to another lead.",
    # -- Qualification (BANT) --------------------------------------------------------------
    "bant.field_unknown": "Unknown qualification field “{value}”; expected one of {expected}.",
    "bant.value_unknown": (
        "{bant_field}: “{value}” is not a valid answer; expected one of {expected}."
    ),
    # -- Users and teams -------------------------------------------------------------------
    "user.not_found": "No user with id {user_id}.",
    "user.not_active": "No active user with id {user_id}.",
    "user.email_not_found": "No user with the email {email}.",
    "user.email_invalid": "“{email}” is not an email address.",
    "user.role_unknown": "Unknown role “{value}”; expected one of {expected}.",
    "user.name_empty": "The name is empty.",
    "user.email_taken": "A user with the email {email} already exists.",
    "user.action_not_allowed": "{user} ({role}) may not {permission}.",
    "user.other_team": "{user} acts on their own team only.",
    "user.login_unknown": (
        "The server login {login} is not a Baton user: ask an administrator to add you "
        "(baton admin add-user)."
    ),
    "signin.server_malformed": (
        "“{value}” is not a server: expected host, host:port or host:port/database."
    ),
    "signin.login_empty": "Enter your login (the email your team signed you up with).",
    "signin.password_in_url": (
        "Leave the password out of --db: a command line is visible to every user of this "
        "computer. Baton asks for it, or takes it from the keychain (baton login)."
    ),
    "user.login_deactivated": "{user} (login {login}) was deactivated.",
    "user.first_admin_only_first": (
        "This database already has users, so no first administrator is created: "
        "choose your name among them, or ask an administrator to add you."
    ),
    "user.admin_needed": (
        "This database has an administrator: only an administrator adds users. Say who "
        "is acting with --user EMAIL (or set BATON_USER)."
    ),
    "user.last_admin": (
        "{user} is the last active administrator: make someone else an administrator first."
    ),
    "user.deactivate_self": (
        "{user} cannot deactivate themselves: another administrator does that."
    ),
    "team.not_found": "No team with id {team_id}.",
    "team.settings_malformed": "The team settings are malformed.",
    "team.hours_order": "Business hours must end after they start.",
    "team.weekdays": "Business days must be weekday numbers 0-6 (Monday is 0).",
    "team.sla_not_positive": "The speed-to-lead target must be positive.",
    "team.attempts_not_positive": "The attempt limits must be positive.",
    "team.timezone_unknown": "Unknown time zone “{value}”.",
    "team.holidays_unknown": "Unknown holiday calendar “{value}”.",
    "team.setting_unknown": "Unknown team setting “{value}”; expected one of {expected}.",
    "team.start_invalid": (
        "Business hours, start: “{value}” is not a time of day. Write HH:MM, from 00:00 "
        "to 23:59 (for example 09:00)."
    ),
    "team.end_invalid": (
        "Business hours, end: “{value}” is not a time of day. Write HH:MM, from 00:00 "
        "to 23:59 (for example 18:00)."
    ),
    "team.weekdays_empty": "Choose at least one business day.",
    "team.changed_meanwhile_by": (
        "The rules of {team} were changed since you opened them (by {user} at {at}): "
        "nothing was saved. The current rules are shown and what you typed is kept: "
        "check it and save again."
    ),
    "team.none": (
        "This database has no team yet: start the app on it to create the first "
        "administrator and their team."
    ),
    # -- Text a user gives (models/core/text_rules.py) ----------------------------------
    "text.too_long": "{what}: {length} characters; at most {max} are allowed.",
    "text.bad_character": (
        "{what}: the character {character} at position {position} is not allowed; remove it."
    ),
    "text.row.too_long": "Row {row}, {what}: {length} characters; at most {max} are allowed.",
    "text.row.bad_character": (
        "Row {row}, {what}: the character {character} at position {position} is not allowed; "
        "remove it."
    ),
    # -- Touches, demo data, input -------------------------------------------------------
    "touch.kind_unknown": "Touch {row}: unknown kind “{value}”; expected one of {expected}.",
    "touch.time_naive": "Touch {row}: occurred_at has no time zone.",
    "demo.too_few_leads": "The number of demo leads must be at least 1.",
    "demo.not_empty": (
        "The database already holds {count} leads; demo data goes into an empty database only."
    ),
    "input.not_a_datetime": (
        "{option}: “{value}” is not an ISO date-time (for example {example})."
    ),
    "input.not_a_date": "{option}: “{value}” is not a date (for example {example}).",
    # -- The command line's own input ----------------------------------------------------
    "cli.bant_format": (
        "--bant “{value}”: expected FIELD=VALUE or FIELD=VALUE:EVIDENCE "
        "(for example budget=planned or need=explicit:'manual work')."
    ),
    "cli.who_acts": (
        "Say who is acting with --user EMAIL or the BATON_USER environment variable: "
        "Baton never guesses who does something."
    ),
    "cli.act_as_other": (
        "You are signed in as {login} ({user}): you cannot act as {email}. Leave out "
        "--user and BATON_USER, or sign in as them."
    ),
    "cli.team.hours_format": "--hours “{value}”: expected START-END, for example 09:00-18:00.",
    "cli.team.weekdays_format": (
        "--weekdays “{value}”: expected numbers 0-6 (Monday = 0), for example 0,1,2,3,4."
    ),
    "cli.team.nothing_to_change": "Nothing to change: give at least one option.",
    "cli.team.routing_no_rule": (
        "There is no routing rule {value}: the team has {count} (baton team routing list)."
    ),
}

#: Every message: the general ones, the handoff definition's, passing the baton's, who
#: carries which lead, imports', the shared KPIs'.
MESSAGES: Final[Mapping[str, str]] = {
    **_GENERAL,
    **DEFINITION_MESSAGES,
    **HANDOFF_MESSAGES,
    **ASSIGNMENT_MESSAGES,
    **ADMIN_MESSAGES,
    **IMPORT_MESSAGES,
    **IMPORT_FILE_MESSAGES,
    **REPORTING_MESSAGES,
}

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholders(template: str) -> set[str]:
    """The names ``template`` substitutes."""
    return set(_PLACEHOLDER.findall(template))


def render(template: str, params: Mapping[str, object]) -> str:
    """Substitute every ``{name}`` of ``template`` from ``params``, in one pass.

    A value is inserted as it is: a value holding ``{lead}`` or ``%2`` is never substituted
    again. A name without a parameter stays as written.
    """

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(params[name]) if name in params else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def with_detail(sentence: str, params: Mapping[str, object]) -> str:
    """``sentence`` followed by the raw :data:`DETAIL`, if any (English only)."""
    detail = params.get(DETAIL)
    return f"{sentence} ({detail})" if detail else sentence


def english(key: str, params: Mapping[str, object]) -> str:
    """The English sentence for ``key``; a key outside the catalogue is shown as it is."""
    template = MESSAGES.get(key)
    if template is None:
        return key
    return with_detail(render(template, params), params)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class _LeadLike(Protocol):
    """What :func:`lead_label` reads of a lead (an entity or any record like it)."""

    @property
    def name(self) -> str: ...

    @property
    def account(self) -> _Named: ...


def lead_label(lead: _LeadLike) -> str:
    """How a message names a lead: "name (company)"."""
    return f"{lead.name} ({lead.account.name})"
