"""The handoff summary as a PDF: A4, Japanese set in Noto Sans CJK JP, fonts embedded, text
that copies and searches as it reads.

Qt's own ``QTextDocument`` lays out the sheet (:func:`desktop.handoff.render.qt_html`, the
HTML subset Qt knows) and ``QPdfWriter`` writes it: no new dependency, and Qt embeds every
font it uses as a subset (converted to TrueType outlines, Noto's CFF included). Two things
keep the text layer right, both checked by tests/test_handoff_pdf.py:

- shaping is off for scripts that do not need it (``QFont.PreferNoShaping``): shaped
  Latin glyphs (digits beside letters) have no entry in Qt's text map and vanish from
  copied text;
- Qt maps each glyph back to the lowest code point sharing it (日 as the Kangxi radical
  ⽇), so the maps are mended from what the document laid out
  (:mod:`desktop.handoff.pdf_text`).

Needs QtGui and a ``QGuiApplication``: the app has one; the CLI gets an offscreen one
from :func:`ensure_app` (on the main thread, before any QCoreApplication exists). Once it
exists, :func:`pdf_bytes` runs on any thread: the app's export of many summaries runs it
in a worker (Qt lays out text and paints on a QPdfWriter off the GUI thread).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
)

from desktop.handoff import render
from desktop.handoff.pdf_text import FontText, mend_to_unicode
from desktop.handoff.sheet import TITLE, tr
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill
from models.handoff.summary import HandoffSummary

#: Japanese first (Noto Sans CJK JP ships with fonts-noto-cjk), then what Windows and
#: macOS have; Qt falls back further for characters none of them has.
FONT_FAMILIES = ["Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", "Meiryo", "Hiragino Sans"]
BODY_POINTS = 9.5
FOOTER_POINTS = 7.5
#: A4 with margins a printer keeps clear of (top, right, bottom, left; millimetres); the
#: footer sits in the bottom margin's upper part.
MARGINS_MM = (14.0, 15.0, 16.0, 15.0)
FOOTER_GAP_MM = 4.0
FOOTER_COLOUR = "#8a8f98"
RESOLUTION = 300

PAGE = QT_TRANSLATE_NOOP("HandoffSummary", "Page %1 of %2")

_app: QGuiApplication | None = None


def ensure_app() -> QGuiApplication:
    """The running QGuiApplication, else a new offscreen one (headless commands).

    Raises RuntimeError if a QCoreApplication without a GUI already exists: a PDF cannot
    be laid out there (the CLI creates this application before it loads translations).
    """
    global _app  # noqa: PLW0603 - the one application of the process, kept alive
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a PDF needs a QGuiApplication; a QCoreApplication already exists")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "baton", "-platform", "offscreen"])
    return _app


def _font(points: float) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def _document(html: str, size: QSizeF, writer: QPdfWriter) -> QTextDocument:
    """``html`` laid out on pages of ``size`` (device dots), once: the page size is set
    before the text, so the layout is not done again for it."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(_font(BODY_POINTS))
    document.setDocumentMargin(0)
    document.setPageSize(size)
    document.setHtml(html)
    return document


def pdf_bytes(summary: HandoffSummary) -> bytes:
    """The summary as a PDF file's bytes."""
    ensure_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    top, right, bottom, left = MARGINS_MM
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(_title(summary))
    writer.setCreator("Baton")
    documents = _paint(summary, writer)
    buffer.close()
    data: QByteArray = buffer.data()
    return mend_to_unicode(bytes(data.data()), _laid_out(documents))


