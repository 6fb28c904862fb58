"""Strings of the coding assistance: closeness warnings in the code picker and grouping suggestions in the
Code groups screen. Suggestions only; the wording says so."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # closeness check, one line each, shown in the code picker before a new code is created
    "assist.closeness.title": {"nb": "Nærhetssjekk", "en": "Closeness check"},
    "assist.closeness.topic_label": {
        "nb": "⚠ Ett eller to ord ligner en temaoverskrift – hva sier informantene om det?",
        "en": "⚠ One or two words look like a topic label – what do the informants say about it?",
    },
    "assist.closeness.no_verb": {
        "nb": "⚠ Uten verb ligner koden en temaoverskrift – skriv det som en påstand",
        "en": "⚠ Without a verb the code looks like a topic label – write it as a statement",
    },
    "assist.closeness.not_in_passage": {
        "nb": "⚠ Koden deler ingen ord med utsnittet den koder – bruk informantenes ord",
        "en": "⚠ The code shares no word with the passage it codes – use the informants' words",
    },
    "assist.closeness.only_guide_words": {
        "nb": "⚠ Bare ord fra intervjuguiden eller modellen ({words}) – hva sa informantene?",
        "en": "⚠ Only words from the interview guide or the model ({words}) – what did the informants say?",
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
