"""What is read out of the records: the figures of the monthly and annual report, the ledgers, the monthly
close and its reconciliation statement, report documents, Excel, and the printouts of slips, receipts,
notices and letters. Never imports the services or the command line."""
