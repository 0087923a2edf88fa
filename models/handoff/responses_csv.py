"""Field sales' answers from a CSV file (a field rep answering a batch from a spreadsheet).

Columns: ``handoff`` (the id), ``answer`` (accept or reject), ``reason`` (a rejection's
reason code), ``text`` (why, in words), ``return_to`` (queue or nurture; default queue).
Excel's encodings are read (UTF-8 with or without BOM, cp932). Each row is answered in
its own transaction: a bad row is reported with its line and field and the good rows
still land.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from models.core.enums import ReturnTo
from models.core.errors import BatonError, InvalidInput
from models.handoff.respond import Answer, respond

COLUMNS = ("handoff", "answer", "reason", "text", "return_to")
_ANSWERS = {"accept": True, "accepted": True, "reject": False, "rejected": False}


@dataclass(frozen=True)
class RowProblem:
    line: int
    error: BatonError


@dataclass
class ResponsesReport:
    answered: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput("responses.unreadable", field="file", file=str(path)) from error
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput("responses.encoding", field="file", file=str(path))


def read_answers(path: Path) -> Iterator[tuple[int, Answer | BatonError]]:
    """(line, the answer or why the row cannot be one) for every data row of the file."""
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in ("handoff", "answer") if name not in header]
    if missing:
        raise InvalidInput(
            "responses.header", field="header", file=str(path), missing=", ".join(missing)
        )
    reader.fieldnames = header
    for row in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        try:
            handoff_id = int(values.get("handoff", ""))
        except ValueError:
            yield (
                line,
                InvalidInput(
                    "responses.row_handoff", field="handoff", line=line, value=values.get("handoff")
                ),
            )
            continue
        answer = values.get("answer", "").lower()
        if answer not in _ANSWERS:
            yield (
                line,
                InvalidInput(
                    "responses.row_answer", field="answer", line=line, value=values.get("answer")
                ),
            )
            continue
        yield (
            line,
            Answer(
                handoff_id,
                accept=_ANSWERS[answer],
                reason=values.get("reason") or None,
                text=values.get("text", ""),
                return_to=values.get("return_to") or ReturnTo.QUEUE.value,
            ),
        )


def answer_file(
    write: Callable[[], AbstractContextManager[Session]],
    user_id: int,
    path: Path,
    now: datetime,
) -> ResponsesReport:
    """Answer every good row of ``path``, each in its own transaction (``write()``)."""
    report = ResponsesReport()
    for line, item in read_answers(path):
        if isinstance(item, BatonError):
            report.problems.append(RowProblem(line, item))
            continue
        try:
            with write() as session:
                respond(session, user_id, item, now)
        except BatonError as error:
            report.problems.append(RowProblem(line, error))
            continue
        report.answered += 1
    return report
