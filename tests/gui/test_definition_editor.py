"""File → Handoff definition…: a team lead drafts a version through the form (the score
spun from 50 to 60, a touches criterion added), saves it, reads the what-if of the edits
and proposes it; marketing approves, the team lead approves, the version takes effect; a
rep reads it in words and may change nothing; a stale save keeps the edits and says who;
a hostile name shows as text; a malformed file names its line and field and changes
nothing. The editor's item models pass the model tester."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.definition.compare_dialog import CompareDialog
from desktop.definition.criteria_model import CriteriaModel, KindRole
from desktop.definition.definitions_window import DefinitionsWindow
from desktop.definition.versions_model import COL_NAME, VersionsModel
from desktop.main.window import MainWindow
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from models.core.enums import DefinitionStatus
from models.db.database import Database
from models.definitions import lifecycle
from models.definitions.criteria import parse
from models.definitions.whatif import what_if_criteria
from models.teams.users import UserInfo, user_by_email
from tests.conftest import NOW
from tests.gui.conftest import answer_next_message_box

LEAD = "naoki.tanaka@baton.example"
MARKETING = "ai.nakamura@baton.example"
ADMIN = "makoto.kobayashi@baton.example"
REP = "misaki.sato@baton.example"
HOSTILE = "<img src=x onerror=alert(1)>"


def clock() -> datetime:
    return NOW


@pytest.fixture
def people(sqlite_demo_db: Database) -> dict[str, UserInfo]:
    with sqlite_demo_db.read() as session:
        return {email: user_by_email(session, email) for email in (LEAD, MARKETING, ADMIN, REP)}


def _forget_edits(window: DefinitionsWindow) -> None:
    window.editor.edited.disconnect()
    window.dirty = False


@pytest.fixture
def open_as(qtbot: QtBot, worker: DbWorker) -> Iterator[Callable[[UserInfo], DefinitionsWindow]]:
    """The definition window of ``user``, with the version in effect shown."""
    opened: list[DefinitionsWindow] = []

    def open_window(user: UserInfo) -> DefinitionsWindow:
        policy = FailurePolicy()
        ops = Operations(worker, policy)
        window = DefinitionsWindow(ops, user, clock=clock)
        window._test_ops = ops  # type: ignore[attr-defined]  # kept alive with the window
        # The test is over when pytest-qt closes it: closing asks nothing about its edits.
        qtbot.addWidget(window, before_close_func=_forget_edits)
        window.resize(1280, 760)
        window.show()
        qtbot.waitUntil(lambda: window.detail is not None, timeout=10_000)
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        window.whatif.timer.stop()
    qtbot.waitUntil(worker.idle, timeout=10_000)


def settle(qtbot: QtBot, window: DefinitionsWindow, worker: DbWorker) -> None:
    qtbot.waitUntil(lambda: worker.idle() and window.bar.isEnabled(), timeout=10_000)


def step(qtbot: QtBot, window: DefinitionsWindow, button: object) -> str:
    """Click a lifecycle button as a user does; the sentence said about the step."""
    assert button.isEnabled(), button.toolTip()  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.done, timeout=10_000) as said:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.detail is not None and not window.dirty, timeout=10_000)
    return str(said.args[0]) if said.args else ""


def select_version(qtbot: QtBot, window: DefinitionsWindow, version: int) -> None:
    """Click the version's row in the list, and wait for it to show."""
    row = window.model.row_of(version)
    assert row >= 0
    rect = window.table.visualRect(window.model.index(row, COL_NAME))
    with qtbot.waitSignal(window.shown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail is not None and window.detail.version == version


def find_kind(model: CriteriaModel, kind: str, parent: QModelIndex | None = None) -> QModelIndex:
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(KindRole) == kind:
            return index
        found = find_kind(model, kind, index)
        if found.isValid():
            return found
    return QModelIndex()


def detail_of(db: Database, version: int) -> lifecycle.VersionDetail:
    with db.read() as session:
        return lifecycle.version_detail(session, version)


def new_draft(qtbot: QtBot, window: DefinitionsWindow, worker: DbWorker) -> int:
    step(qtbot, window, window.new_button)
    settle(qtbot, window, worker)
    assert window.detail is not None and window.detail.status == DefinitionStatus.DRAFT
    return window.detail.version


def test_a_draft_edited_in_the_form_is_proposed_approved_by_both_sides_and_read_by_a_rep(
    qtbot: QtBot,
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    sqlite_demo_db: Database,
    people: dict[str, UserInfo],
    window: MainWindow,
) -> None:
    lead = open_as(people[LEAD])
    effective = lead.detail
    assert effective is not None and effective.active
    version = new_draft(qtbot, lead, worker)
    editor = lead.editor.criteria

    # The score criterion: 50 -> 60 through the spin box, as typed.
    score = find_kind(editor.model, "score_at_least")
    editor.tree.setCurrentIndex(score)
    spin = editor.form.score
    assert spin.value() == 50 and spin.isVisibleTo(lead)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "60")
    assert score.data() == "Score of 60 or more"
    # A touches criterion: picked from the kinds, then its form ticked and spun.
    editor.kind_picker.setCurrentIndex(editor.kind_picker.findData("touches"))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    added = editor.current()
    assert added.data(KindRole) == "touches"
    editor.form.touch_kinds.tick("inquiry", False)
    editor.form.touch_kinds.tick("pricing_page")
    editor.form.within_days.setValue(14)
    assert added.data() == "Document request or Pricing page visit within the last 14 days"
    assert lead.dirty

    said = step(qtbot, lead, lead.bar.save_button)
    assert said == f"Version {version} saved."
    saved = detail_of(sqlite_demo_db, version)
    items = saved.criteria_data["items"]
    assert {"kind": "score_at_least", "score": 60} in items
    # Added after the selected criterion (the score), in its group.
    at = items.index({"kind": "score_at_least", "score": 60})
    assert items[at + 1] == {
        "kind": "touches",
        "kinds": ["document_request", "pricing_page"],
        "within_days": 14,
        "match": "any",
    }

    # The what-if of the draft, as the domain computes it directly.
    with qtbot.waitSignal(lead.whatif.computed, timeout=10_000) as computed:
        lead.whatif.compute_now()
    shown = computed.args[0]
    with sqlite_demo_db.read() as session:
        expected = what_if_criteria(session, parse(saved.criteria_data), now=NOW)
    assert (shown.qualify_draft, shown.qualify_effective) == (
        expected.qualify_draft,
        expected.qualify_effective,
    )
    assert shown.newly_qualify == expected.newly_qualify
    assert shown.drop_out == expected.drop_out
    assert shown.past == expected.past
    assert lead.whatif.working.text() == str(expected.working_leads)
    assert lead.whatif.qualify.text() == (
        f"{expected.qualify_draft} under this draft, {expected.qualify_effective} "
        f"under version {effective.version}"
    )
    assert lead.whatif.dropped.text().startswith(str(len(expected.drop_out)))

    said = step(qtbot, lead, lead.bar.propose_button)
    assert said.startswith(f"Version {version} proposed")
    assert detail_of(sqlite_demo_db, version).status == DefinitionStatus.PROPOSED
    settle(qtbot, lead, worker)
    assert not lead.bar.save_button.isEnabled()
    assert "can no longer be changed" in lead.bar.save_button.toolTip()

    marketing = open_as(people[MARKETING])
    select_version(qtbot, marketing, version)
    said = step(qtbot, marketing, marketing.bar.approve_button)
    assert said.startswith(f"Version {version} approved for marketing by 中村 愛")
    assert detail_of(sqlite_demo_db, version).status == DefinitionStatus.PROPOSED

    lead.reload(version)
    qtbot.waitUntil(lambda: len(lead.model.rows[-1].approvals) == 1, timeout=10_000)
    settle(qtbot, lead, worker)
    said = step(qtbot, lead, lead.bar.approve_button)
    assert said == f"Version {version} approved by both sides: in effect now."
    final = detail_of(sqlite_demo_db, version)
    assert final.status == DefinitionStatus.APPROVED and final.active
    assert {a.side for a in final.approvals} == {"marketing", "sales"}

    # The rep opens File → Handoff definition… and reads it; nothing is theirs to change.
    file_menu = window.menuBar().findChildren(QMenu)[0]
    assert window.menu_actions.definition in file_menu.actions()
    window.menu_actions.definition.trigger()
    qtbot.waitUntil(lambda: window.findChild(DefinitionsWindow) is not None)
    rep = window.findChild(DefinitionsWindow)
    assert rep is not None
    qtbot.waitUntil(lambda: rep.detail is not None, timeout=10_000)
    assert rep.detail is not None and rep.detail.version == version
    assert rep.read_only.isVisible()
    text = rep.editor.words.toPlainText()
    assert "Score of 60 or more" in text
    assert "Document request or Pricing page visit within the last 14 days" in text
    for button in (rep.bar.save_button, rep.bar.approve_button, rep.new_button):
        assert not button.isEnabled()
    assert "cannot draft or change the handoff definition" in rep.bar.save_button.toolTip()
    assert "cannot approve the handoff definition" in rep.bar.approve_button.toolTip()
    assert rep.editor.name.isReadOnly()
    assert not rep.editor.criteria.form.isEnabled()
    rep.close()


