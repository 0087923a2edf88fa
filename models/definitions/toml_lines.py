"""Which line of a TOML text holds a value, by the path a parser names it with.

``tomllib`` keeps no positions, and the criteria parser names what it refuses by path
(``criteria.items[2].within_days``). :func:`locate` scans the text's table headers and keys
(``[[criteria.items]]`` is the next element of that array, a nested ``[[criteria.items.
items]]`` belongs to the last one, as TOML says), giving each concrete path the line where
it is written; :func:`line_of` finds the line of a path, or of the nearest enclosing one
written (a key that is missing: its table's header).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_INDEX = re.compile(r"\[\d+\]$")
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _split_key(text: str) -> list[str] | None:
    """A dotted key (``a."b.c".d``) as its parts; None if ``text`` is not a key."""
    parts: list[str] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            return None
        if text[i] in "\"'":
            quote = text[i]
            end = i + 1
            while end < n and text[end] != quote:
                end += 2 if quote == '"' and text[end] == "\\" else 1
            if end >= n:
                return None
            raw = text[i + 1 : end]
            parts.append(raw.replace('\\"', '"').replace("\\\\", "\\") if quote == '"' else raw)
            i = end + 1
        else:
            match = _BARE.match(text, i)
            if match is None:
                return None
            parts.append(match.group())
            i = match.end()
        while i < n and text[i] in " \t":
            i += 1
        if i == n:
            return parts
        if text[i] != ".":
            return None
        i += 1


def _key_part(line: str) -> tuple[str, str] | None:
    """``(key, value)`` of a ``key = value`` line (the ``=`` outside quotes)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return line[:i], line[i + 1 :]
    return None


def _depth_change(value: str) -> int:
    """How many brackets ``value`` leaves open (outside strings and comments)."""
    depth, quote = 0, ""
    i = 0
    while i < len(value):
        ch = value[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth


def locate(text: str) -> dict[str, int]:
    """Each table, array element and key of ``text`` by concrete path -> its line (1-based)."""
    found: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    depth = 0
    in_string = ""

    def note(path: str, line: int) -> None:
        found.setdefault(path, line)

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if in_string:  # inside a multi-line string
            if in_string in line:
                in_string = ""
            continue
        if depth > 0:  # inside a multi-line array or table
            depth = max(depth + _depth_change(line), 0)
            continue
        if not line or line.startswith("#"):
            continue
        array = line.startswith("[[")
        if line.startswith("["):
            inner = line[2:] if array else line[1:]
            close = inner.find("]]" if array else "]")
            parts = _split_key(inner[:close]) if close >= 0 else None
            if parts is None:
                continue
            path = ""
            for i, part in enumerate(parts):
                path = f"{path}.{part}" if path else part
                last = i == len(parts) - 1
                if last and array:
                    index = counts.get(path, 0)
                    counts[path] = index + 1
                    note(path, number)
                    path = f"{path}[{index}]"
                elif path in counts:
                    path = f"{path}[{counts[path] - 1}]"
                note(path, number)
            table = path
            continue
        pair = _key_part(line)
        if pair is None:
            continue
        parts = _split_key(pair[0])
        if parts is None:
            continue
        path = table
        for part in parts:
            path = f"{path}.{part}" if path else part
            note(path, number)
        value = pair[1].strip()
        for mark in ('"""', "'''"):
            if value.startswith(mark) and value.count(mark) == 1:
                in_string = mark
        if not in_string:
            depth = max(_depth_change(value), 0)
    return found


def line_of(lines: Mapping[str, int], path: str) -> int:
    """The line of ``path``, else of the nearest enclosing path written; 1 if none is."""
    while path:
        if path in lines:
            return lines[path]
        path = _INDEX.sub("", path) if _INDEX.search(path) else path.rpartition(".")[0]
    return 1
