"""Mending the text layer of a PDF Qt wrote, so copying or searching it gives the text.

Qt embeds each font as a subset with a ``/ToUnicode`` map (what a viewer copies, what
``pdftotext`` extracts). It builds that map from the font's character map, taking for
each glyph the *lowest* code point that shows it. Noto Sans CJK shares one glyph between
a kanji and its Kangxi radical (日 U+65E5 and ⽇ U+2F47), between ・ U+30FB and ‧ U+2027,
between space and tab: the PDF looks right but "日本" is copied as "⽇本".

:func:`mend_to_unicode` rewrites those maps from what the document really holds: for each
font, the characters each glyph was laid out from (read from Qt's text layout by
:mod:`desktop.handoff.pdf`). The fixed maps are appended as an incremental update (the
PDF standard's way to change objects: new versions after the original, a new
cross-reference section pointing back at the old one), so nothing Qt wrote is moved.
Plain Python: no Qt here.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+0\s+R)?")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")
_CHAR_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
#: At most this many entries in one bfchar section (the CMap format's limit).
_SECTION_LIMIT = 100

_DESCENDANT = re.compile(rb"/DescendantFonts\s*\[\s*(\d+)\s+0\s+R")
_WIDTHS = re.compile(rb"/W\s*\[")
_WIDTH_TOKEN = re.compile(rb"\[|\]|-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class FontText:
    """What one font's text map should say, from what the document laid out with it."""

    #: The text Qt's map gives a glyph -> the text the document laid out with that glyph.
    replace: Mapping[str, str] = field(default_factory=dict)
    #: Characters beyond the BMP the font showed, in the order they were first drawn: Qt
    #: gives their glyphs no entry at all.
    unmapped: Sequence[str] = ()


#: Per font, by its PostScript name (what /BaseFont says).
Fixes = Mapping[str, FontText]


