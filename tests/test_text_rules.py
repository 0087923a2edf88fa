"""Text a user gives is checked in the domain: the same refusal on SQLite and PostgreSQL.

PostgreSQL refuses a NUL byte and text longer than a ``String(n)`` column (DataError), and
its driver cannot encode a lone surrogate (UnicodeEncodeError); SQLite stores all three.
Every use case that writes user text refuses them itself, naming the field and the limit,
before anything is written: the same key and parameters on both databases. Markup is
ordinary text: stored as typed (escaping it is the display's job, tests/gui).

The limits come from the columns the text lands in (a ``String(n)``) or, for a ``Text``
column, from the domain's own limit; a value of exactly the limit is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core import text
from models.core.base import Base
from models.core.entities import Account, Call, Lead, Team, Touch, User
from models.core.errors import BatonError, InvalidInput
from models.core.text_rules import check_text, column_limit
from models.db.database import Database
from models.leads import actions
from models.leads.bant import BantAnswer
from models.leads.calls import MAX_EVIDENCE, MAX_NOTES, CallDraft, correct_call, log_call
from models.leads.queue import QueueQuery, queue_ids
from models.leads.touches import NewTouch, add_touches
from models.teams.rules import list_teams, update_settings
from models.teams.users import add_user, user_by_email
from tests.conftest import NOW

T0 = NOW + timedelta(minutes=5)
TEAM_LEAD = "naoki.tanaka@baton.example"
ADMIN = "makoto.kobayashi@baton.example"
MARKUP = "<img src=\"/dev/zero\"> <a href='https://evil.example'>x</a> &amp; <b>太字</b>"
#: What PostgreSQL cannot store, planted in the middle of ordinary text (position 7).
PLANTED = {"nul": ("before\x00after", "U+0000"), "surrogate": ("before\ud800after", "U+D800")}


# -- Helpers ------------------------------------------------------------------------------
def everything(db: Database) -> dict[str, Any]:
    """Every table's row count, and every team's rules: what a refusal must leave alone."""
    with db.read() as session:
        state: dict[str, Any] = {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }
        state["team.settings"] = [t.settings for t in session.scalars(select(Team))]
        state["lead.versions"] = sorted(session.execute(select(Lead.id, Lead.version)).all())
    return state


def refused_alike(db: Database, action: Callable[[Session], object]) -> BatonError:
    """``action`` raises a domain refusal (never a driver error) and writes nothing.

    The transaction commits after the refusal: anything written before it would land.
    """
    before = everything(db)
    with db.write() as session, pytest.raises(InvalidInput) as info:
        action(session)
    assert everything(db) == before
    return info.value


def team_lead(session: Session) -> int:
    return user_by_email(session, TEAM_LEAD).id


def active_lead(session: Session) -> int:
    lead_id = session.scalar(
        select(Lead.id)
        .where(Lead.stage.in_(("new", "working")), Lead.do_not_call.is_(False))
        .order_by(Lead.id)
        .limit(1)
    )
    assert lead_id is not None
    return lead_id


def standing_call(session: Session) -> tuple[int, int]:
    """A call that stands (not superseded) on an active lead: (call id, lead id)."""
    row = session.execute(
        select(Call.id, Call.lead_id)
        .join(Lead, Lead.id == Call.lead_id)
        .where(Call.superseded.is_(False), Lead.stage.in_(("new", "working")))
        .order_by(Call.id)
        .limit(1)
    ).one()
    return row.id, row.lead_id


def call(session: Session, **draft: Any) -> object:
    lead_id = active_lead(session)
    return log_call(session, team_lead(session), CallDraft(lead_id, "connected", T0, **draft), T0)


def correction(session: Session, **draft: Any) -> object:
    call_id, lead_id = standing_call(session)
    return correct_call(
        session, team_lead(session), call_id, CallDraft(lead_id, "connected", T0, **draft), T0
    )


def recycle(session: Session, note: str, reason: str = "timing") -> object:
    data = actions.RecycleInput(active_lead(session), reason, None, note)
    return actions.recycle(session, team_lead(session), data, T0)


def disqualify(session: Session, note: str) -> object:
    return actions.disqualify(
        session, team_lead(session), active_lead(session), "not_a_fit", note, T0
    )


def do_not_call(session: Session, note: str) -> object:
    return actions.mark_do_not_call(session, team_lead(session), active_lead(session), note, T0)


def new_user(
    session: Session, *, email: str = "new.rep@baton.example", name: str = "新人"
) -> object:
    admin = user_by_email(session, ADMIN).id
    return add_user(session, actor_id=admin, email=email, display_name=name, role="rep")


def touch(session: Session, **text: str) -> object:
    ordinary = NewTouch(active_lead(session), "whitepaper_download", T0 - timedelta(hours=1))
    odd = NewTouch(active_lead(session), "whitepaper_download", T0, **text)
    return add_touches(session, [ordinary, odd], T0)  # the second row is the odd one


# -- Every text field of every use case: (field, limit, multiline, action) ----------------
def _evidence(value: str) -> dict[str, BantAnswer]:
    return {"need": BantAnswer("explicit", value)}


TOUCH_TEXT = ("content_title", "campaign", "source_system", "external_id")
FIELDS: dict[str, tuple[str, int, bool, Callable[[Session, str], object]]] = {
    "call notes": ("notes", MAX_NOTES, True, lambda s, v: call(s, notes=v)),
    "call evidence": ("bant.need", MAX_EVIDENCE, True, lambda s, v: call(s, bant=_evidence(v))),
    "correction notes": ("notes", MAX_NOTES, True, lambda s, v: correction(s, notes=v)),
    "correction evidence": (
        "bant.need",
        MAX_EVIDENCE,
        True,
        lambda s, v: correction(s, bant=_evidence(v)),
    ),
    "recycle note": ("note", MAX_NOTES, True, recycle),
    "disqualify note": ("note", MAX_NOTES, True, disqualify),
    "do-not-call note": ("note", MAX_NOTES, True, do_not_call),
    "user email": (
        "email",
        User.email.type.length,
        False,
        lambda s, v: new_user(s, email=v + "@baton.example"),
    ),
    "user display name": (
        "name",
        User.display_name.type.length,
        False,
        lambda s, v: new_user(s, name=v),
    ),
    **{
        f"touch {name}": (
            name,
            getattr(Touch, name).type.length,
            False,
            lambda s, v, name=name: touch(s, **{name: v}),
        )
        for name in TOUCH_TEXT
    },
}


def _key(case: str, base: str) -> str:
    """Touches come in batches: their refusals say which row."""
    return base.replace("text.", "text.row.") if case.startswith("touch") else base


# -- Hostile characters are refused alike, naming the field and where the character is ----
@pytest.mark.parametrize("planted", sorted(PLANTED))
@pytest.mark.parametrize("case", sorted(FIELDS))
def test_unstorable_characters_are_refused_alike(
    shared_db: Database, case: str, planted: str
) -> None:
    field, _limit, _multiline, action = FIELDS[case]
    value, character = PLANTED[planted]
    error = refused_alike(shared_db, lambda session: action(session, value))
    assert error.key == _key(case, "text.bad_character")
    assert error.params["field"] == error.params["what"] == field
    assert (error.params["character"], error.params["position"]) == (character, 7)
    if case.startswith("touch"):
        assert error.params["row"] == 2
    assert character in str(error) and "position 7" in str(error)


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_text_longer_than_its_column_is_refused_alike(shared_db: Database, case: str) -> None:
    field, limit, _multiline, action = FIELDS[case]
    # The email gets "@baton.example" appended: one character over in all.
    over = "x" * (limit + 1 - (len("@baton.example") if field == "email" else 0))
    error = refused_alike(shared_db, lambda session: action(session, over))
    assert error.key == _key(case, "text.too_long")
    assert error.params["field"] == error.params["what"] == field
    assert (error.params["max"], error.params["length"]) == (limit, limit + 1)
    assert str(limit) in str(error)


@pytest.mark.parametrize(
    "case", sorted(c for c in FIELDS if not FIELDS[c][2])
)  # one-line text: names, titles, identifiers
@pytest.mark.parametrize("breaker", ["\n", "\t", "\r"])
def test_one_line_text_holds_no_line_break_or_tab(
    shared_db: Database, case: str, breaker: str
) -> None:
    field, _limit, _multiline, action = FIELDS[case]
    error = refused_alike(shared_db, lambda session: action(session, f"line{breaker}two"))
    assert error.key == _key(case, "text.bad_character")
    assert error.params["field"] == field
    assert error.params["position"] == 5


def test_the_lookup_of_an_unstorable_email_is_refused_alike(shared_db: Database) -> None:
    for value in ("a\x00@baton.example", "a\ud800@baton.example"):
        error = refused_alike(shared_db, lambda session, v=value: user_by_email(session, v))
        assert (error.key, error.params["field"]) == ("text.bad_character", "email")


def test_a_reason_code_with_hostile_text_is_refused_as_unknown(shared_db: Database) -> None:
    for value, _character in PLANTED.values():
        error = refused_alike(shared_db, lambda session, v=value: recycle(session, "", v))
        assert (error.key, error.params["field"]) == ("lead.reason_unknown", "reason")


# -- Team rules: only known rules are stored; their codes are checked -----------------------
@pytest.mark.parametrize(
    ("changes", "key", "field"),
    [
        ({"note\x00": "x"}, "team.setting_unknown", "note\x00"),
        ({"motto": "before\ud800after"}, "team.setting_unknown", "motto"),
        ({"business_hours": {"lunch": "12:00"}}, "team.setting_unknown", "business_hours"),
        ({"attempts": "many"}, "team.settings_malformed", "attempts"),
        ({"timezone": "Asia/Tokyo\x00"}, "team.timezone_unknown", "timezone"),
        ({"timezone": "Asia/\ud800"}, "team.timezone_unknown", "timezone"),
        ({"holiday_country": "J\x00P"}, "team.holidays_unknown", "holiday_country"),
        ({"business_hours": {"start": "09:00\x00"}}, "team.start_invalid", "business_hours.start"),
        ({"business_hours": {"end": "\ud800"}}, "team.end_invalid", "business_hours.end"),
    ],
)
def test_team_rules_with_hostile_text_are_refused_alike(
    shared_db: Database, changes: dict[str, Any], key: str, field: str
) -> None:
    def change(session: Session) -> object:
        team_id = list_teams(session)[0].id
        return update_settings(session, team_lead(session), team_id, changes, T0)

    error = refused_alike(shared_db, change)
    assert (error.key, error.params["field"]) == (key, field)


# -- What fits is stored as typed, markup included -----------------------------------------
def test_text_at_its_limit_and_markup_are_stored_as_typed(demo_db: Database) -> None:
    name_limit = column_limit(User.display_name)
    title_limit = column_limit(Touch.content_title)
    assert name_limit is not None and title_limit is not None
    longest_name = "名" * name_limit
    longest_title = "題" * title_limit
    with demo_db.write() as session:
        logged = call(
            session,
            notes=MARKUP + "\n\tsecond line\r\n" + "x" * (MAX_NOTES - len(MARKUP) - 15),
            bant=_evidence(MARKUP),
        )
        user = new_user(session, email="markup@baton.example", name=longest_name)
        add_touches(
            session,
            [
                NewTouch(
                    active_lead(session),
                    "seminar_registration",
                    T0,
                    content_title=longest_title,
                    campaign=MARKUP,
                    source_system="text-rules-test",
                    external_id="<id>",
                )
            ],
            T0,
        )
    assert logged is not None and user is not None
    with demo_db.read() as session:
        notes = session.scalar(select(Call.notes).order_by(Call.id.desc()).limit(1))
        assert notes is not None and notes.startswith(MARKUP + "\n\tsecond line\r\n")
        assert len(notes) == MAX_NOTES
        assert user_by_email(session, "markup@baton.example").display_name == longest_name
        stored = session.execute(
            select(Touch.content_title, Touch.campaign, Touch.external_id).where(
                Touch.source_system == "text-rules-test"
            )
        ).one()
        assert tuple(stored) == (longest_title, MARKUP, "<id>")


# -- The mechanism itself -----------------------------------------------------------------
def test_the_limit_is_read_from_the_column() -> None:
    assert column_limit(User.display_name) == User.__table__.c.display_name.type.length
    assert column_limit(Call.notes) is None  # Text: the domain says its limit
    with pytest.raises(TypeError):
        check_text("x", field="notes", column=Call.notes)
    check_text("x" * 200, field="name", column=User.display_name)
    with pytest.raises(InvalidInput) as info:
        check_text("x" * 201, field="name", column=User.display_name)
    assert info.value.params["max"] == 200


def test_every_control_character_but_tab_and_line_breaks_is_refused_in_free_text() -> None:
    allowed = {"\t", "\n", "\r"}
    for code in [*range(0x20), *range(0x7F, 0xA0), 0xD800, 0xDBFF, 0xDC00, 0xDFFF]:
        character = chr(code)
        if character in allowed:
            check_text(f"a{character}b", field="notes", limit=10, multiline=True)
            continue
        with pytest.raises(InvalidInput) as info:
            check_text(f"a{character}b", field="notes", limit=10, multiline=True)
        assert info.value.params["character"] == f"U+{code:04X}"
    # Ordinary text of every script, emoji and markup passes.
    check_text("株式会社テスト 🙂 <b>Ünïcödé</b> ﾊﾝｶｸ　全角", field="name", limit=100)


# -- Reading: a search with hostile text finds the same on both databases ------------------
@pytest.mark.parametrize("planted", sorted(PLANTED))
def test_a_search_with_unstorable_characters_reads_alike(shared_db: Database, planted: str) -> None:
    """Nothing stored holds them: the queue's search ignores them, on both databases."""
    value, _character = PLANTED[planted]
    with shared_db.read() as session:
        name = session.scalar(select(Lead.name).order_by(Lead.id).limit(1))
        assert name is not None
        plain = queue_ids(session, QueueQuery(stages=(), text=name))
        hostile = queue_ids(session, QueueQuery(stages=(), text=name + value[6]))
        nothing = queue_ids(session, QueueQuery(stages=(), text=value[6]))
        everyone = queue_ids(session, QueueQuery(stages=()))
    assert plain and hostile == plain
    assert nothing == everyone


def test_a_like_pattern_holds_only_storable_characters() -> None:
    assert text.like_pattern("田中\x00\ud800\x1f太郎\t") == "%田中太郎%"
    assert text.like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


def test_a_sort_key_fits_its_column_whatever_the_name_expands_to() -> None:
    # NFKC expands some characters (㌀ → アパート): a name that fits gives a key that fits.
    limits = [column_limit(c) for c in (Account.name, Account.sort_key, Lead.sort_key)]
    name_limit, *key_limits = (limit or 0 for limit in limits)
    key = text.sort_key("㌀" * name_limit)
    assert key.startswith("アパート") and len(key) == min(key_limits)
