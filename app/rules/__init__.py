"""The rules of complaint handling, as plain functions and tables over the models (docs/rules.md).

Classification (R1), contact hours (R4), deadlines and the working-day calendar (R3), validation of what is
typed or received, policy, numbering (R11), the workflow table, and access: who sees a case (R2, R9), who may
act (R12) and how personal data is masked (R13). Nothing here imports the services, the reports, the records
or the command line.
"""
