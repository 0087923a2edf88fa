"""Text that orders the same on every backend: code point by code point.

SQLite compares text with ``memcmp`` (UTF-8 bytes, that is code points). PostgreSQL
compares with the database's collation, which may be linguistic (an ICU ``ja-JP`` or a
libc ``ja_JP.UTF-8`` database ignores case and punctuation at first, treats hiragana and
katakana alike, ...). Baton's sort keys already encode the order a user expects
(:func:`models.core.text.sort_key`), so every ``ORDER BY`` on text wraps its expression
in :func:`bytewise`: ``COLLATE "C"`` on PostgreSQL, the expression itself elsewhere.
This is the one place that knows the difference.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class bytewise(FunctionElement[str]):  # noqa: N801 - reads as a SQL function in statements
    """``expression`` compared code point by code point on every backend."""

    type = String()
    name = "bytewise"
    inherit_cache = True

    def __init__(self, expression: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        super().__init__(expression)


@compiles(bytewise)
def _compile_plain(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite (BINARY, the default collation) already compares byte-wise.
    return compiler.process(element.clauses, **kw)


@compiles(bytewise, "postgresql")
def _compile_postgresql(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'
