"""The windows of Complaint Desk (Qt only). Everything here talks to ``app.services``; nothing runs SQL."""
