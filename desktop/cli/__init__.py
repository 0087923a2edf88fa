"""The ``baton`` command: with no subcommand it opens the app; subcommands run headless.

Exit codes: 0 success, 2 bad input or an unusable database (a message on stderr says
which and why), 1 anything else. Nothing is written when a command fails.

The parser is in :mod:`desktop.cli.parser`; each command group has its own module,
imported only when one of its commands runs (:mod:`desktop.cli.gui` alone loads Qt's
widgets).

:func:`main` is a process's entry point (the ``baton`` script, ``python -m desktop``),
and tunes the cyclic garbage collector for a short life, see :func:`_start_up`.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module

from sqlalchemy.exc import DBAPIError

from desktop.cli.parser import GUI, Handler, parser
from models.core.errors import BatonError
from models.db.failures import as_error


@contextmanager
def _start_up() -> Iterator[None]:
    """Start up without the cyclic garbage collector, then freeze what start-up made.

    Start-up makes a few hundred thousand objects that live as long as the process
    (modules, classes, SQLAlchemy's tables and mappers); collecting among them again and
    again while they are made cost about 30 ms of a headless command. Frozen
    (``gc.freeze``), later collections skip them; the collector is on for the command.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _command(handler: Handler) -> Callable[..., int]:
    module, function = handler
    command: Callable[..., int] = getattr(import_module(f"desktop.cli.{module}"), function)
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (or the app); the process's exit code."""
    try:
        return _main(argv)
    finally:
        # The process ends next: a last collection over every object (about 80 ms with
        # SQLAlchemy and Qt loaded) would only find what exit frees anyway.
        gc.freeze()


def _main(argv: Sequence[str] | None) -> int:
    with _start_up():
        args = parser().parse_args(argv)
        for name in ("db", "lang", "now"):
            if not hasattr(args, name):
                setattr(args, name, None)
        from desktop.cli.context import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK

        if args.handler != GUI and getattr(args, "demo", False):
            print(
                "baton: --demo opens the app; use 'baton demo' to fill a database.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        command = _command(args.handler)
    try:
        result: int = command(args)
    except BatonError as exc:
        return _refused(exc, args.lang)
    except DBAPIError as exc:
        # The database failed the command (read-only, full, busy, gone): said plainly,
        # in the user's language, never as a traceback with SQL.
        error = as_error(exc)
        if error is None:
            raise
        return _refused(error, args.lang)
    except BrokenPipeError:  # output piped into head and closed early
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("baton: interrupted; nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    return result


def _refused(exc: BatonError, language: str | None) -> int:
    from desktop.cli.context import EXIT_BAD_INPUT, speak
    from desktop.i18n import messages

    speak(language)
    print(f"baton: {messages.message(exc)}", file=sys.stderr)
    return EXIT_BAD_INPUT