def _paint(summary: HandoffSummary, writer: QPdfWriter) -> list[QTextDocument]:
    """Lay the sheet out on A4 pages and paint them, each with its footer; the documents
    painted (whose layout says which glyph shows which character)."""
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    gap = FOOTER_GAP_MM / 25.4 * writer.resolution()
    footer_font = _font(FOOTER_POINTS)
    metrics = QFontMetricsF(footer_font, writer)
    page_height = area.height() - metrics.height() - gap
    body = _document(render.qt_html(summary), QSizeF(area.width(), page_height), writer)
    _keep_headings_with_next(body, page_height)
    pages = body.pageCount()
    title = metrics.elidedText(_title(summary), Qt.TextElideMode.ElideRight, area.width() * 0.75)
    footer = QRectF(0, page_height + gap, area.width(), metrics.height())
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            # Half a dot in from each edge: a line starting exactly where the page ends
            # belongs to the next page only (else it is also drawn here, clipped away but
            # still in the text layer).
            clip = QRectF(0, page * page_height + 0.5, area.width(), page_height - 1)
            body.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(FOOTER_COLOUR))
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight, fill(tr(PAGE), page + 1, pages))
    finally:
        painter.end()
    return [body]


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """A heading at the foot of a page, what it heads on the next, moves to that page
    (Qt's layout knows page breaks before and after a block, not "keep with next")."""
    layout = document.documentLayout()

    def page_of(block: QTextBlock) -> int:
        line = block.layout().lineAt(0) if block.layout().lineCount() else None
        top = layout.blockBoundingRect(block).top() + (line.y() if line else 0.0)
        return int(top // page_height)

    for _ in range(50):  # each pass moves one heading forward; a sheet has a few dozen
        document.pageCount()  # the whole layout, done now (else it is done lazily, in parts)
        block = document.begin()
        while block.isValid():
            following = block.next()
            policy = block.blockFormat().pageBreakPolicy()
            if (
                block.blockFormat().headingLevel()
                and following.isValid()
                and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                and page_of(block) != page_of(following)
            ):
                moved = block.blockFormat()
                moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(moved)
                break
            block = following
        else:
            return


def _title(summary: HandoffSummary) -> str:
    return f"{tr(TITLE)}: {summary.company.name}"


def _fonts_used(documents: list[QTextDocument]) -> Iterator[tuple[QRawFont, set[int], str]]:
    """Each font the documents laid out text in: the font, the glyphs it drew, and the
    text of the blocks it drew them in (each character once, in document order)."""
    flags = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    fonts: dict[tuple[str, str], tuple[QRawFont, set[int], dict[str, None]]] = {}
    for document in documents:
        block = document.begin()
        while block.isValid():
            layout = block.layout()
            text = block.text()
            for n in range(layout.lineCount()):
                for run in layout.lineAt(n).glyphRuns(-1, -1, flags):
                    raw = run.rawFont()
                    key = (raw.familyName(), raw.styleName())
                    if key not in fonts:
                        fonts[key] = (raw, set(), {})
                    _raw, glyphs, characters = fonts[key]
                    glyphs.update(run.glyphIndexes())
                    characters.update(dict.fromkeys(text))
            block = block.next()
    for raw, glyphs, characters in fonts.values():
        yield raw, glyphs, "".join(characters)


def _laid_out(documents: list[QTextDocument]) -> dict[str, FontText]:
    """For each font (by PostScript name), what its text map should say: the character
    laid out with each glyph where Qt's map says another, and the characters beyond the
    BMP (which it leaves out) in the order they were first drawn.

    Shaping is off (no ligatures, no substitutions): a glyph is the font's glyph for one
    character of the text it drew, found through the font's own character map.
    """
    fixes: dict[str, FontText] = {}
    for raw, glyphs, characters in _fonts_used(documents):
        name = _postscript_name(raw)
        if not name:
            continue
        shown: dict[int, str] = {}
        for character in characters:
            glyph = _glyph(raw, name, character)
            if glyph in glyphs:
                shown.setdefault(glyph, character)
        fixes[name] = FontText(
            _qt_choices(raw, shown),
            list(dict.fromkeys(c for c in shown.values() if ord(c) > 0xFFFF)),
        )
    return fixes


_glyphs: dict[tuple[str, str], int] = {}


def _glyph(raw: QRawFont, name: str, character: str) -> int:
    """The font's glyph for ``character`` (0: none), remembered per font."""
    key = (name, character)
    if key not in _glyphs:
        found = [g for g in raw.glyphIndexesForString(character) if g]
        _glyphs[key] = found[0] if found else 0
    return _glyphs[key]


def _qt_choices(raw: QRawFont, laid_out: dict[int, str]) -> dict[str, str]:
    """``laid_out`` (glyph -> the character laid out with it) as what Qt's map says for a
    glyph -> that character, for the glyphs where Qt chose another code point (Qt's map
    covers the BMP only: a character beyond it has no entry to mend)."""
    owner = _bmp_owner(raw)
    chosen: dict[str, str] = {}
    for glyph, character in laid_out.items():
        lowest = owner.get(glyph)
        if lowest is not None and lowest != character:
            chosen[lowest] = character
    return chosen


_owners: dict[str, dict[int, str]] = {}


def _bmp_owner(raw: QRawFont) -> dict[int, str]:
    """glyph -> the lowest BMP code point showing it, per font (built once: 63,488
    look-ups in one call)."""
    name = _postscript_name(raw)
    if name not in _owners:
        characters = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000)
        glyphs = raw.glyphIndexesForString(characters)
        owner: dict[int, str] = {}
        for character, glyph in zip(characters, glyphs, strict=True):
            if glyph and glyph not in owner:
                owner[glyph] = character
        for c in reversed(range(0x20)):  # a tab shares the space's glyph, and is lower
            glyph = raw.glyphIndexesForString(chr(c))
            if glyph and glyph[0]:
                owner[glyph[0]] = chr(c)
        _owners[name] = owner
    return _owners[name]


def _postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name table, id 6): what the PDF's /BaseFont says."""
    table = bytes(raw.fontTable("name").data())
    if len(table) < 6:
        return ""
    count = int.from_bytes(table[2:4], "big")
    strings = int.from_bytes(table[4:6], "big")
    for n in range(count):
        record = table[6 + 12 * n : 18 + 12 * n]
        if len(record) < 12 or int.from_bytes(record[6:8], "big") != 6:
            continue
        platform = int.from_bytes(record[0:2], "big")
        length = int.from_bytes(record[8:10], "big")
        offset = strings + int.from_bytes(record[10:12], "big")
        raw_name = table[offset : offset + length]
        return raw_name.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""
