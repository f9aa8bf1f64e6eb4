import sys

from dashboard.serve.supervisor import main

sys.exit(main())
