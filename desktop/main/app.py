"""Starting the desktop app: language, database, demo data, current user, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

import resources
from desktop.dialogs.user_picker import FirstAdminDialog, UserPicker
from desktop.i18n import languages as i18n
from desktop.i18n import messages as errors
from desktop.main.main_windows import MainWindows
from desktop.main.settings import Settings
from desktop.main.sign_in import open_signed_in
from desktop.operations import logs
from desktop.operations.worker import DbWorker, Task
from desktop.widgets.message_boxes import tell
from models.core.errors import BatonError, NotFound, PermissionDenied
from models.db.database import Database
from models.teams.identity import signed_in_user, team_mode
from models.teams.users import UserInfo, has_users, list_users, user_by_email

DEMO_LEADS = 5_000

#: Fills an empty database with demo data: (db, leads, progress(done, total), cancelled()).
#: The CLI's demo command gives it (desktop.cli.demo.fill): the app never imports
#: models.demo itself.
DemoGenerate = Callable[[Database, int, Callable[[int, int], None], Callable[[], bool]], object]


@dataclass(frozen=True)
class StartOptions:
    url: str
    language: str | None = None
    demo: bool = False
    demo_leads: int = DEMO_LEADS
    #: With ``demo``: what fills the demo database on first use.
    demo_generate: DemoGenerate | None = None
    user_email: str | None = None


def application(language: str | None = None) -> QApplication:
    """The QApplication, created once, with Baton's translations and stylesheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Baton")
    app.setOrganizationName("Baton")
    if not hasattr(app, "_baton_translators"):
        app._baton_translators = i18n.install(app, i18n.choose(language))  # type: ignore[attr-defined]
        style = resources.path("style.qss")
        if style.exists():
            app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def fill_demo(db: Database, leads: int, generate: DemoGenerate) -> bool:
    """Generate demo data with a progress dialog; False if cancelled or failed.

    Waits in a local event loop until the task itself reports: the data is committed in
    one transaction, so the answer is exactly what the database holds.
    """
    dialog = QProgressDialog(
        QCoreApplication.translate("App", "Creating demo data…"),
        QCoreApplication.translate("App", "Cancel"),
        0,
        leads,
    )
    dialog.setWindowTitle("Baton")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    task = Task(lambda progress, cancelled: generate(db, leads, progress, cancelled))
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    task.signals.progress.connect(lambda done, _total: dialog.setValue(done))

    def finish(key: str, value: object) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    task.signals.finished.connect(lambda result: finish("ok", result))
    task.signals.failed.connect(lambda exc: finish("error", exc))
    dialog.canceled.connect(task.cancel)
    dialog.show()
    task.start()
    loop.exec()
    dialog.close()
    error = outcome.get("error")
    if isinstance(error, BaseException) and not isinstance(error, InterruptedError):
        tell(None, errors.message(error))
    return "ok" in outcome


def choose_user(db: Database, settings: Settings, email: str | None) -> UserInfo | None:
    with db.read() as session:
        if team_mode(session):  # the server's login is who you are: nobody picks a name
            return signed_in_user(session)
        if email:
            return user_by_email(session, email)
        users = list_users(session)
        empty = not has_users(session)
    if empty:  # a new database: its first user is an administrator, signed in at once
        first = FirstAdminDialog(db)
        if first.exec() != FirstAdminDialog.DialogCode.Accepted or first.created is None:
            return None
        settings.set_current_user(db.display_url, first.created.id)
        return first.created
    if not users:
        tell(
            None,
            QCoreApplication.translate(
                "App",
                "This database has no users yet. Add one with “baton user add”, "
                "or open the demo with “baton --demo”.",
            ),
            QMessageBox.Icon.Information,
        )
        return None
    remembered = settings.current_user(db.display_url)
    for user in users:
        if user.id == remembered:
            return user
    picker = UserPicker(users)
    if picker.exec() != UserPicker.DialogCode.Accepted:
        return None
    user = picker.selected()
    settings.set_current_user(db.display_url, user.id)
    return user


def run(options: StartOptions) -> int:
    """Open the app; returns the process exit code."""
    logs.configure()
    settings = Settings()
    # --lang for this run, else the language chosen in the app, else the system's.
    app = application(options.language or settings.language)
    try:
        signed_in = open_signed_in(options.url)
    except BatonError as exc:
        tell(None, errors.message(exc))
        return 2
    if signed_in is None:
        return 1
    db = signed_in
    try:
        if options.demo and options.demo_generate is not None:
            with db.read() as session:
                empty = not list_users(session)
            if empty and not fill_demo(db, options.demo_leads, options.demo_generate):
                return 1
        try:
            user = choose_user(db, settings, options.user_email)
        except (NotFound, PermissionDenied) as exc:
            tell(None, errors.message(exc))
            return 2
        if user is None:
            return 1
        worker = DbWorker(db)
        MainWindows(app, worker, user, settings).open()  # again in a new language on a switch
        code = app.exec()
        worker.stop()
        return code
    finally:
        db.close()