def _text(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", "replace")


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_cmap(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap's code -> text (bfchar and bfrange sections)."""
    found: dict[int, str] = {}
    for kind, body in _SECTION.findall(cmap):
        if kind == b"bfchar":
            for code, target in _CHAR_ENTRY.findall(body):
                found[int(code, 16)] = _text(target)
            continue
        for low, high, target in _RANGE_ENTRY.findall(body):
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for offset, item in enumerate(_HEX.findall(target)):
                    if first + offset <= last:
                        found[first + offset] = _text(item)
                continue
            start = _text(target[1:-1])
            if not start:
                continue
            for offset in range(last - first + 1):
                found[first + offset] = start[:-1] + chr(ord(start[-1]) + offset)
    return found


def write_cmap(mapping: Mapping[int, str]) -> bytes:
    """A ToUnicode CMap (2-byte codes, as Qt's Identity-H fonts use) for ``mapping``."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    entries = [(code, text) for code, text in sorted(mapping.items()) if text]
    for start in range(0, len(entries), _SECTION_LIMIT):
        chunk = entries[start : start + _SECTION_LIMIT]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:04X}> <{_hex(text)}>" for code, text in chunk]
        lines.append("endbfchar")
    lines += [
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return ("\n".join(lines) + "\n").encode("ascii")


def _offsets(pdf: bytes) -> dict[int, int]:
    """Where each object starts, from the cross-reference table the last ``startxref``
    points at (Qt writes one classic table); empty if there is none."""
    found = re.findall(rb"startxref\s+(\d+)", pdf)
    if not found:
        return {}
    position = int(found[-1])
    table = re.compile(rb"xref\s+").match(pdf, position)
    if table is None:
        return {}
    offsets: dict[int, int] = {}
    position = table.end()
    subsection = re.compile(rb"(\d+) (\d+)\s*\n")
    while heading := subsection.match(pdf, position):
        first, count = int(heading.group(1)), int(heading.group(2))
        position = heading.end()
        for n in range(count):
            entry = pdf[position : position + 20]
            position += 20
            if entry[17:18] == b"n":
                offsets[first + n] = int(entry[:10])
    return offsets


def _object(pdf: bytes, offset: int) -> tuple[bytes, bytes | None]:
    """The object at ``offset``: its dictionary (or value), and a stream's raw data."""
    header = re.compile(rb"\s*\d+\s+\d+\s+obj").match(pdf, offset)
    if header is None:
        return b"", None
    start = header.end()
    end = pdf.find(b"endobj", start)
    stream = pdf.find(b"stream", start)
    if stream < 0 or stream > end:
        return pdf[start:end], None
    head = pdf[start:stream]
    length = _LENGTH.search(head)
    if length is None or length.group(2):  # Qt writes direct lengths
        return head, None
    data = stream + len(b"stream")
    data += 2 if pdf[data : data + 2] == b"\r\n" else 1
    return head, pdf[data : data + int(length.group(1))]


def _decoded(head: bytes, data: bytes) -> bytes | None:
    if b"/FlateDecode" not in head:
        return data
    try:
        return zlib.decompress(data)
    except zlib.error:
        return None


def mend_to_unicode(pdf: bytes, fixes: Fixes) -> bytes:
    """``pdf`` with each font's ToUnicode map giving the text the document laid out (see
    the module's docstring); ``pdf`` itself when nothing needs mending."""
    offsets = _offsets(pdf)
    mended: dict[int, bytes] = {}
    for offset in offsets.values():
        body, data = _object(pdf, offset)
        reference = _TO_UNICODE.search(body) if data is None else None
        base = _BASE_FONT.search(body) if reference else None
        if reference is None or base is None:
            continue
        wanted = fixes.get(base.group(1).decode("latin-1").split("+")[-1])
        number = int(reference.group(1))
        if wanted is None or number not in offsets:
            continue
        head, raw = _object(pdf, offsets[number])
        cmap = _decoded(head, raw) if raw is not None else None
        if cmap is None:
            continue
        mapping = parse_cmap(cmap)
        fixed = {code: wanted.replace.get(text, text) for code, text in mapping.items()}
        if wanted.unmapped:
            fixed.update(_beyond_bmp(pdf, offsets, body, mapping, wanted.unmapped))
        if fixed != mapping:
            mended[number] = write_cmap(fixed)
    if not mended:
        return pdf
    return _append_update(pdf, mended)


def _glyph_codes(widths: bytes) -> set[int]:
    """The codes a CIDFont's /W array gives widths for (``c [w ...]``, ``c1 c2 w``)."""
    tokens = _WIDTH_TOKEN.findall(widths)
    codes: set[int] = set()
    n = 0
    while n < len(tokens):
        first = int(float(tokens[n]))
        if n + 1 < len(tokens) and tokens[n + 1] == b"[":
            n += 2
            while n < len(tokens) and tokens[n] != b"]":
                codes.add(first)
                first += 1
                n += 1
            n += 1
        elif n + 2 < len(tokens):
            codes.update(range(first, int(float(tokens[n + 1])) + 1))
            n += 3
        else:
            break
    return codes


def _beyond_bmp(
    pdf: bytes,
    offsets: Mapping[int, int],
    font: bytes,
    mapping: Mapping[int, str],
    unmapped: Sequence[str],
) -> dict[int, str]:
    """Entries for the glyphs Qt's map left out: the font's glyph codes (its /W widths)
    with no text, which Qt numbers in the order it first draws them, paired in order with
    the characters beyond the BMP first drawn in that order; none when the counts differ
    (no guessing)."""
    descendant = _DESCENDANT.search(font)
    if descendant is None or int(descendant.group(1)) not in offsets:
        return {}
    cid_font = _object(pdf, offsets[int(descendant.group(1))])[0]
    widths = _WIDTHS.search(cid_font)
    if widths is None:
        return {}
    depth, end = 1, widths.end()
    while depth and end < len(cid_font):  # the /W array, up to its own closing bracket
        depth += {91: 1, 93: -1}.get(cid_font[end], 0)  # "[" and "]"
        end += 1
    codes = _glyph_codes(cid_font[widths.end() : end - 1])
    missing = sorted(code for code in codes - set(mapping) if code)
    if len(missing) != len(unmapped):
        return {}
    return dict(zip(missing, unmapped, strict=True))


def _append_update(pdf: bytes, streams: Mapping[int, bytes]) -> bytes:
    """``pdf`` with new versions of the stream objects ``streams`` appended (an
    incremental update: objects, a cross-reference section, a trailer pointing back)."""
    previous = re.findall(rb"startxref\s+(\d+)", pdf)[-1]
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)[-1]
    keep = b"".join(
        match.group(0) + b"\n"
        for name in (rb"/Size\s+\d+", rb"/Root\s+\d+\s+0\s+R", rb"/Info\s+\d+\s+0\s+R")
        if (match := re.search(name, trailer))
    )
    identity = re.search(rb"/ID\s*\[[^\]]*\]", trailer)
    if identity:
        keep += identity.group(0) + b"\n"
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for number, data in sorted(streams.items()):
        packed = zlib.compress(data)
        offsets[number] = len(out)
        out += (
            f"{number} 0 obj\n<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        )
        out += packed + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets.items()):
        out += f"{number} 1\n{offset:010d} 00000 n \n".encode()
    out += b"trailer\n<<\n" + keep + b"/Prev " + previous + b"\n>>\n"
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
