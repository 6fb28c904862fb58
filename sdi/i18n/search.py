"""Strings of search and keywords: `sdi keywords`, and the workbench's search view and keyword table."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # sdi keywords
    "kw.by.group": {"nb": "Fokusgruppe", "en": "Focus group"},
    "kw.by.category": {"nb": "Kategori", "en": "Category"},
    "kw.by.site": {"nb": "Sted", "en": "Site"},
    "kw.by.stage": {"nb": "Runde", "en": "Stage"},
    "kw.stage_name": {"nb": "runde {number}", "en": "stage {number}"},
    "kw.lemma": {"nb": "Nøkkelord", "en": "Keyword"},
    "kw.g2": {"nb": "G²", "en": "G²"},
    "kw.count": {"nb": "Her", "en": "Here"},
    "kw.rest": {"nb": "Resten", "en": "Rest"},
    "kw.rate": {"nb": "per 1000", "en": "per 1000"},
    "kw.none": {"nb": "(ingen særpregede ord)", "en": "(no distinctive words)"},
    "kw.empty": {
        "nb": "Ingen ytringer å telle ennå. Kjør `sdi import`.",
        "en": "No turns to count yet. Run `sdi import`.",
    },
    "kw.one_slice": {
        "nb": "Bare én {what} i prosjektet: nøkkelord trenger noe å sammenligne med.",
        "en": "Only one {what} in the project: keywords need something to compare with.",
    },
    "kw.note": {
        "nb": "Informantenes ord (ikke moderatorens), mot resten av korpuset; log-likelihood G² "
        "(≥ {g2}, p < 0,01), minst {count} forekomster; stoppord og fyllord fjernet.",
        "en": "Informants' words (not the moderator's) against the rest of the corpus; log-likelihood G² "
        "(≥ {g2}, p < 0.01), at least {count} occurrences; stop words and fillers removed.",
    },
    "search.hits": {"nb": "{count} treff", "en": "{count} hits"},
    "search.ignored": {"nb": "(stoppord som ble oversett: {words})", "en": "(ignored stop words: {words})"},
}
