"""``python -m ui``: start the desk (the same entry as the packaged ``complaint-desk``, ui/entry.py)."""
import sys

from ui.entry import main

sys.exit(main())
