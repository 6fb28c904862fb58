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
    "search.hits_limited": {
        "nb": "{count} treff, de {shown} beste vist (--limit N for flere)",
        "en": "{count} hits, the best {shown} shown (--limit N for more)",
    },
    "search.ignored": {"nb": "(stoppord som ble oversett: {words})", "en": "(ignored stop words: {words})"},
    # the workbench: search view
    "tui.key.search": {"nb": "Søk", "en": "Search"},
    "tui.key.fuzzy": {"nb": "Omtrentlig søk av/på", "en": "Fuzzy search on/off"},
    "tui.key.open_hit": {"nb": "Åpne i Koding", "en": "Open in Coding"},
    "tui.key.quote_hit": {"nb": "Til sitatsett", "en": "Add to quote set"},
    "tui.key.to_hits": {"nb": "Til treffene", "en": "To the hits"},
    "tui.key.clear_filters": {"nb": "Fjern filtre", "en": "Clear filters"},
    "tui.key.keywords_by": {"nb": "Neste inndeling", "en": "Next slicing"},
    "tui.search.title": {"nb": "Søk i transkripsjonene", "en": "Search the transcripts"},
    "tui.search.placeholder": {
        "nb": 'ord finner alle bøyninger · "flere ord" · -utenom · prefiks*',
        "en": 'words find every form · "a phrase" · -exclude · prefix*',
    },
    "tui.search.placeholder_fuzzy": {
        "nb": "det du husker av sitatet",
        "en": "what you remember of the quote",
    },
    "tui.search.fuzzy": {"nb": "Omtrentlig", "en": "Fuzzy"},
    "tui.search.filter.groups": {"nb": "Fokusgruppe", "en": "Focus group"},
    "tui.search.filter.categories": {"nb": "Kategori", "en": "Category"},
    "tui.search.filter.sites": {"nb": "Sted", "en": "Site"},
    "tui.search.filter.stages": {"nb": "Runde", "en": "Stage"},
    "tui.search.filter.roles": {"nb": "Rolle", "en": "Role"},
    "tui.search.filter.participants": {"nb": "Deltaker", "en": "Participant"},
    "tui.search.filter.codes": {"nb": "Kode", "en": "Code"},
    "tui.search.filter.code_groups": {"nb": "Kodegruppe", "en": "Code group"},
    "tui.search.stage": {"nb": "runde {number}", "en": "stage {number}"},
    "tui.search.hits": {"nb": "{count} treff", "en": "{count} hits"},
    "tui.search.hits_limited": {
        "nb": "{count} treff, de {shown} beste vist",
        "en": "{count} hits, the best {shown} shown",
    },
    "tui.search.no_hits": {"nb": "Ingen treff.", "en": "No hits."},
    "tui.search.ignored": {"nb": "oversett: {words}", "en": "ignored: {words}"},
    "tui.search.start": {
        "nb": "Skriv et søk og trykk enter.",
        "en": "Type a search and press enter.",
    },
    "tui.search.hint": {
        "nb": "enter åpner treffet i Koding · q legger det i et sitatsett · tab til filtrene · esc lukker",
        "en": "enter opens the hit in Coding · q adds it to a quote set · tab to the filters · esc closes",
    },
    "tui.search.pick_coding": {
        "nb": "Hvilken koding skal bli sitat?",
        "en": "Which coding becomes the quote?",
    },
    "tui.search.coded": {"nb": "Kodet som «{statement}»", "en": "Coded as «{statement}»"},
    "tui.cmd.search": {"nb": "Søk i transkripsjonene …", "en": "Search the transcripts …"},
    "tui.cmd.search_help": {
        "nb": "Lemmasøk eller omtrentlig sitatsøk, med filtre (/)",
        "en": "Lemma search or fuzzy quote search, with filters (/)",
    },
    # the workbench: keyword table
    "tui.keywords.title": {"nb": "Nøkkelord per {by}", "en": "Keywords per {by}"},
    "tui.keywords.hint": {
        "nb": "b bytter inndeling (gruppe, kategori, sted, runde) · esc lukker",
        "en": "b changes the slicing (group, category, site, stage) · esc closes",
    },
    "tui.cmd.keywords": {"nb": "Nøkkelord per gruppe og runde", "en": "Keywords per group and stage"},
    "tui.cmd.keywords_help": {
        "nb": "Særpregede ord for hver fokusgruppe, kategori, sted eller runde (log-likelihood)",
        "en": "Distinctive words of each focus group, category, site or stage (log-likelihood)",
    },
}
