"""The shared KPIs in the desktop app: Team → KPI dashboard… (:mod:`.menu`) opens
:class:`~desktop.dashboards.dashboard_window.DashboardWindow`: filters, sections of numbers
with their charts (:mod:`.charts`, pyqtgraph) and definitions, the leads behind a bar of
the funnel, the campaign report, CSV/PNG (and web page) exports. Reads run on the app's
worker (:mod:`.loading`)."""
