"""``python -m ui``: start the desk (the same entry as the packaged ``complaint-desk``, ui/entry.py)."""
import sys

from ui.entry import main

if __name__ == "__main__":  # not when a worker process of the import starts (app.exchange.ahead)
    sys.exit(main())
