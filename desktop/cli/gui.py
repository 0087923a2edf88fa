"""``baton`` without a command: open the app (the one CLI module that loads Qt widgets)."""

from __future__ import annotations

import argparse

from desktop.cli import demo
from desktop.cli.context import url
from desktop.main.app import StartOptions, run


def gui(args: argparse.Namespace) -> int:
    return run(
        StartOptions(
            url=url(args, demo=args.demo),
            language=args.lang,
            demo=args.demo,
            demo_generate=demo.fill,
            user_email=args.user,
        )
    )