def test_a_stale_save_keeps_the_edits_and_says_who_saved_meanwhile(
    qtbot: QtBot,
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    sqlite_demo_db: Database,
    people: dict[str, UserInfo],
) -> None:
    lead = open_as(people[LEAD])
    version = new_draft(qtbot, lead, worker)
    lead.editor.name.selectAll()
    qtbot.keyClicks(lead.editor.name, "Stricter on timing")
    spin = lead.editor.criteria.form
    lead.editor.criteria.tree.setCurrentIndex(
        find_kind(lead.editor.criteria.model, "score_at_least")
    )
    spin.score.setValue(70)
    # Meanwhile the administrator saves the same draft from another desktop.
    with sqlite_demo_db.write() as session:
        current = lifecycle.version_detail(session, version)
        lifecycle.save_draft(
            session,
            people[ADMIN].id,
            version,
            name="Admin's edit",
            criteria_data=current.criteria_data,
            scoring_data=current.scoring_data,
            note="from the other desk",
            seen_revision=current.revision,
            now=NOW,
        )
    qtbot.mouseClick(lead.bar.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lead.error.isVisible, timeout=10_000)
    settle(qtbot, lead, worker)
    assert "was changed since you opened it (by 小林 誠" in lead.error.text()
    assert lead.editor.name.text() == "Stricter on timing"
    assert spin.score.value() == 70
    assert "Admin's edit" in lead.editor.words.toPlainText()
    assert detail_of(sqlite_demo_db, version).name == "Admin's edit"
    # Saved again, it saves over the current draft.
    said = step(qtbot, lead, lead.bar.save_button)
    assert said == f"Version {version} saved."
    saved = detail_of(sqlite_demo_db, version)
    assert saved.name == "Stricter on timing"
    assert {"kind": "score_at_least", "score": 70} in saved.criteria_data["items"]


