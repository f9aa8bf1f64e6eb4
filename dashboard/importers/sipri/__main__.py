import sys

from dashboard.importers.sipri.cli import main

sys.exit(main())
