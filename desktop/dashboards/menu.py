"""Team → KPI dashboard…: for the roles that read reports (team leads, marketing,
administrators: :data:`Action.READ_REPORTS`); hidden for the others (reps, field reps).
The domain refuses them as well.

The dashboard's module is imported when it first opens: it loads pyqtgraph, which takes
about a second, a cost the app's start (and every rep) does not pay.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.operations.runner import Operations
from models.teams.permissions import Action, allowed
from models.teams.users import UserInfo

if TYPE_CHECKING:
    from desktop.dashboards.dashboard_window import DashboardWindow


def bind_dashboard(
    action: QAction,
    ops: Operations,
    user: UserInfo,
    parent: QWidget,
    show_lead: Callable[[int], None] | None = None,
) -> None:
    """Show and connect the menu entry when ``user``'s role reads reports; ``show_lead``
    opens a lead of a bar's list in the main window."""
    may = allowed(user.role, Action.READ_REPORTS)
    action.setEnabled(may)
    action.setVisible(may)
    action.triggered.connect(lambda: open_dashboard(ops, user, parent, show_lead))


def open_dashboard(
    ops: Operations,
    user: UserInfo,
    parent: QWidget,
    show_lead: Callable[[int], None] | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> DashboardWindow:
    """Show the dashboard over ``parent`` (the one window, raised if already open); its
    named periods end today by ``clock`` (default: now)."""
    from desktop.dashboards.dashboard_window import DashboardWindow  # noqa: PLC0415 - see above

    for existing in parent.findChildren(DashboardWindow):
        if existing.isVisible():
            existing.activateWindow()  # (window managers raise the window they activate)
            return existing
    window = DashboardWindow(ops, user, parent, **({"clock": clock} if clock else {}))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if show_lead is not None:

        def show(lead_id: int) -> None:
            show_lead(lead_id)
            parent.activateWindow()

        window.lead_requested.connect(show)
    window.show()
    return window
