"""Turning an export's bytes into text, in the order Japanese teams' files need.

Strict UTF-8 first (a byte-order mark stripped: Excel's "CSV UTF-8"), then CP932
(Excel's default "CSV" on a Japanese Windows, a superset of Shift_JIS), then, as a last
resort, a detector (charset-normalizer). UTF-16 with its byte-order mark (Excel's
"Unicode text") is read as such. The encoding used is always said.

CP932 decodes many non-Japanese byte sequences without an error (Latin-1 "è" followed
by a letter is a rare kanji, an upper-case accented letter a half-width katakana), so a
CP932 reading must also look like Japanese: no C1 control characters, nothing from the
user-defined area, and at least as many characters of JIS rows 1-47 (kana, full-width
signs, common kanji: what Japanese text is mostly made of) as of the rest (rare kanji,
vendor extensions, half-width katakana). The detector guesses single-byte encodings
poorly on short files (French Latin-1 read as Central European CP1250): its reading is
taken only when every reading about as likely gives the same text. What no encoding
makes sense of is refused as garbled, never imported as mojibake.

A few control characters in cells (a NUL pasted into a name) do not make a file binary:
those rows are rejected one by one; a file that is mostly control bytes is binary.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from typing import Final

from models.core.errors import InvalidInput

#: Encodings as reported to the user.
UTF8: Final = "UTF-8"
UTF8_BOM: Final = "UTF-8 (BOM)"
CP932: Final = "CP932 (Shift_JIS)"

#: Starts of files that are no text export (a spreadsheet is read as one before this).
_BINARY_MAGIC: Final = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\xd0\xcf\x11\xe0",  # an old .xls (OLE2): save it as .xlsx or CSV
    b"PK\x03\x04",  # a zip that is not an XLSX
    b"\x1f\x8b",
    b"SQLite format 3",
)
#: The share of a detector's reading that may be noise before it counts as garbage.
_MAX_CHAOS: Final = 0.2
#: Readings whose noise is within this of the best one's are as likely as the best.
_AS_LIKELY: Final = 0.05
#: The share of control characters (tab and line ends aside) above which a file is binary.
_MAX_CONTROLS: Final = 0.05
_SAMPLE: Final = 65_536
_CONTROL_BYTES: Final = bytes(b for b in range(32) if b not in b"\t\n\r\x0c")


@dataclass(frozen=True)
class Decoded:
    text: str
    #: The encoding as said to the user (UTF-8, UTF-8 (BOM), CP932 (Shift_JIS), ...).
    encoding: str


def decode(data: bytes, file: str) -> Decoded:
    """The text of an export, or :class:`InvalidInput` naming ``file`` and what is wrong."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, file)
    if _binary(data):
        raise InvalidInput("import.file_binary", field="file", file=file)
    if data.startswith(codecs.BOM_UTF8):
        decoded = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", UTF8_BOM)
    else:
        decoded = _strict(data, "utf-8", UTF8)
    if decoded is None:
        decoded = _strict(data, "cp932", CP932)
        if decoded is not None and not _looks_like_text(decoded.text, japanese=True):
            decoded = None
    if decoded is None:
        decoded = _detected(data)
    if decoded is None:
        raise InvalidInput("import.file_garbled", field="file", file=file)
    if not decoded.text.strip():
        raise InvalidInput("import.file_empty", field="file", file=file)
    return decoded


def _binary(data: bytes) -> bool:
    """A known binary format, or mostly control bytes (a few NULs in cells are rows to
    reject, not a binary file)."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROLS * len(sample)


def _strict(data: bytes, codec: str, said: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), said)
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes, file: str) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise InvalidInput("import.file_garbled", field="file", file=file) from None
    if not text.strip():
        raise InvalidInput("import.file_empty", field="file", file=file)
    return Decoded(text, "UTF-16")


def _detected(data: bytes) -> Decoded | None:
    # Loaded only for the files that need it (charset-normalizer imports in ~40 ms).
    from charset_normalizer import from_bytes  # noqa: PLC0415 - see above

    readings = from_bytes(data)
    best = readings.best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    text = str(best)
    if not _looks_like_text(text, japanese=False):
        return None
    for other in readings:
        if other.chaos <= best.chaos + _AS_LIKELY and str(other) != text:
            return None  # as likely, but other letters: which is right is a guess
    return Decoded(text, best.encoding.upper().replace("_", "-"))


def _looks_like_text(text: str, *, japanese: bool) -> bool:
    """Among whatever is not ASCII (every encoding reads ASCII alike, control bytes
    included: :func:`decode` counted those), no control characters and nothing from the
    private-use area; for a CP932 reading, at least as many characters of JIS rows 1-47
    as of the rest."""
    sample = text[:200_000]
    common = 0
    rare = 0
    for ch in sample:
        if ch < "\x80":
            continue
        category = unicodedata.category(ch)
        if category in {"Co", "Cc", "Cs"} or ch == "\ufffd":
            return False
        if japanese:
            # Rows 1-47 of JIS X 0208 are the lead bytes 0x81-0x98 (0x99-0x9F: rare kanji).
            if ch.encode("cp932")[0] <= 0x98:
                common += 1
            else:
                rare += 1
    return common >= rare
