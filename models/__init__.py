"""Persistence for Complaint Desk: peewee models and database set-up. No Qt here."""
from models.db import database, init_db, close_db, transaction, SCHEMA_VERSION  # noqa: F401
from models.entities import *  # noqa: F401,F403
from models.entities import ALL_MODELS  # noqa: F401
from models.paper import PaperAttachment, PaperStatus  # noqa: F401  (adds its tables to ALL_MODELS)
