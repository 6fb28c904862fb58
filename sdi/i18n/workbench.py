"""Strings of the workbench's palette (Textual's own commands in it), its exports, its memo browser and memos
on Korpus, importing from Korpus and the first-run screen."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # the palette itself and Textual's commands in it
    "tui.palette.search": {"nb": "Søk etter kommandoer …", "en": "Search for commands …"},
    "tui.palette.themes": {"nb": "Søk etter tema …", "en": "Search for themes …"},
    "tui.palette.no_matches": {"nb": "Ingen treff", "en": "No matches"},
    "tui.sys.theme": {"nb": "Velg tema …", "en": "Choose theme …"},
    "tui.sys.theme_help": {"nb": "Velg et annet fargetema", "en": "Choose another colour theme"},
    "tui.sys.quit": {"nb": "Avslutt", "en": "Quit"},
    "tui.sys.quit_help": {
        "nb": "Avslutt sdi (alt er allerede lagret)",
        "en": "Quit sdi (everything is saved already)",
    },
    "tui.sys.maximize": {"nb": "Maksimer", "en": "Maximise"},
    "tui.sys.maximize_help": {
        "nb": "Vis feltet med fokus over hele skjermen",
        "en": "Fill the screen with the focused pane",
    },
    "tui.sys.minimize": {"nb": "Tilbake til vanlig størrelse", "en": "Back to normal size"},
    "tui.sys.minimize_help": {"nb": "Vis alle feltene igjen", "en": "Show every pane again"},
    "tui.sys.screenshot": {"nb": "Skjermbilde", "en": "Screenshot"},
    "tui.sys.screenshot_help": {
        "nb": "Lagre skjermen som SVG-bilde",
        "en": "Save the screen as an SVG picture",
    },
    # exports from the workbench
    "tui.export.quotes_paper": {
        "nb": "Eksport: sitatsettet «{name}» til Word (artikkel)",
        "en": "Export: the quote set «{name}» to Word (paper)",
    },
    "tui.export.quotes_poster": {
        "nb": "Eksport: sitatsettet «{name}» til Word (poster)",
        "en": "Export: the quote set «{name}» to Word (poster)",
    },
    "tui.export.quotes_help": {
        "nb": "Som sdi export quotes — til exports/",
        "en": "As sdi export quotes — to exports/",
    },
    "tui.export.what_quotes_paper": {"nb": "«{name}» (artikkel)", "en": "«{name}» (paper)"},
    "tui.export.what_quotes_poster": {"nb": "«{name}» (poster)", "en": "«{name}» (poster)"},
    "tui.export.report": {"nb": "Eksport: analyserapport (Word)", "en": "Export: analysis report (Word)"},
    "tui.export.report_help": {
        "nb": "Begreper, kodegrupper, koder og sitater, med metodevedlegg — som sdi export report",
        "en": "Concepts, code groups, codes and quotes, with a methods appendix — as sdi export report",
    },
    "tui.export.what_report": {"nb": "analyserapporten", "en": "the analysis report"},
    "tui.export.codebook": {
        "nb": "Eksport: kodebok (Word og CSV)",
        "en": "Export: codebook (Word and CSV)",
    },
    "tui.export.codebook_help": {"nb": "Som sdi export codebook", "en": "As sdi export codebook"},
    "tui.export.what_codebook": {"nb": "kodeboka", "en": "the codebook"},
    "tui.export.refi": {
        "nb": "Eksport: REFI-QDA-prosjekt (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder",
        "en": "Export: REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder",
    },
    "tui.export.refi_help": {"nb": "Som sdi refi export", "en": "As sdi refi export"},
    "tui.export.what_refi": {"nb": "REFI-QDA-prosjektet", "en": "the REFI-QDA project"},
    "tui.export.refi_codebook": {
        "nb": "Eksport: REFI-QDA-kodebok (.qdc)",
        "en": "Export: REFI-QDA codebook (.qdc)",
    },
    "tui.export.refi_codebook_help": {
        "nb": "Som sdi refi export --codebook-only",
        "en": "As sdi refi export --codebook-only",
    },
    "tui.export.what_refi_codebook": {"nb": "REFI-QDA-kodeboka", "en": "the REFI-QDA codebook"},
    "tui.export.running": {"nb": "Eksporterer {what} …", "en": "Exporting {what} …"},
    "tui.export.done": {"nb": "Eksportert {what}: {path}", "en": "Exported {what}: {path}"},
    "tui.export.names": {
        "nb": "{path} inneholdt ekte navn fra pseudonymlista ({names}) og er fjernet",
        "en": "{path} contained real names from the pseudonym list ({names}) and was removed",
    },
    # the memo browser
    "tui.memos.title": {"nb": "Memoer ({count})", "en": "Memos ({count})"},
    "tui.memos.placeholder": {
        "nb": "søk i memoene, i det de handler om og i hvem som skrev",
        "en": "search the memos, what they are about and who wrote them",
    },
    "tui.memos.shown": {"nb": "{shown} av {count}", "en": "{shown} of {count}"},
    "tui.memos.none": {
        "nb": "Ingen memoer ennå — m skriver et memo på skjermene",
        "en": "No memos yet — m writes a memo on the screens",
    },
    "tui.memos.hint": {
        "nb": "enter åpner det memoet handler om (escape går tilbake) · ↓ til listen · esc lukker",
        "en": "enter opens what the memo is about (escape walks back) · ↓ to the list · esc closes",
    },
    "tui.memos.gone": {"nb": "(slettet siden)", "en": "(deleted since)"},
    "tui.memos.kind.project": {"nb": "prosjektet", "en": "project"},
    "tui.memos.kind.focus_group": {"nb": "fokusgruppe", "en": "focus group"},
    "tui.memos.kind.stage": {"nb": "runde", "en": "stage"},
    "tui.memos.kind.participant": {"nb": "deltaker", "en": "participant"},
    "tui.memos.kind.document": {"nb": "transkripsjon", "en": "transcript"},
    "tui.memos.kind.utterance": {"nb": "ytring", "en": "turn"},
    "tui.memos.kind.code": {"nb": "kode", "en": "code"},
    "tui.memos.kind.coding": {"nb": "koding", "en": "coding"},
    "tui.memos.kind.code_group": {"nb": "kodegruppe", "en": "code group"},
    "tui.memos.kind.concept": {"nb": "begrep", "en": "concept"},
    "tui.memos.kind.quote_set": {"nb": "sitatsett", "en": "quote set"},
    "tui.memos.kind.quote": {"nb": "sitat", "en": "quote"},
    # Korpus: memos, importing, the first run
    "tui.corpus.memos": {"nb": "Memoer", "en": "Memos"},
    "tui.key.memo_here": {"nb": "Memo om dette", "en": "Memo on this"},
    "tui.key.import": {
        "nb": "Importer nye og endrede filer i corpus/",
        "en": "Import new and changed files in corpus/",
    },
    "tui.key.import_short": {"nb": "Importer", "en": "Import"},
    "tui.key.summary": {"nb": "Oppsummering", "en": "Summary"},
    "tui.memo.group": {"nb": "Memo om fokusgruppen «{name}»", "en": "Memo on the focus group «{name}»"},
    "tui.memo.stage": {"nb": "Memo om «{name}», runde {number}", "en": "Memo on «{name}», stage {number}"},
    "tui.import.starting": {"nb": "Importerer corpus/ …", "en": "Importing corpus/ …"},
    "tui.import.running": {
        "nb": "Importerer {index}/{total}: {path}",
        "en": "Importing {index}/{total}: {path}",
    },
    "tui.import.more": {
        "nb": "… og {count} til (sdi import viser alle)",
        "en": "… and {count} more (sdi import shows them all)",
    },
    "tui.first_run.title": {
        "nb": "Prosjektet har ingen transkripsjoner ennå.",
        "en": "The project has no transcripts yet.",
    },
    "tui.first_run.body": {
        "nb": "Legg transkripsjonene i {folder}: én fil per fokusgruppe og runde ({suffixes}). Hver ytring "
        "begynner med taleren og et kolon. Øverst i fila kan et +++-felt si fokusgruppe, sted, kategori, "
        "runde og dato — ellers blir filnavnet gruppa og runden 1. Navn i pseudonymlista byttes ut ved "
        "import.",
        "en": "Put the transcripts in {folder}: one file per focus group and stage ({suffixes}). Each turn "
        "starts with the speaker and a colon. A +++ block at the top can give focus group, site, "
        "category, stage and date — otherwise the file name becomes the group and the stage 1. Names in "
        "the pseudonym key are replaced on import.",
    },
    "tui.first_run.example": {"nb": "Slik kan en fil begynne:", "en": "A file can begin like this:"},
    "tui.first_run.sample": {
        "nb": '+++\ngroup = "Barnehage Fjordvik"\nsite = "Fjordvik"\nstage = 1\ndate = 2025-02-13\n+++\n\n'
        "Moderator: Når merker dere at noe ikke er som det skal?\n\nFB1: Det er sjelden én ting.",
        "en": '+++\ngroup = "Kindergarten Fjordvik"\nsite = "Fjordvik"\nstage = 1\ndate = 2025-02-13\n'
        "+++\n\nModerator: When do you notice that something is wrong?\n\nP1: It is rarely one thing.",
    },
    "tui.first_run.key": {
        "nb": " Trykk i for å importere (eller kjør sdi import i prosjektmappa). ",
        "en": " Press i to import (or run sdi import in the project folder). ",
    },
    "tui.corpus.summary": {"nb": "Oppsummering", "en": "Summary"},
    "tui.corpus.no_summary": {
        "nb": "Ingen oppsummering ennå — e for å skrive en",
        "en": "No summary yet — e to write one",
    },
    "tui.corpus.participants": {"nb": "Deltakere", "en": "Participants"},
    "tui.corpus.moderator": {"nb": "moderator", "en": "moderator"},
    "tui.corpus.pick_stage": {
        "nb": "Velg en runde for å redigere oppsummeringen",
        "en": "Choose a stage to edit its summary",
    },
    "tui.corpus.summary_title": {
        "nb": "Oppsummering av {group}, runde {number}",
        "en": "Summary of {group}, stage {number}",
    },
    "tui.corpus.summary_saved": {"nb": "Oppsummeringen er lagret", "en": "Summary saved"},
}
