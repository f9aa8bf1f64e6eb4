"""`python -m dashboard.build [--data DIR] [--out FILE]`: the command that builds the database.

The steps live in dashboard/pipeline/ (read, correct, check, write); this module is only the entry point
that other parts and the README rely on.
"""

import sys

from dashboard.pipeline.build import main

if __name__ == "__main__":
    sys.exit(main())
