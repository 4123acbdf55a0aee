import sys

from pbxware_sim.cli import main

sys.exit(main())
