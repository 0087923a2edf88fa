"""Open the real main window in its own process on a given screen and report what a rep
sees, as JSON: ``python -m tests.gui.window_probe SCREEN.json DATABASE.sqlite3 SETTINGS``.

The offscreen platform's screen is chosen when Qt starts, once per process: a laptop
screen is tested in a process of its own.
"""

from __future__ import annotations

import json
import os
import sys


def main(screen: str, database: str, settings_file: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from desktop.main.app import application
    from desktop.main.settings import Settings
    from desktop.main.window import MainWindow
    from desktop.operations.worker import DbWorker
    from desktop.queue.model import (
        COL_COMPANY,
        COL_NAME,
        COL_SCORE,
        COL_SLA,
        COL_WHY_NOW,
    )
    from models.db.database import open_database
    from models.teams.users import user_by_email

    app = application("ja")
    db = open_database(f"sqlite:///{database}", upgrade=False)
    with db.read() as session:
        user = user_by_email(session, "misaki.sato@baton.example")
    settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
    worker = DbWorker(db)
    window = MainWindow(worker, user, settings)
    window.show()
    loop = QEventLoop()
    waited = 0
    while (window.lead_pane.detail is None or not worker.idle()) and waited < 15_000:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    screen_rect = app.primaryScreen().availableGeometry()
    frame = window.frameGeometry()
    status = window.statusBar()
    status_bottom = status.mapTo(window, status.rect().bottomRight()).y() + window.y()
    header = window.table.horizontalHeader()
    viewport = window.table.viewport().width()
    wanted = {"name": COL_NAME, "company": COL_COMPANY, "score": COL_SCORE}
    wanted |= {"why_now": COL_WHY_NOW, "first_call": COL_SLA}
    hidden = [
        name
        for name, column in wanted.items()
        if header.sectionViewportPosition(column) + header.sectionSize(column) > viewport
    ]
    timeline = window.lead_pane.timeline
    first = timeline.model().index(0, 0)
    row_height = max(timeline.rowHeight(first), 1)
    report = {
        "screen": [screen_rect.width(), screen_rect.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "window_inside_screen": screen_rect.contains(frame),
        "status_bar_visible": status.isVisible() and status_bottom <= screen_rect.bottom() + 1,
        "columns_cut": hidden,
        "timeline_rows": timeline.viewport().height() // row_height,
    }
    shot = os.environ.get("BATON_PROBE_SHOT")
    if shot:
        window.grab().save(shot)
    window.close()
    worker.stop()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
