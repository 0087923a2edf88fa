"""The KPI pictures of scripts/screenshots.py, as marketing reads the shared KPIs (Team → KPI
dashboard…) over the demo data's last 30 days:

* ``kpi-dashboard``: the top of the dashboard: the filters, the funnel with its drop-offs,
  初回接点後の商談化率 and the days to handoff, the activity tiles; definitions beside.
* ``kpi-trends``: further down: speed to lead, the response rate by industry, why leads
  went back.
* ``kpi-leads``: the leads behind the funnel's "reached" bar (a click on it).
* ``kpi-campaigns``: the "Campaigns & content" tab, what happened to what marketing sent.
"""

from __future__ import annotations

from datetime import datetime

from screenshot_helpers import save, wait, wait_until

from desktop.dashboards.menu import open_dashboard
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.db.database import Database
from models.teams.users import user_by_email

#: Every KPI picture, by its ``--only`` name.
PICTURES = ("kpi-dashboard", "kpi-trends", "kpi-leads", "kpi-campaigns")
MARKETING = "ai.nakamura@baton.example"


def pictures(
    db: Database, settings: Settings, only: str | None, suffix: str, now: datetime
) -> None:
    """Marketing's KPI pictures (``only``: one of them; None: all)."""
    with db.read() as session:
        user = user_by_email(session, MARKETING)
    main = MainWindow(DbWorker(db), user, settings)
    main.show()
    wait_until(lambda: main.model.rowCount() > 0 and main.worker.idle())
    window = open_dashboard(main.ops, user, main, main.lead_pane.show_lead, clock=lambda: now)
    wait_until(lambda: window.board is not None and window.options is not None, 60_000)
    wait(400)
    if only in (None, "kpi-dashboard"):
        save(window, f"kpi-dashboard-{suffix}.png")
    if only in (None, "kpi-trends"):
        window.activity.tabs.setCurrentWidget(window.activity.per_rep)
        scroll = window.scroll.verticalScrollBar()
        scroll.setValue(window.speed.y() - 8)
        wait(300)
        save(window, f"kpi-trends-{suffix}.png")
        scroll.setValue(0)
    if only in (None, "kpi-leads"):
        window.funnel.on_chart_clicked(2)  # the "reached" bar
        dialog = window.leads_dialog
        assert dialog is not None
        wait_until(lambda: dialog.behind is not None, 30_000)
        wait(300)
        save(dialog, f"kpi-leads-{suffix}.png")
        dialog.close()
    if only in (None, "kpi-campaigns"):
        window.tabs.setCurrentWidget(window.campaigns)
        wait_until(lambda: window.report is not None and window.worker_idle(), 60_000)
        wait(300)
        save(window, f"kpi-campaigns-{suffix}.png")
    window.close()
    main.close()
    main.worker.stop()
