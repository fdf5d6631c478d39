"""What keeps the records whole: the append-only history (R13), the search index, integrity checks, backups
and their restore, sealed files and safe file writes. Built on the rules; never imports the reports, the
services or the command line."""
