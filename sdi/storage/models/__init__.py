"""Every model, imported in one place so Alembic and the session factory see the whole schema."""

from sdi.storage.models.analysis import Code, CodeGroup, Coder, Coding, Concept, ConceptQuote
from sdi.storage.models.audit import AuditEvent, Memo
from sdi.storage.models.corpus import Document, DocumentVersion, FocusGroup, Participant, Stage, Utterance
from sdi.storage.models.history import HistoryChange, HistoryEntry
from sdi.storage.models.search import UtteranceIndex
from sdi.storage.models.writing import Quote, QuoteSet

__all__ = [
    "AuditEvent",
    "Code",
    "CodeGroup",
    "Coder",
    "Coding",
    "Concept",
    "ConceptQuote",
    "Document",
    "DocumentVersion",
    "FocusGroup",
    "HistoryChange",
    "HistoryEntry",
    "Memo",
    "Participant",
    "Quote",
    "QuoteSet",
    "Stage",
    "Utterance",
    "UtteranceIndex",
]
