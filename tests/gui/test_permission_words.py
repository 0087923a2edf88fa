"""Every permission of the role × action table in words, in English and Japanese, and a
real refusal naming the permission it lacked."""

from __future__ import annotations

from sqlalchemy import select

from desktop.i18n import labels
from desktop.i18n.messages import message
from models.core.entities import Lead, User
from models.core.errors import PermissionDenied
from models.db.database import Database
from models.leads.assignment import reassign
from models.teams.permissions import Action
from tests.gui.test_error_messages_ja import assert_japanese, japanese  # noqa: F401 - fixture
from tests.permission_world import NOW


def _rep_reassigning(db: Database) -> PermissionDenied:
    with db.read() as session:
        rep = session.scalars(select(User).where(User.role == "rep").order_by(User.id)).first()
        assert rep is not None
        lead = session.scalars(select(Lead.id).where(Lead.owner_id == rep.id).limit(1)).one()
        rep_id = rep.id
    try:
        with db.write() as session:
            reassign(session, rep_id, [lead], rep_id, "応援", NOW)
    except PermissionDenied as refused:
        return refused
    raise AssertionError("a rep reassigned a lead")


def test_every_permission_has_words() -> None:
    assert set(labels.PERMISSIONS) == {a.value for a in Action}
    assert labels.permission(Action.REASSIGN) == "reassign leads"


def test_a_refusal_names_the_permission_in_english(sqlite_demo_db: Database) -> None:
    refused = _rep_reassigning(sqlite_demo_db)
    assert refused.params["permission"] == "reassign"
    assert message(refused).endswith("may not reassign leads.")


def test_a_refusal_names_the_permission_in_japanese(
    japanese: None,  # noqa: F811 - the fixture imported above
    sqlite_demo_db: Database,
) -> None:
    for action in Action:
        assert labels.permission(action) != labels.PERMISSIONS[action.value], action
    text = assert_japanese(_rep_reassigning(sqlite_demo_db))
    assert "「リードの再割り当て」" in text
