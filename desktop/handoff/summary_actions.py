"""Copy summary and Export summary… for the lead pane and the Handoffs window.

"Copy summary" puts the summary on the clipboard as Markdown (plain text, for mail and
chat) with the HTML page as its rich flavour (a word processor or a mail editor pastes
the formatted sheet). "Export summary…" asks for a file; its filter (PDF, HTML, Markdown,
JSON) picks the format. For a lead handed off it is its handoff's summary, before that a
preview. Rendering and writing run on the worker (operations); a refusal (a folder that
is gone) is said by ``refused``, or by the failure policy.

Signals: ``message(str)`` after a copy or an export (a status line);
``refused(str)`` when an export was refused (plain text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from desktop.handoff import render
from desktop.operations import summary as summary_ops
from desktop.operations.runner import Operations
from desktop.operations.summary import Copied, SummaryOf, Written
from desktop.widgets import clipboard
from desktop.widgets.rich_text import fill

#: The export's formats, in the order the file dialog offers them.
FORMATS = ("pdf", "html", "md", "json")
#: What a file name may not hold on Windows, macOS or Linux (a run becomes one "_").
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\s]+')


class SummaryActions(QObject):
    message = Signal(str)
    refused = Signal(str)

    def __init__(
        self,
        ops: Operations,
        which: Callable[[], SummaryOf | None],
        parent: QWidget,
        name: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._which = which
        self._name = name
        self._parent = parent
        self.copy_action = QAction(self.tr("&Copy summary"), self)
        self.copy_action.setObjectName("copySummary")
        self.copy_action.setToolTip(
            self.tr("The handoff summary to the clipboard: Markdown, and formatted for mail")
        )
        self.copy_action.triggered.connect(self.copy)
        self.export_action = QAction(self.tr("&Export summary…"), self)
        self.export_action.setObjectName("exportSummary")
        self.export_action.setToolTip(self.tr("The handoff summary as PDF, HTML, Markdown or JSON"))
        self.export_action.triggered.connect(self.export)
        self.menu = QMenu(parent)
        self.menu.addAction(self.copy_action)
        self.menu.addAction(self.export_action)
        self._last_folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    def filters(self) -> dict[str, str]:
        return {
            "pdf": self.tr("PDF (*.pdf)"),
            "html": self.tr("Web page, self-contained (*.html)"),
            "md": self.tr("Markdown (*.md)"),
            "json": self.tr("JSON data (*.json)"),
        }

    def set_enabled(self, enabled: bool) -> None:
        self.copy_action.setEnabled(enabled)
        self.export_action.setEnabled(enabled)

    # -- Copy -------------------------------------------------------------------------
    def copy(self) -> None:
        which = self._which()
        if which is None:
            return
        op = summary_ops.copy_summary(self._ops, which, datetime.now(UTC), self)
        op.success(self._on_copied).run()

    def _on_copied(self, copied: Copied) -> None:
        clipboard.put(copied.markdown, copied.html)
        self.message.emit(
            self.tr("Copied a preview of the summary (not handed off yet).")
            if copied.preview
            else self.tr("Copied the handoff summary.")
        )

    # -- Export -----------------------------------------------------------------------
    def export(self) -> None:
        """Ask where (the filter picks the format), then write there."""
        if self._which() is None:
            return
        filters = self.filters()
        stem = _UNSAFE_NAME.sub("_", self._name()).strip("._ ")[:60] or "summary"
        path, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export summary"),
            str(Path(self._last_folder) / f"{stem}.pdf"),
            ";;".join(filters.values()),
            filters["pdf"],
        )
        if not path:
            return
        fmt = next((f for f, text in filters.items() if text == chosen), None)
        target = Path(path)
        if fmt is None:  # no filter said: the name's suffix, else PDF
            fmt = next((f for f in FORMATS if target.suffix == render.SUFFIXES[f]), "pdf")
        if target.suffix.lower() != render.SUFFIXES[fmt]:
            target = target.with_name(target.name + render.SUFFIXES[fmt])
        self._last_folder = str(target.parent)
        self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        which = self._which()
        if which is None:
            return
        op = summary_ops.export_summary(self._ops, which, fmt, path, datetime.now(UTC), self)
        op.success(self._on_written).refused(lambda text, _exc: self.refused.emit(text)).run()

    def _on_written(self, written: Written) -> None:
        template = (
            self.tr("Wrote a preview of the summary to %1.")
            if written.preview
            else self.tr("Wrote the handoff summary to %1.")
        )
        self.message.emit(fill(template, str(written.path)))
