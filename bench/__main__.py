"""``python -m bench [--size N]``: the benchmark table of issue 9 (see bench/harness.py)."""
import sys

from bench.harness import main

sys.exit(main())
