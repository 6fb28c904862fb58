"""Strings of the coding assistance: closeness warnings in the code picker and grouping suggestions in the
Code groups screen. Suggestions only; the wording says so."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # closeness check, one line each, shown in the code picker before a new code is created
    "assist.closeness.title": {"nb": "Nærhetssjekk", "en": "Closeness check"},
    "assist.closeness.topic_label": {
        "nb": "⚠ Bare ett eller to ord: en temaoverskrift? Hva sier informantene?",
        "en": "⚠ Only one or two words: a topic label? What do the informants say?",
    },
    "assist.closeness.no_verb": {
        "nb": "⚠ Uten verb: en temaoverskrift? Skriv det som en påstand.",
        "en": "⚠ No verb: a topic label? Write it as a statement.",
    },
    "assist.closeness.not_in_passage": {
        "nb": "⚠ Deler ingen ord med utsnittet – bruk informantenes ord",
        "en": "⚠ Shares no word with the passage – use the informants' words",
    },
    "assist.closeness.only_guide_words": {
        "nb": "⚠ Bare ord fra guiden/modellen ({words}) – hva sa informantene?",
        "en": "⚠ Only guide/model words ({words}) – what did the informants say?",
    },
    "assist.closeness.guide_problem": {
        "nb": "Nærhetssjekken går uten intervjuguiden: {error}",
        "en": "The closeness check runs without the interview guide: {error}",
    },
    # grouping suggestions
    "tui.key.suggest_groups": {"nb": "Forslag til grupper", "en": "Suggested groups"},
    "tui.key.dismiss_suggestion": {"nb": "Avvis forslag", "en": "Dismiss suggestion"},
    "assist.groups.title": {
        "nb": "Forslag til kodegrupper (ugrupperte koder som deler ord)",
        "en": "Suggested code groups (ungrouped codes that share words)",
    },
    "assist.groups.loading": {
        "nb": "Leter etter koder som deler ord …",
        "en": "Looking for codes that share words …",
    },
    "assist.groups.none": {
        "nb": "Ingen forslag: de ugrupperte kodene deler ingen særpregede ord",
        "en": "No suggestions: the ungrouped codes share no distinctive words",
    },
    "assist.groups.shared": {"nb": "felles ord: {words}", "en": "shared words: {words}"},
    "assist.groups.hint": {
        "nb": "enter: lag gruppen · d: avvis · escape: lukk – bare forslag, du bestemmer",
        "en": "enter: make the group · d: dismiss · escape: close – suggestions only, you decide",
    },
    "assist.groups.name_title": {
        "nb": "Navn på den nye kodegruppen ({count} koder)",
        "en": "Name of the new code group ({count} codes)",
    },
    "assist.groups.accepted": {
        "nb": "Ny kodegruppe «{name}» med {count} koder",
        "en": "New code group «{name}» with {count} codes",
    },
}
