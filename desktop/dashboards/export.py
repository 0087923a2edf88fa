"""Exporting a view of the dashboard: its table as CSV (UTF-8 with a byte-order mark for
Excel, or Shift_JIS, cells that would start a formula made text:
:func:`models.core.files.csv_bytes`) and its picture as PNG (the widget as painted,
title and definitions included).

:class:`Exporter` asks where (the system's file dialog, the last folder remembered) and
says what it wrote, or why not, through ``said(str)``. GUI thread: a view's table is a few
hundred rows at most, and a picture is already painted.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QSize, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.i18n.messages import message
from desktop.widgets.rich_text import fill
from models.core.errors import BatonError
from models.core.files import csv_bytes, write_atomically

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
#: Shift_JIS as Windows writes it (what older Excel and many Japanese tools read).
CP932 = "cp932"
UTF8_EXCEL = "utf-8-sig"
#: A figure with nothing to divide, as the views show it.
MISSING = "–"
#: Signs of the dashboard's English words that Shift_JIS lacks, as it writes them.
_CP932_SIGNS = str.maketrans({"–": "-", "≤": "<=", "−": "-"})


#: A space between two Japanese characters: in a title only to wrap it on screen
#: ("リーチあたりの 商談化率"), not part of the CSV's column name.
_JAPANESE_WRAP = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff]) (?=[\u3040-\u30ff\u4e00-\u9fff])")


def _cell(value: object, encoding: str) -> object:
    """A cell as the CSV holds it: a missing value ("–" on screen) empty; in Shift_JIS, the
    dashboard's own signs it lacks written as it has them."""
    if value == MISSING:
        return ""
    if encoding == CP932 and isinstance(value, str):
        return value.translate(_CP932_SIGNS)
    return value


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], encoding: str
) -> int:
    """Write the table; the number of rows written (a refusal writes nothing)."""
    table = [[_cell(c, encoding) for c in row] for row in rows]
    names = [r[0] for r in table if r]
    heads = [_cell(_JAPANESE_WRAP.sub("", h), encoding) for h in header]
    write_atomically(path, csv_bytes(heads, table, encoding=encoding, row_names=names))
    return len(rows)


def write_png(widget: QWidget, path: Path, hidden: Sequence[QWidget] = ()) -> QSize:
    """Save ``widget`` as painted (without the ``hidden`` ones: its own buttons); its size."""
    for child in hidden:
        child.setVisible(False)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    picture = widget.grab()
    for child in hidden:
        child.setVisible(True)
    if layout is not None:
        layout.activate()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        raise OSError(errno.EIO, "the picture could not be encoded as PNG", str(path))
    write_atomically(path, bytes(buffer.data().data()))
    return picture.size()


def safe_name(text: str) -> str:
    return _UNSAFE_NAME.sub("_", text).strip("._ ")[:60] or "kpi"


class Exporter(QObject):
    """Asks where to write and writes; ``said(text)`` after each export or refusal."""

    said = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.folder = Path.home()

    def _ask(self, title: str, name: str, filters: list[str]) -> tuple[Path, str] | None:
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, title, str(self.folder / name), ";;".join(filters), filters[0]
        )
        if not path:
            return None
        target = Path(path)
        self.folder = target.parent
        return target, chosen

    def csv(self, name: str, write: Callable[[Path, str], object]) -> None:
        """Ask where and in which encoding, then ``write(path, encoding)``."""
        utf8, sjis = self.tr("CSV for Excel, UTF-8 (*.csv)"), self.tr("CSV, Shift_JIS (*.csv)")
        asked = self._ask(self.tr("Export CSV"), f"{safe_name(name)}.csv", [utf8, sjis])
        if asked is None:
            return
        target, chosen = asked
        target = target if target.suffix else target.with_suffix(".csv")
        encoding = CP932 if chosen == sjis else UTF8_EXCEL
        self.run(lambda: write(target, encoding), target)

    def table(self, name: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        self.csv(name, lambda path, encoding: write_csv(path, header, rows, encoding))

    def html(self, name: str, page: Callable[[], str]) -> None:
        html = self.tr("Web page (*.html)")
        asked = self._ask(self.tr("Export web page"), f"{safe_name(name)}.html", [html])
        if asked is None:
            return
        target = asked[0] if asked[0].suffix else asked[0].with_suffix(".html")
        self.run(lambda: write_atomically(target, page().encode("utf-8")), target)

    def png(self, name: str, widget: QWidget, hidden: Sequence[QWidget] = ()) -> None:
        png = self.tr("PNG image (*.png)")
        asked = self._ask(self.tr("Export picture"), f"{safe_name(name)}.png", [png])
        if asked is None:
            return
        target = asked[0] if asked[0].suffix else asked[0].with_suffix(".png")
        self.run(lambda: write_png(widget, target, hidden), target)

    def run(self, write: Callable[[], object], target: Path) -> bool:
        """Write, then say so (or why not: a character Shift_JIS lacks, a folder not
        writable); True when written."""
        try:
            write()
        except BatonError as refused:
            self.said.emit(message(refused))
            return False
        except OSError as failed:
            reason = failed.strerror or str(failed)
            self.said.emit(fill(self.tr("Could not write %1: %2"), target, reason))
            return False
        self.said.emit(fill(self.tr("Wrote %1."), target))
        return True
