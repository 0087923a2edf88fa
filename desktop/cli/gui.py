"""``baton`` without a command: open the app (the one CLI module that loads Qt widgets).

Qt's GUI libraries are loaded only after the platform check: on a machine that lacks
the system libraries Qt's window needs, importing them would fail (or Qt would abort)
naming one library; the check names them all, with the command that installs them.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli.context import EXIT_FAILED, url
from desktop.main import platform_check


def gui(args: argparse.Namespace) -> int:
    refused = platform_check.refusal(args.lang)
    if refused is not None:
        print(refused, file=sys.stderr)
        return EXIT_FAILED
    from desktop.cli import demo
    from desktop.main.app import StartOptions, run

    return run(
        StartOptions(
            url=url(args, demo=args.demo),
            language=args.lang,
            demo=args.demo,
            demo_generate=demo.fill,
            user_email=args.user,
        )
    )
