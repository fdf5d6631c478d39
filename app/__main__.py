import sys

from app.records import logs
from app.cli import main

if __name__ == "__main__":  # not when a worker process of the import starts (app.exchange.ahead)
    logs.configure("cli")  # the log file that an "unexpected error" line points to
    sys.exit(main())
