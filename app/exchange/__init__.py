"""USB exchange between branches and headquarters 数据交换 (no Qt here).

- ``keys``: signing and encryption key pairs, enrolment files.
- ``bundle``: the signed, encrypted file format and safe writing to a removable drive (independent of models).
- ``export``: a branch's bundle of everything changed since headquarters last acknowledged.
- ``importer``: headquarters' import (one transaction per bundle), receipts, policy bundles.
"""
