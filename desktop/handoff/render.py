"""The handoff summary (商談化シート) in words, then as HTML, Markdown or JSON.

:func:`sheet` turns a :class:`HandoffSummary` into what the templates show: every heading
and code already in the user's language, every value a plain string (user text as it
was typed). The templates (``resources/handoff/``) escape: Jinja2's autoescape for HTML,
and for Markdown an escape of every value (:mod:`desktop.handoff.markdown`), so a note
cannot bring in markup, links, images or scripts. QtCore at most: the CLI renders too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

import jinja2

import resources
from desktop.handoff import markdown
from desktop.handoff.sheet import sheet
from models.handoff.summary import HandoffSummary

TEMPLATES = resources.path("handoff")

#: The formats a summary is written in, and the file name suffix of each.
SUFFIXES = {"pdf": ".pdf", "html": ".html", "md": ".md", "json": ".json"}


@cache
def _html_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def _markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701 - Markdown, not HTML: finalize escapes every value
        finalize=markdown.finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["block"] = markdown.block
    environment.filters["link"] = markdown.link
    environment.globals["pad"] = markdown.pad
    return environment


def html(summary: HandoffSummary) -> str:
    """A self-contained HTML page (inline CSS, no external resource, A4 when printed)."""
    return _html_environment().get_template("summary.html.j2").render(s=sheet(summary))


def qt_html(summary: HandoffSummary) -> str:
    """The same sheet in the HTML subset Qt's QTextDocument lays out (for the PDF)."""
    return _html_environment().get_template("summary.qt.html.j2").render(s=sheet(summary))


def markdown_text(summary: HandoffSummary) -> str:
    """Markdown to paste into mail or chat; every value escaped."""
    return _markdown_environment().get_template("summary.md.j2").render(s=sheet(summary))


def json_text(summary: HandoffSummary) -> str:
    """The summary's data (codes, ISO dates), for scripts."""
    return json.dumps(summary.to_data(), ensure_ascii=False, indent=2) + "\n"


def render(summary: HandoffSummary, fmt: str) -> bytes:
    """The summary as a file's bytes in ``fmt`` (pdf, html, md or json)."""
    return renderer(fmt)(summary)


def renderer(fmt: str) -> Callable[[HandoffSummary], bytes]:
    """What writes ``fmt``: the PDF's loads Qt's GUI module only when first called."""
    if fmt == "pdf":

        def pdf_bytes(summary: HandoffSummary) -> bytes:
            from desktop.handoff import pdf  # noqa: PLC0415 - QtGui only for PDFs

            return pdf.pdf_bytes(summary)

        return pdf_bytes
    text: dict[str, Callable[[HandoffSummary], str]] = {
        "html": html,
        "md": markdown_text,
        "json": json_text,
    }
    if fmt not in text:
        raise ValueError(f"unknown summary format {fmt!r}; expected one of {', '.join(SUFFIXES)}")
    write = text[fmt]
    return lambda summary: write(summary).encode("utf-8")
