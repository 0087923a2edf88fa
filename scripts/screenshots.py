"""Regenerate the README screenshots from the real windows with the demo data.

    python scripts/screenshots.py            # every size and language: docs/screenshots/*.png
    python scripts/screenshots.py --size 1366x768 --lang ja    # one of them
    python scripts/screenshots.py --only definition            # one window, every size
    python scripts/screenshots.py --only handoff   # checklist, promote dialog, handoffs
    python scripts/screenshots.py --only team      # sign-in, workload, reassign, on the phone
    python scripts/screenshots.py --only workload  # one of them (scripts/team_screenshots.py)
    python scripts/screenshots.py --only import    # import-mapping, import-result
    python scripts/screenshots.py --only kpi       # kpi-dashboard, -trends, -leads, -campaigns
    python scripts/screenshots.py --only kpi-campaigns   # one of them (scripts/kpi_screenshots.py)
    python scripts/screenshots.py --out /tmp/shots  # elsewhere: try the script, keep the README's

The queue, the call dialog, the team-rules dialog, the handoff definition's editor, the
lead pane's handoff checklist, the promote dialog and the Handoffs window, and team mode's
sign-in dialog, Workload window, Reassign dialog and who is on the phone in the queue, and
marketing's import (the columns mapped with the preview, the result), and the KPI
dashboard (its top, further down, the leads behind a bar, the campaign report), on
a 1366×768 laptop screen and a 1920×1080 one (tests/screens/*.json: the offscreen
platform's screen, chosen when Qt starts, so each size runs in a process of its own), in
Japanese and English. The window opens as a rep's first start opens it: fitted to the
screen.

Runs offscreen (no display needed); needs a Japanese font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEAM_PICTURES = ("sign-in", "workload", "reassign", "on-the-phone")
IMPORT_PICTURES = ("import-mapping", "import-result")
KPI_PICTURES = ("kpi-dashboard", "kpi-trends", "kpi-leads", "kpi-campaigns")
SIZES = ("1366x768", "1920x1080")
LANGUAGES = ("ja", "en")
_parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
_parser.add_argument("--size", choices=SIZES)
_parser.add_argument("--lang", choices=LANGUAGES)
_parser.add_argument(
    "--only",
    choices=(
        "definition",
        "handoff",
        "team",
        *TEAM_PICTURES,
        "import",
        *IMPORT_PICTURES,
        "kpi",
        *KPI_PICTURES,
    ),
    help="only this window's pictures (team: every team-mode one; import, kpi: all of theirs)",
)
_parser.add_argument("--out", type=Path, help="the folder to write to (docs/screenshots)")
ARGS = (
    _parser.parse_args()
    if __name__ == "__main__"
    else argparse.Namespace(size=None, lang=None, only=None, out=None)
)
if ARGS.size:
    _screen = ROOT / "tests" / "screens" / f"{ARGS.size}.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshot_helpers
from import_screenshots import PICTURES as IMPORTS
from import_screenshots import pictures as import_pictures
from kpi_screenshots import PICTURES as KPIS
from kpi_screenshots import pictures as kpi_pictures
from PySide6.QtCore import QSettings
from screenshot_helpers import save, wait, wait_until
from team_screenshots import PICTURES, pictures, sign_in

from desktop.definition.criteria_model import KindRole
from desktop.definition.definitions_window import DefinitionsWindow
from desktop.definition.opening import fit_to_screen
from desktop.dialogs.team_rules_dialog import open_team_rules
from desktop.handoff.inbox_view import open_handoffs
from desktop.main.app import application
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models import demo
from models.core.entities import Lead
from models.db import database
from models.db.database import Database, open_database
from models.definitions import lifecycle
from models.handoff.checklist import checklist
from models.teams.users import user_by_email

assert PICTURES == TEAM_PICTURES  # the choices are parsed before the module can load
assert IMPORTS == IMPORT_PICTURES
assert KPIS == KPI_PICTURES
if ARGS.out:
    screenshot_helpers.OUT = ARGS.out.resolve()
REP = "misaki.sato@baton.example"
TEAM_LEAD = "naoki.tanaka@baton.example"
NOW = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


def team_rules(window: MainWindow, db: Database, suffix: str) -> None:
    """The team lead's File → Team rules…, with an hour that is not one refused under it."""
    with db.read() as session:
        lead = user_by_email(session, TEAM_LEAD)
    dialog = open_team_rules(window.ops, lead, window)
    wait_until(lambda: dialog.team is not None)
    dialog.end.setText("25:00")
    dialog.save()
    wait_until(dialog.error.isVisible)
    wait(200)
    save(dialog, f"team-rules-{suffix}.png")
    dialog.done(0)


