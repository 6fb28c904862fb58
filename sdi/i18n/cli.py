"""Labels of the command line (`sdi status`, `sdi import`, `sdi show`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "project": {"nb": "Prosjekt", "en": "Project"},
    "database": {"nb": "Database", "en": "Database"},
    "coder": {"nb": "Koder", "en": "Coder"},
    "nlp": {"nb": "Språkmodell", "en": "NLP model"},
    "nlp.offline": {
        "nb": "offline norsk pipeline (oppslagslemmaer, setninger{lacks}) — {model} er ikke installert",
        "en": "offline Norwegian pipeline (lookup lemmas, sentences{lacks}) — {model} is not installed",
    },
    "nlp.offline_chosen": {
        "nb": "offline norsk pipeline (oppslagslemmaer, setninger{lacks})",
        "en": "offline Norwegian pipeline (lookup lemmas, sentences{lacks})",
    },
    "nlp.shipped_failed": {
        "nb": "; sdis egen pipeline kunne ikke lastes ({reason})",
        "en": "; sdi's own pipeline could not be loaded ({reason})",
    },
    "nlp.shipped": {
        "nb": "sdis egen norske pipeline {model} (lemmaer, setninger{lacks})",
        "en": "sdi's own Norwegian pipeline {model} (lemmas, sentences{lacks})",
    },
    "nlp.missing": {"nb": " — {model} er ikke installert", "en": " — {model} is not installed"},
    "nlp.model": {
        "nb": "spaCy-modellen {model} (lemmaer, setninger{lacks})",
        "en": "spaCy model {model} (lemmas, sentences{lacks})",
    },
    "nlp.lacks": {"nb": "; uten {what}", "en": "; no {what}"},
    "nlp.pos": {"nb": "ordklasser", "en": "POS tags"},
    "nlp.entities": {"nb": "navngitte enheter", "en": "entities"},
    "group": {"nb": "Fokusgruppe", "en": "Focus group"},
    "site": {"nb": "Sted", "en": "Site"},
    "stage": {"nb": "Runde", "en": "Stage"},
    "date": {"nb": "Dato", "en": "Date"},
    "transcripts": {"nb": "Transkripsjoner", "en": "Transcripts"},
    "transcript": {"nb": "Transkripsjon", "en": "Transcript"},
    "words": {"nb": "Ord", "en": "Words"},
    "speakers": {"nb": "Talere", "en": "Speakers"},
    "turns": {"nb": "Ytringer", "en": "Turns"},
    "coded": {"nb": "Kodet", "en": "Coded"},
    "codes": {"nb": "Koder", "en": "Codes"},
    "code_groups": {"nb": "Kodegrupper", "en": "Code groups"},
    "concepts": {"nb": "Begreper", "en": "Concepts"},
    "total": {"nb": "Totalt", "en": "Total"},
    "groups": {"nb": "fokusgrupper", "en": "focus groups"},
    "stages": {"nb": "runder", "en": "stages"},
    "ungrouped": {"nb": "ugrupperte koder", "en": "ungrouped codes"},
    "codings": {"nb": "kodinger", "en": "codings"},
    "flagged": {
        "nb": "kodinger må sees på etter endret transkripsjon",
        "en": "codings need a look after a transcript changed",
    },
    "speakers_note": {
        "nb": "Talere: informanter som sa noe (uten moderator).",
        "en": "Speakers: informants who spoke (moderator not counted).",
    },
    "empty": {
        "nb": "Ingen transkripsjoner ennå. Kjør `sdi import`.",
        "en": "No transcripts yet. Run `sdi import`.",
    },
    "imported": {"nb": "importert", "en": "imported"},
    "updated": {"nb": "ny versjon", "en": "new version"},
    "metadata": {"nb": "metadata oppdatert", "en": "metadata updated"},
    "unchanged": {"nb": "uendret", "en": "unchanged"},
    "failed": {"nb": "feilet", "en": "failed"},
    "version": {"nb": "versjon", "en": "version"},
    "import_summary": {
        "nb": "{files} filer: {imported} importert, {updated} nye versjoner, {unchanged} uendret, "
        "{failed} feilet",
        "en": "{files} files: {imported} imported, {updated} new versions, {unchanged} unchanged, "
        "{failed} failed",
    },
    "flagged_after_import": {
        "nb": "{n} kodinger fikk endret eller mistet teksten sin og er flagget",
        "en": "{n} codings had their words changed or removed and are flagged",
    },
    "moderator": {"nb": "moderator", "en": "moderator"},
    "initialised": {"nb": "Opprettet prosjekt i {path}", "en": "Created a project in {path}"},
}
