import sys

from app.cli import main

if __name__ == "__main__":  # not when a worker process of the import starts (app.exchange.ahead)
    sys.exit(main())