def definition(window: MainWindow, db: Database, suffix: str) -> None:
    """The team lead's File → Handoff definition…: a draft being edited in the form (the
    score raised, a touches criterion added) with the what-if of the unsaved edits."""
    with db.write() as session:
        lead = user_by_email(session, TEAM_LEAD)
        drafted = lifecycle.create_draft(
            session, lead.id, name="2027年上期 引き渡し基準（案）", now=NOW
        ).version.version
    editor = DefinitionsWindow(window.ops, lead, window, clock=lambda: NOW)
    fit_to_screen(editor, window)
    editor.show()
    wait_until(lambda: editor.detail is not None)
    editor.reload(drafted)
    wait_until(lambda: editor.detail is not None and editor.detail.version == drafted)
    criteria = editor.editor.criteria
    editor.editor.tabs.setCurrentWidget(criteria)
    model = criteria.model
    top = model.top()
    for row in range(model.rowCount(top)):
        if model.index(row, 0, top).data(KindRole) == "score_at_least":
            criteria.select(model.index(row, 0, top))
            criteria.form.score.setValue(60)
    criteria.add("touches")
    criteria.form.within_days.setValue(14)
    criteria.form.touch_kinds.tick("pricing_page")
    editor.whatif.compute_now()
    wait_until(lambda: editor.whatif.result is not None and worker_idle(window))
    wait(300)
    save(editor, f"definition-{suffix}.png")
    editor.dirty = False  # the picture's edits are dropped: closing would ask about them
    editor.close()


def ready_lead(db: Database, owner: int) -> Lead:
    """The rep's lead with a booked meeting that meets the definition now (the pane checks
    it at the real clock, not the demo's)."""
    from sqlalchemy import select  # noqa: PLC0415 - the script's own query

    now = datetime.now(UTC)
    with db.read() as session:
        leads = session.scalars(
            select(Lead)
            .where(Lead.owner_id == owner, Lead.next_meeting_at.is_not(None))
            .where(Lead.stage == "working")
            .order_by(Lead.score.desc())
        ).all()
        for lead in leads:
            if checklist(session, lead.id, now).qualified:
                session.expunge(lead)
                return lead
    raise SystemExit("no lead of the rep meets the definition now: regenerate the demo")


def handoff(window: MainWindow, db: Database, suffix: str) -> None:
    """A lead ready to hand off: the pane's checklist tab, the promote dialog (the routing
    suggestion, a note to the field rep); then the team lead's Handoffs window."""
    lead = ready_lead(db, window.user.id)
    filters = window.filters
    filters.stage.setCurrentIndex(filters.stage.findData("all"))
    filters.search.setText(lead.email or lead.name)
    wait_until(lambda: window.model.row_of(lead.id) is not None and worker_idle(window))
    row = window.model.row_of(lead.id)
    assert row is not None
    window.table.select_row(row)
    pane = window.lead_pane
    wait_until(lambda: pane.view is not None and pane.view.detail.id == lead.id)
    pane.tabs.setCurrentWidget(pane.checklist)
    wait(300)
    save(window, f"checklist-{suffix}.png")
    window.promotion.on_promote_requested()
    dialog = window.promotion.dialog
    assert dialog is not None
    wait_until(lambda: dialog.field_rep.count() > 0 and worker_idle(window))
    dialog.note.setPlainText(
        "決裁者の部長が同席予定。現行はExcel管理で、見積業務の属人化が課題。\n"
        "A社クラウドと比較中のため、導入事例を持参してください。"
    )
    wait(200)
    save(dialog, f"promote-{suffix}.png")
    dialog.done(0)
    with db.read() as session:
        lead_user = user_by_email(session, TEAM_LEAD)
    view = open_handoffs(window.ops, lead_user, window)
    wait_until(lambda: view.model.rowCount() > 0 and worker_idle(window))
    view.table.selectRow(0)
    wait(300)
    save(view, f"handoffs-{suffix}.png")
    view.close()


