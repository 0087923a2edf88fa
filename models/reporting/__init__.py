"""The shared KPIs and the reports of what happened to what marketing sent.

The public API (everything else is the modules' own business):

- :func:`dashboard` — every figure of the KPI dashboard for a :class:`KpiFilter`, as the
  viewer may read it; :func:`leads_behind` — the leads behind a bar of the funnel.
- :func:`campaign_report` — per campaign and per content asset; :func:`campaign_csv`,
  :func:`campaign_html` — its exports.
- :func:`named_period`, :class:`Period`, :class:`KpiFilter` — what a report is about.
- :mod:`models.reporting.definitions` — the definition of each number.
"""

from models.reporting.campaign_export import campaign_csv, campaign_html
from models.reporting.campaigns import CampaignReport, campaign_report
from models.reporting.dashboard import Dashboard, dashboard, leads_behind
from models.reporting.filters import KpiFilter, NamedPeriod, Period, named_period
from models.reporting.funnel import FunnelStage, LeadsBehind

__all__ = [
    "CampaignReport",
    "Dashboard",
    "FunnelStage",
    "KpiFilter",
    "LeadsBehind",
    "NamedPeriod",
    "Period",
    "campaign_csv",
    "campaign_html",
    "campaign_report",
    "dashboard",
    "leads_behind",
    "named_period",
]
