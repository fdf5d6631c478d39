"""The paper side of a numbered slip 纸质单据: printed, the customer's signed copy returned and filed, and
scans or photographs of the signed paper attached to the case.

These rows stay at the branch, where the paper is: they are plain ``BaseModel`` tables (not ``Record``), so the
USB exchange does not carry them; headquarters reconciles numbers from the exchanged cases, voided numbers and
print records. The attached files live in the ``attachments`` folder next to the database; a row keeps the
file's SHA-256 so that a changed or missing file is noticed.
"""
from __future__ import annotations

from peewee import CharField, IntegerField, TextField

from models.entities import ALL_MODELS, BaseModel, new_uuid, utcnow
from models.fields import InstantField


class PaperStatus(BaseModel):
    """Where the signed paper of one numbered document is: returned signed by the customer, filed (归档)."""

    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    document = CharField(max_length=16, default="slip")  # slip | receipt | notice
    number = CharField(index=True)
    signed_returned_at = InstantField(null=True)
    signed_returned_by = CharField(default="")
    filed_at = InstantField(null=True)
    filed_by = CharField(default="")
    location = CharField(default="")  # e.g. the binder 案宗 the paper is filed in
    note = TextField(default="")
    updated_at = InstantField(default=utcnow)

    class Meta:
        indexes = ((("document", "number"), True),)


class PaperAttachment(BaseModel):
    """A scanned or photographed signed paper attached to a case, stored as a file in the data folder."""

    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    document = CharField(max_length=16, default="slip")
    number = CharField(index=True)
    original_name = CharField()
    stored_name = CharField()  # the file's name inside the attachments folder
    sha256 = CharField(max_length=64)
    size = IntegerField()
    attached_by = CharField()
    attached_at = InstantField(default=utcnow)


PAPER_MODELS = [PaperStatus, PaperAttachment]
for _model in PAPER_MODELS:
    if _model not in ALL_MODELS:
        ALL_MODELS.append(_model)
