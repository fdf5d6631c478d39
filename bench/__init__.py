"""The benchmark harness (``make bench``): a generated data set, every target measured, one table."""
