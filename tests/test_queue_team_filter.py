"""The team scope narrows the queue's other filters, never widens them: a lead not routed
to a team yet is in every team's scope, but only where it also matches the stage, owner
and the other filters (PostgreSQL once read ``… AND team_id = :t OR team_id IS NULL``:
every unrouted lead in every rep's "my leads", whatever its stage)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.db.database import Database
from models.leads.queue import ANY_OWNER, QueueQuery, queue_ids, queue_page
from tests.permission_world import World, build


@pytest.fixture
def world(db: Database) -> World:
    return build(db)


def test_the_team_scope_keeps_the_other_filters(db: Database, world: World) -> None:
    scoped = QueueQuery(team=world.team_a)
    rep = world.users["rep"]
    with db.read() as session:
        active = queue_ids(session, replace(scoped, owner=ANY_OWNER))
        mine = queue_ids(session, replace(scoped, owner=rep))
        page = [r.id for r in queue_page(session, replace(scoped, owner=rep), limit=100)]
        promoted = queue_ids(session, replace(scoped, stages=("promoted",)))
    assert set(active) == {world.a.unassigned, world.a.owned, world.unrouted}
    assert mine == page == [world.a.owned]
    assert promoted == [world.a.promoted]
