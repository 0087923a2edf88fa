"""A set of ids read once and used in several statements, as one parameter.

``column IN (:a, :b, …)`` with one parameter per id runs out of parameters past 32,766
ids on SQLite (65,535 on PostgreSQL) and costs a bind per id in every statement. Here
the ids travel as one value: a JSON array SQLite's ``json_each`` unpacks, an integer
array PostgreSQL compares with ``= ANY`` (hashed past a handful of elements).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Integer, any_, bindparam, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session


def among(session: Session, column: Any, ids: Collection[int]) -> ColumnElement[bool]:
    """``column`` is one of ``ids`` (any number of them), for ``session``'s database."""
    ordered = sorted(ids)
    if session.get_bind().dialect.name == "postgresql":
        array = bindparam(None, ordered, type_=postgresql.ARRAY(Integer))
        return column == any_(array)  # type: ignore[no-any-return]
    values = func.json_each(json.dumps(ordered)).table_valued("value")
    return column.in_(select(values.c.value))  # type: ignore[no-any-return]
