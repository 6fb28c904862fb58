"""Warnings of an import (the readers in `sdi.ingest`, the corpus import in `sdi.workflow`), raised as
`Notice`s so `sdi import` and the workbench say them in the project's language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ingest.empty_turn": {
        "nb": "tom ytring fra {speaker} på linje {line} hoppet over",
        "en": "empty turn for {speaker} at line {line} skipped",
    },
    "ingest.undeclared_speaker": {
        "nb": "taleren {speaker} på linje {line} står ikke blant deltakerne",
        "en": "undeclared speaker {speaker} at line {line}",
    },
    "ingest.repaired_docx": {
        "nb": "reparerte {count} feildekodede tegnsekvens(er) (f.eks. «Ã¸» → «ø»)",
        "en": "repaired {count} mis-decoded character sequence(s) (e.g. 'Ã¸' → 'ø')",
    },
    "ingest.repaired_text": {
        "nb": "reparerte {count} feildekodede tegnsekvens(er) (UTF-8-tekst lest som Windows-1252, "
        "f.eks. «Ã¸» → «ø»)",
        "en": "repaired {count} mis-decoded character sequence(s) "
        "(UTF-8 text that had been read as Windows-1252, e.g. 'Ã¸' → 'ø')",
    },
    "ingest.table_ignored": {
        "nb": "tabell {number} ble ikke lest: den er ikke en tabell med taler | tekst",
        "en": "table {number} ignored: not a speaker | text table",
    },
    "ingest.no_group": {
        "nb": "ingen fokusgruppe i metadataene; bruker «{group}»",
        "en": "no group in the metadata; using '{group}'",
    },
    "ingest.no_stage": {
        "nb": "ingen runde i metadataene; bruker runde 1",
        "en": "no stage in the metadata; using stage 1",
    },
}
