"""The window's menus and keyboard shortcuts, as actions the window connects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.lead.work_panel import CALL_SHORTCUT

NEXT_LEAD_SHORTCUT = "Ctrl+J"
PROMOTE_SHORTCUT = "Ctrl+Shift+P"
HANDOFFS_SHORTCUT = "Ctrl+Shift+H"


@dataclass(frozen=True)
class MainActions:
    rescore: QAction
    quit: QAction
    log_call: QAction
    recycle: QAction
    disqualify: QAction
    next_lead: QAction
    find: QAction
    refresh: QAction
    team_rules: QAction
    promote: QAction
    #: Field sales' handoffs (the inbox).
    handoffs: QAction
    #: The handoff definition's versions, editor and approvals.
    definition: QAction
    #: Give the selected leads to another rep.
    reassign: QAction
    #: The team's workload, distributing and rebalancing leads.
    workload: QAction
    #: The shared KPIs and the campaign report (desktop/dashboards/).
    kpi: QAction
    #: A marketing tool's export of leads, or of engagements (desktop/imports/).
    import_leads: QAction
    import_touches: QAction
    #: Japanese, English or the system's language (``data()``: "ja", "en" or "").
    language: QActionGroup


#: The language menu reads the same in every language: a user lost in one finds it.
LANGUAGE_MENU = "&Language / 言語"
#: Each language by its own name; "" follows the system.
LANGUAGE_CHOICES = (("ja", "日本語"), ("en", "English"))


def build_menus(window: QMainWindow) -> MainActions:
    """Fill the window's menu bar; every shortcut also works when the menu is closed."""
    actions = MainActions(
        rescore=QAction(QCoreApplication.translate("MainWindow", "&Rescore all leads"), window),
        quit=QAction(QCoreApplication.translate("MainWindow", "&Quit"), window),
        log_call=QAction(QCoreApplication.translate("MainWindow", "&Log call…"), window),
        recycle=QAction(QCoreApplication.translate("MainWindow", "&Return to nurture…"), window),
        disqualify=QAction(QCoreApplication.translate("MainWindow", "&Disqualify…"), window),
        next_lead=QAction(
            QCoreApplication.translate("MainWindow", "&Next lead (top of the queue)"), window
        ),
        find=QAction(QCoreApplication.translate("MainWindow", "&Find lead"), window),
        refresh=QAction(QCoreApplication.translate("MainWindow", "&Refresh"), window),
        team_rules=QAction(QCoreApplication.translate("MainWindow", "&Team rules…"), window),
        promote=QAction(
            QCoreApplication.translate("MainWindow", "&Promote to field sales…"), window
        ),
        handoffs=QAction(QCoreApplication.translate("MainWindow", "&Handoffs"), window),
        definition=QAction(
            QCoreApplication.translate("MainWindow", "Handoff &definition…"), window
        ),
        reassign=QAction(QCoreApplication.translate("MainWindow", "Re&assign…"), window),
        workload=QAction(QCoreApplication.translate("MainWindow", "&Workload…"), window),
        kpi=QAction(QCoreApplication.translate("MainWindow", "&KPI dashboard…"), window),
        import_leads=QAction(QCoreApplication.translate("MainWindow", "&Import leads…"), window),
        import_touches=QAction(
            QCoreApplication.translate("MainWindow", "Import &engagements…"), window
        ),
        language=QActionGroup(window),
    )
    actions.quit.setShortcut(QKeySequence.StandardKey.Quit)
    actions.log_call.setShortcut(QKeySequence(CALL_SHORTCUT))
    actions.next_lead.setShortcut(QKeySequence(NEXT_LEAD_SHORTCUT))
    actions.find.setShortcut(QKeySequence.StandardKey.Find)
    actions.refresh.setShortcut(QKeySequence.StandardKey.Refresh)
    actions.promote.setShortcut(QKeySequence(PROMOTE_SHORTCUT))
    actions.handoffs.setShortcut(QKeySequence(HANDOFFS_SHORTCUT))

    menu = window.menuBar()
    file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(actions.import_leads)
    file_menu.addAction(actions.import_touches)
    file_menu.addSeparator()
    file_menu.addAction(actions.team_rules)
    file_menu.addAction(actions.definition)
    file_menu.addAction(actions.rescore)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    lead_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Lead"))
    lead_menu.setToolTipsVisible(True)  # a disabled action says why
    for action in (actions.log_call, actions.recycle, actions.disqualify, actions.promote):
        lead_menu.addAction(action)
    lead_menu.addSeparator()
    lead_menu.addAction(actions.reassign)
    go_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    for action in (actions.next_lead, actions.find, actions.refresh, actions.handoffs):
        go_menu.addAction(action)
    team_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Team"))
    team_menu.setToolTipsVisible(True)
    team_menu.addAction(actions.workload)
    team_menu.addAction(actions.kpi)
    language_menu = menu.addMenu(LANGUAGE_MENU)
    for code, name in (
        *LANGUAGE_CHOICES,
        ("", QCoreApplication.translate("MainWindow", "System setting")),
    ):
        action = language_menu.addAction(name)
        action.setCheckable(True)
        action.setData(code)
        actions.language.addAction(action)
    for action in (
        actions.log_call,
        actions.next_lead,
        actions.find,
        actions.refresh,
        actions.promote,
        actions.handoffs,
    ):
        window.addAction(action)
    window.addAction(actions.quit)
    return actions