def worker_idle(window: MainWindow) -> bool:
    return bool(window.worker.idle())


def busy_banner(window: MainWindow, db: Database, path: Path) -> None:
    """Another program holds the write lock: the minute tick's write waits, fails, and the
    one banner says so (really: a real lock on the real file), then clears."""
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    database.BUSY_TIMEOUT_MS = 100
    db.engine.dispose()
    window.follow_ups.on_tick_timer_timeout()
    wait_until(window.banner.isVisible)
    wait(200)
    save(window, "banner-busy-ja.png")
    blocker.rollback()
    blocker.close()


def every_picture() -> int:
    """Each size and language in a process of its own (the screen is chosen at start)."""
    failed = 0
    for size in SIZES:
        for lang in LANGUAGES:
            command = [sys.executable, __file__, "--size", size, "--lang", lang]
            if ARGS.only:
                command += ["--only", ARGS.only]
            if ARGS.out:
                command += ["--out", str(ARGS.out)]
            failed += subprocess.run(command, cwd=ROOT, check=False).returncode != 0
    return 1 if failed else 0


def main() -> int:
    if ARGS.size is None or ARGS.lang is None:
        return every_picture()
    suffix = f"{ARGS.lang}-{ARGS.size}"
    # The pictures show what a rep in Tokyo sees: local times in Japan's time zone.
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application(ARGS.lang)
    if ARGS.only in ("team", "sign-in"):
        sign_in(suffix)
        if ARGS.only == "sign-in":
            app.quit()
            return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}")
        demo.generate(db, leads=2_000, seed=1, now=NOW)
        with db.read() as session:
            user = user_by_email(session, REP)
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        if ARGS.only in ("team", *TEAM_PICTURES):
            pictures(db, settings, None if ARGS.only == "team" else ARGS.only, suffix)
            db.close()
            app.quit()
            return 0
        if ARGS.only in ("import", *IMPORT_PICTURES):
            import_pictures(db, settings, None if ARGS.only == "import" else ARGS.only, suffix)
            db.close()
            app.quit()
            return 0
        if ARGS.only in ("kpi", *KPI_PICTURES):
            kpi_pictures(db, settings, None if ARGS.only == "kpi" else ARGS.only, suffix, NOW)
            db.close()
            app.quit()
            return 0
        worker = DbWorker(db)
        window = MainWindow(worker, user, settings)
        window.show()  # a first start: fitted to the screen
        wait_until(lambda: window.lead_pane.detail is not None and worker.idle())
        wait(300)
        if ARGS.only in ("definition", "handoff"):
            (definition if ARGS.only == "definition" else handoff)(window, db, suffix)
            window.close()
            worker.stop()
            db.close()
            app.quit()
            return 0
        save(window, f"queue-{suffix}.png")
        window.lead_actions.on_log_call_triggered()
        dialog = window.call_dialog
        assert dialog is not None
        wait(300)
        dialog.outcomes.button(0).click()
        dialog.notes.setPlainText(
            "情報システム部の部長と話せた。現行の架電管理はExcel。\n"
            "来年4月の更新までに比較検討したいとのこと。資料を再送する。"
        )
        dialog.bant_values["budget"].setCurrentIndex(
            dialog.bant_values["budget"].findData("planned")
        )
        dialog.bant_evidence["budget"].setText("「下期の予算で計上する予定です」")
        dialog.bant_values["timeline"].setCurrentIndex(
            dialog.bant_values["timeline"].findData("within_6m")
        )
        dialog.bant_evidence["timeline"].setText("「4月の更新までに決めたい」")
        dialog.temperature.setCurrentIndex(dialog.temperature.findData("warm"))
        dialog.next_step.setCurrentIndex(dialog.next_step.findData("callback"))
        wait(200)
        save(dialog, f"call-dialog-{suffix}.png")
        dialog.done(0)
        team_rules(window, db, suffix)
        definition(window, db, suffix)
        handoff(window, db, suffix)
        sign_in(suffix)
        pictures(db, settings, None, suffix)
        import_pictures(db, settings, None, suffix)
        kpi_pictures(db, settings, None, suffix, NOW)
        if suffix == "ja-1920x1080":
            busy_banner(window, db, Path(tmp) / "demo.sqlite3")
        window.close()
        worker.stop()
        db.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