def test_a_hostile_name_shows_as_text_and_the_diff_names_the_change(
    qtbot: QtBot,
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    sqlite_demo_db: Database,
    people: dict[str, UserInfo],
) -> None:
    lead = open_as(people[LEAD])
    version = new_draft(qtbot, lead, worker)
    lead.editor.name.selectAll()
    qtbot.keyClicks(lead.editor.name, HOSTILE)
    step(qtbot, lead, lead.bar.save_button)
    settle(qtbot, lead, worker)
    assert detail_of(sqlite_demo_db, version).name == HOSTILE
    row = lead.model.row_of(version)
    assert lead.model.index(row, COL_NAME).data() == HOSTILE
    assert f"version {version}: {HOSTILE}" in lead.editor.words.toPlainText()
    assert lead.editor.name.text() == HOSTILE
    dialog = lead.compare()
    assert isinstance(dialog, CompareDialog)
    qtbot.waitUntil(lambda: bool(dialog.lines), timeout=10_000)
    assert any(HOSTILE in line for line in dialog.lines)
    assert HOSTILE in dialog.text.toPlainText()
    dialog.close()
    # The refusal line and the notices never read markup.
    assert lead.error.textFormat() == Qt.TextFormat.PlainText
    assert lead.notice.textFormat() == Qt.TextFormat.PlainText


