"""`python -m newspage`: the same as the `newspage` command."""

from .cli import main

raise SystemExit(main())
