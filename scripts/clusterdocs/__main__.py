"""`python -m clusterdocs`: the command line (see clusterdocs.cli)."""

from clusterdocs.cli import main

raise SystemExit(main())