def test_import_of_a_malformed_file_names_line_and_field_and_changes_nothing(
    qtbot: QtBot,
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    sqlite_demo_db: Database,
    people: dict[str, UserInfo],
    tmp_path: Path,
) -> None:
    lead = open_as(people[LEAD])
    exported = tmp_path / "definition.toml"
    with qtbot.waitSignal(lead.done, timeout=10_000) as said:
        lead.export_to(exported)
    assert str(said.args[0]).startswith("Version 1 written to")
    text = exported.read_text(encoding="utf-8")
    assert tomllib.loads(text)["criteria"]["kind"] == "all"
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip() == "score = 50")
    lines[at] = 'score = "high"'
    broken = tmp_path / "broken.toml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with sqlite_demo_db.read() as session:
        before = lifecycle.list_versions(session)

    lead.import_from(broken)
    qtbot.waitUntil(lead.error.isVisible, timeout=10_000)
    message = lead.error.text()
    assert f"line {at + 1}" in message
    assert "criteria.items[0].score" in message
    assert "nothing was imported" in message.lower()
    with sqlite_demo_db.read() as session:
        assert lifecycle.list_versions(session) == before

    # The file as exported imports as a new draft.
    settle(qtbot, lead, worker)
    with qtbot.waitSignal(lead.done, timeout=10_000):
        lead.import_from(exported)
    qtbot.waitUntil(lambda: lead.detail is not None and lead.detail.version == 2, timeout=10_000)
    assert lead.detail is not None and lead.detail.status == DefinitionStatus.DRAFT


def test_the_editors_item_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    people: dict[str, UserInfo],
) -> None:
    lead = open_as(people[LEAD])
    new_draft(qtbot, lead, worker)
    versions = lead.model
    assert isinstance(versions, VersionsModel) and versions.rowCount() == 2
    qtmodeltester.check(versions)
    editor = lead.editor.criteria
    editor.add("any")
    editor.add("grade_in")
    editor.add("fit")
    editor.move_current(-1)
    qtmodeltester.check(editor.model)
    editor.remove_current()
    qtmodeltester.check(editor.model)
    data = editor.criteria_data()
    assert data["items"][-1]["kind"] == "any"
    assert [item["kind"] for item in data["items"][-1]["items"]] == ["grade_in"]


def test_unsaved_edits_are_never_dropped_without_asking(
    qtbot: QtBot,
    open_as: Callable[[UserInfo], DefinitionsWindow],
    worker: DbWorker,
    sqlite_demo_db: Database,
    people: dict[str, UserInfo],
) -> None:
    lead = open_as(people[LEAD])
    version = new_draft(qtbot, lead, worker)
    form = lead.editor.criteria.form
    lead.editor.criteria.tree.setCurrentIndex(
        find_kind(lead.editor.criteria.model, "score_at_least")
    )
    form.score.setValue(65)
    assert lead.dirty
    # Another version clicked: the question; "Cancel" stays on the draft, edits kept.
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Cancel, seen)
    row = lead.model.row_of(1)
    rect = lead.table.visualRect(lead.model.index(row, COL_NAME))
    qtbot.mouseClick(lead.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert f"Version {version} has changes that are not saved" in seen[0]
    assert lead.detail is not None and lead.detail.version == version
    assert lead.dirty and form.score.value() == 65
    assert lead.model.row_of(version) == lead.table.currentIndex().row()
    # Again, "Save": the draft is saved, then the other version shows.
    answer_next_message_box(QMessageBox.StandardButton.Save, seen)
    with qtbot.waitSignal(lead.shown, timeout=10_000):
        qtbot.mouseClick(lead.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: lead.detail is not None and lead.detail.version == 1, timeout=10_000)
    saved = detail_of(sqlite_demo_db, version)
    assert {"kind": "score_at_least", "score": 65} in saved.criteria_data["items"]
    # Closing with unsaved edits asks too; "Cancel" keeps the window open.
    assert len(seen) == 2 and not lead.dirty
    select_version(qtbot, lead, version)
    assert len(seen) == 2 and not lead.dirty
    lead.editor.criteria.tree.setCurrentIndex(
        find_kind(lead.editor.criteria.model, "score_at_least")
    )
    form.score.setValue(55)
    answer_next_message_box(QMessageBox.StandardButton.Cancel, seen)
    lead.close()
    assert lead.isVisible() and form.score.value() == 55
    # "Discard" closes it; the draft keeps what was saved.
    answer_next_message_box(QMessageBox.StandardButton.Discard, seen)
    lead.close()
    qtbot.waitUntil(lambda: not lead.isVisible(), timeout=10_000)
    assert {"kind": "score_at_least", "score": 65} in detail_of(
        sqlite_demo_db, version
    ).criteria_data["items"]
