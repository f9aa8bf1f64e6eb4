import sys

from dashboard.importers.unvotes.cli import main

sys.exit(main())
