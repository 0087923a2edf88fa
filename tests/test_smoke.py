from models.db.database import Database
from models.leads.queue import ANY_OWNER, QueueQuery, queue_page


def test_demo_queue_is_ordered_by_priority(demo_db: Database) -> None:
    with demo_db.read() as session:
        rows = queue_page(session, QueueQuery(owner=ANY_OWNER), limit=20)
    assert len(rows) == 20
    priorities = [r.priority for r in rows]
    assert priorities == sorted(priorities, reverse=True)
