"""The dashboard's campaign filter on the demo data (both databases), against figures
counted here in Python from the rows themselves; and the id sets it is built on.

The campaign's leads are read once per dashboard (a scan of the touches) and handed to
each statement as one parameter (models.db.id_sets), so a campaign of any size works.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from models.core.entities import Call, Lead, Touch
from models.db.database import Database
from models.db.id_sets import among
from models.reporting import KpiFilter, Period, dashboard
from models.reporting.filters import campaign_leads, window
from tests.conftest import NOW

PERIOD = Period(date(2026, 8, 23), NOW.date())


def _campaigns(db: Database) -> list[str]:
    """The demo's campaigns, the biggest first."""
    with db.read() as session:
        rows = session.execute(
            select(Touch.campaign, func.count())
            .where(Touch.campaign.is_not(None))
            .group_by(Touch.campaign)
            .order_by(func.count().desc(), Touch.campaign)
        ).all()
    return [str(campaign) for campaign, _n in rows]


def test_the_campaign_filter_keeps_exactly_the_campaigns_leads(demo_db: Database) -> None:
    campaigns = _campaigns(demo_db)
    assert len(campaigns) >= 3
    with demo_db.read() as session:
        span = window(session, KpiFilter(PERIOD))
        touches = session.execute(select(Touch.lead_id, Touch.campaign)).all()
        mqls = session.execute(select(Lead.id, Lead.mql_at)).all()
        calls = session.execute(
            select(Call.lead_id, Call.user_id, Call.started_at).where(Call.superseded.is_(False))
        ).all()
    for campaign in (campaigns[0], campaigns[len(campaigns) // 2], campaigns[-1]):
        leads = {lead for lead, c in touches if c == campaign}
        with demo_db.read() as session:
            shown = dashboard(session, None, KpiFilter(PERIOD, campaign=campaign))
            assert campaign_leads(session, campaign) == leads
        new = [lead for lead, at in mqls if lead in leads and span.start <= at < span.end]
        called = Counter(
            user for lead, user, at in calls if lead in leads and span.start <= at < span.end
        )
        assert 0 < shown.funnel.steps[0].leads == len(new), campaign
        assert shown.activity.total.calls == called.total(), campaign
        assert {r.user_id: r.figures.calls for r in shown.activity.reps if r.figures.calls} == (
            dict(called)
        ), campaign


@pytest.mark.parametrize("count", [0, 1, 40_000])
def test_an_id_set_of_any_size_is_one_parameter(demo_db: Database, count: int) -> None:
    """Past SQLite's 32,766 parameters (and PostgreSQL's 65,535 for two such sets)."""
    ids = set(range(1, 2 * count, 2))  # the first ``count`` odd numbers
    with demo_db.read() as session:
        every = set(session.scalars(select(Lead.id)))
        found = set(session.scalars(select(Lead.id).where(among(session, Lead.id, ids))))
        twice = session.scalar(
            select(func.count()).where(
                among(session, Lead.id, ids), among(session, Lead.id + 0, ids)
            )
        )
    assert found == every & ids and twice == len(found)
    assert bool(found) == bool(count)


def test_the_dashboards_statements_are_planned_for_their_own_values(demo_db: Database) -> None:
    """PostgreSQL: the driver prepares a statement run five times and the server may then
    plan it once for any values; a campaign's leads (an array of unknown length) made
    such a plan 16 times slower at 100,000 leads. A dashboard's transaction plans each."""
    if demo_db.dialect != "postgresql":
        pytest.skip("SQLite plans every statement for its values")
    kpi = KpiFilter(PERIOD, campaign=_campaigns(demo_db)[0])
    with demo_db.read() as session:
        before = session.scalar(select(func.current_setting("plan_cache_mode")))
        for _ in range(12):  # past the driver's threshold and the server's five custom plans
            shown = dashboard(session, None, kpi)
        after = session.scalar(select(func.current_setting("plan_cache_mode")))
    assert (before, after) == ("auto", "force_custom_plan")
    with demo_db.read() as session:  # for the dashboard's transaction only
        assert session.scalar(select(func.current_setting("plan_cache_mode"))) == "auto"
        assert dashboard(session, None, kpi) == shown
