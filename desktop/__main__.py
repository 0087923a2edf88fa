"""``python -m desktop``: the same as the ``baton`` command."""

import sys

from desktop.cli import main

sys.exit(main())
