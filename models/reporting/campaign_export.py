"""The campaign report as a CSV for Excel and as a self-contained HTML page, in Japanese or
English (:mod:`models.reporting.report_texts`).

The CSV is written by :func:`models.core.files.csv_bytes` (UTF-8 with a byte-order mark
by default, UTF-8, or cp932; cells that would start a formula made text; a character the
encoding lacks refused naming its row and column, before anything is written). The HTML
page has inline CSS and no external resource; Jinja2 escapes every value, and control
characters (a NUL) are dropped from what the page shows.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2

import resources
from models.core.errors import InvalidInput
from models.core.files import csv_bytes
from models.reporting.campaigns import CampaignReport, CampaignRow
from models.reporting.report_texts import reason, texts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COLUMNS = ("leads_sent", "reached", "promoted", "accepted", "returned")


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _reasons(row: CampaignRow, language: str) -> str:
    separator = "、" if language == "ja" else "; "
    return separator.join(f"{reason(language, r.code)} {r.leads}" for r in row.return_reasons)


def _table(
    report: CampaignReport, language: str
) -> tuple[list[str], list[list[object]], list[str]]:
    t = texts(language)
    header = [t["kind"], t["name"], *(t[c] for c in _COLUMNS), t["reasons"], t["median_days"]]
    rows: list[list[object]] = []
    names: list[str] = []
    for kind, section in (("campaign", report.campaigns), ("asset", report.assets)):
        for row in section:
            rows.append(
                [
                    t[kind],
                    row.name,
                    *(getattr(row, c) for c in _COLUMNS),
                    _reasons(row, language),
                    _days(row.median_days),
                ]
            )
            names.append(row.name)
    return header, rows, names


def campaign_csv(
    report: CampaignReport, *, language: str = "ja", encoding: str = "utf-8-sig"
) -> bytes:
    """One row per campaign, then one per content asset."""
    header, rows, names = _table(report, language)
    try:
        return csv_bytes(header, rows, encoding=encoding, row_names=names)
    except InvalidInput as refused:
        if refused.key != "export.unencodable":
            raise
        raise InvalidInput("report.unencodable", **refused.params) from None


def _finalize(value: Any) -> Any:
    return _CONTROL.sub("", value) if isinstance(value, str) else value


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resources.path("reporting")),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _share(part: int, whole: int) -> str:
    return f"{part} ({part / whole:.0%})" if whole else str(part)


def _section(rows: tuple[CampaignRow, ...], language: str) -> list[dict[str, Any]]:
    return [
        {
            "name": row.name,
            "cells": [str(row.leads_sent)]
            + [_share(getattr(row, c), row.leads_sent) for c in _COLUMNS[1:]],
            "reasons": _reasons(row, language),
            "median_days": _days(row.median_days),
        }
        for row in rows
    ]


def _filters(report: CampaignReport, t: dict[str, str]) -> list[tuple[str, str]]:
    kpi = report.filter
    shown = [
        (t["team"], report.team_name),
        (t["rep"], report.rep_name),
        (t["campaign_filter"], kpi.campaign),
        (t["industry"], kpi.industry),
        (
            t["definition_version"],
            None if kpi.definition_version is None else str(kpi.definition_version),
        ),
    ]
    return [(label, value) for label, value in shown if value is not None]


def campaign_html(report: CampaignReport, *, language: str = "ja") -> str:
    """A self-contained page (inline CSS, no external resource) for the monthly review."""
    t = texts(language)
    period = report.filter.period
    return (
        _environment()
        .get_template("campaigns.html.j2")
        .render(
            lang=language,
            t=t,
            period=f"{period.first.isoformat()} – {period.last.isoformat()}",
            zone=report.zone,
            filters=_filters(report, t),
            columns=[t[c] for c in _COLUMNS],
            sections=[
                (t["campaigns"], t["campaign"], _section(report.campaigns, language)),
                (t["assets"], t["asset"], _section(report.assets, language)),
            ],
        )
    )
