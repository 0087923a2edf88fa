"""Escaping user text for Markdown, so what a rep typed stays text wherever it is pasted.

A note like ``[click](https://evil.example)``, ``![x](http://…)``, ``<script>`` or
``# Heading`` must not become a link, an image, HTML or a heading when the Markdown
summary is pasted into mail or chat. Every value the Markdown template prints is escaped
(:func:`finalize`, Jinja2's hook for every ``{{ … }}``); the filters that build markup
themselves (:func:`block`, :func:`link`) escape what they are given and mark their result
:class:`Safe` so it is not escaped twice.

CommonMark lets any ASCII punctuation be escaped with a backslash; we escape what starts
markup anywhere (``\\ ` * _ { } [ ] < > & | ~ ! @``), what starts a block at the start of
a line (``# > + - =``, ``1.``), and the start of bare web addresses (``https://``,
``www.``) so a renderer that links them (GitHub-flavoured Markdown) leaves them as text.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that start inline markup wherever they stand (``@``: e-mail autolinks).
_INLINE = frozenset("\\`*_{}[]<>&|~!@")
#: What makes a line a heading, quote, list item, rule or setext underline.
_BLOCK_START = re.compile(r"([#>+\-=]|\d{1,9}[.)])")
_SCHEME = re.compile(r"(?i)(?<=[a-z0-9])://")
_WWW = re.compile(r"(?i)\b(www)\.")


class Safe(str):
    """Markdown already escaped by a filter: :func:`finalize` prints it as it is."""

    __slots__ = ()


def _clean(text: str) -> str:
    """Tabs as spaces, no control characters (but line breaks), no carriage returns."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")


def escape_line(text: str, *, line_start: bool = True) -> str:
    """One line of plain text as Markdown that shows exactly that text; ``line_start``:
    it may begin a line, where ``#``, ``-``, ``1.``... would start a block."""
    text = text.strip()
    out = "".join("\\" + ch if ch in _INLINE else ch for ch in text)
    out = _SCHEME.sub(r"\\://", out)
    out = _WWW.sub(r"\1\\.", out)
    marker = _BLOCK_START.match(out) if line_start else None
    if marker:
        end = marker.end() - 1  # escape the marker's last character ("1." -> "1\.")
        out = out[:end] + "\\" + out[end:]
    return out


def escape(text: object) -> str:
    """Plain text as Markdown inside a line (line breaks become spaces): the template
    prints every value after some markup of its own, never at the start of a line (what
    may start one goes through :func:`block`)."""
    lines = [escape_line(line, line_start=False) for line in _clean(str(text)).split("\n")]
    return " ".join(line for line in lines if line)


def finalize(value: object) -> object:
    """Jinja2's hook for every printed value: escaped unless a filter made it :class:`Safe`."""
    if value is None:
        return ""
    if isinstance(value, Safe):
        return value
    return escape(value)


def block(text: object, indent: str = "") -> Safe:
    """Several lines of plain text, each escaped, kept as lines (hard line breaks);
    ``indent`` continues a list item. Blank lines are dropped (they would end the item)."""
    lines = [escape_line(line) for line in _clean(str(text or "")).split("\n")]
    return Safe(("  \n" + indent).join(line for line in lines if line))


def pad(depth: int) -> Safe:
    """Two spaces per level of a nested list."""
    return Safe("  " * depth)


def link(text: object, href: str | None) -> Safe:
    """``[text](href)``: the text escaped; ``href`` is one the sheet built and encoded
    (``tel:``/``mailto:``, see :mod:`desktop.handoff.sheet`), or the text alone."""
    shown = escape(text)
    if not href or any(ch in href for ch in " ()<>\n"):
        return Safe(shown)
    return Safe(f"[{shown}]({href})")
