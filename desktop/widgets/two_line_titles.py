"""Column titles on two lines, so a column of short figures is not as wide as its title.

A table of many figures ("Callbacks later today", "Speed-to-lead missed" over numbers of
two or three digits) fits a 1366-pixel screen only when its titles wrap. Call
:func:`wrap_titles` once, then :func:`fit_columns` whenever the rows change: each column
becomes as wide as its widest cell, and its title goes on one line if it fits there, else
on two, broken at a space where the title has one (Qt breaks Japanese between any two
characters: "空き / 上限" must not become "空き / 上" and "限"), else where the script
changes (kanji, hiragana, katakana), a line never starting with hiragana (particles and
okurigana stay with their word): "送客リード" and "数", not "送客リー" and "ド数";
"ナーチャリングに" and "戻した".
The last column takes what is left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QTableView

#: The header section's padding (resources/style.qss) and a little room around the title.
PADDING = 18


def line_ends(font: QFont, title: str, width: int) -> list[int]:
    """Where Qt's word wrap ends each line of ``title`` in ``width`` pixels."""
    layout = QTextLayout(title, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    ends: list[int] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        ends.append(line.textStart() + line.textLength())
    layout.endLayout()
    return ends


#: Never at the start of a line (closing brackets, the long vowel mark, small kana).
_NO_LINE_START = set("）)」』】、。・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ%％")


def _script(ch: str) -> str:
    if "\u3041" <= ch <= "\u309f":
        return "hiragana"
    if "\u30a0" <= ch <= "\u30ff" or ch == "ー":
        return "katakana"
    if "\u4e00" <= ch <= "\u9fff" or ch == "々":
        return "kanji"
    return "other"


def good_break(title: str, at: int) -> bool:
    """Whether a line may end before ``title[at]``: at a space where the title has one;
    else where the script changes in a Japanese title; anywhere in a single word."""
    before, after = title[at - 1 : at], title[at : at + 1]
    if " " in title.strip():
        return " " in before + after
    if title.isascii():
        return True
    if after in _NO_LINE_START or _script(after) == "hiragana":
        return False
    return _script(before) != _script(after)


def title_width(font: QFont, title: str, least: int) -> int:
    """The narrowest text width of at least ``least`` pixels showing ``title`` on one line
    or two, broken where :func:`good_break` allows."""
    full = QFontMetrics(font).horizontalAdvance(title)
    for width in range(max(least, full // 2), full):
        ends = line_ends(font, title, width)
        if len(ends) > 2:
            continue
        if len(ends) == 1 or good_break(title, ends[0]):
            return width
    return max(least, full)


def title_font(view: QTableView) -> QFont:
    """The titles' font: the header's, semi-bold as resources/style.qss draws them."""
    font = QFont(view.horizontalHeader().font())
    font.setWeight(QFont.Weight.DemiBold)
    return font


def wrap_titles(view: QTableView) -> None:
    """The header two lines tall, its titles wrapped and centred; columns sized by
    :func:`fit_columns` (and by the user)."""
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumHeight(2 * QFontMetrics(title_font(view)).lineSpacing() + PADDING // 2)


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its widest cell, and its title on one line or two."""
    header = view.horizontalHeader()
    font = title_font(view)
    model = view.model()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        cells = view.sizeHintForColumn(column) - PADDING
        header.resizeSection(column, title_width(font, title, cells) + PADDING)
