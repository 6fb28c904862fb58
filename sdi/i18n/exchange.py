"""Strings of exchange between coders and tools: the TUI merge view (codebook merge across coders)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # the palette command
    "tui.cmd.merge": {"nb": "Slå sammen kodebok", "en": "Merge codebook"},
    "tui.cmd.merge_help": {
        "nb": "Sammenlign kodene med en kodebokfil eller en annen koders koder, og slå sammen",
        "en": "Compare the codes with a codebook file or another coder's codes, and merge",
    },
    # choosing what to merge with
    "tui.merge.pick_title": {"nb": "Slå sammen med …", "en": "Merge with …"},
    "tui.merge.file": {"nb": "kodebok: {name}", "en": "codebook: {name}"},
    "tui.merge.coders": {"nb": "kodere: {left} + {right}", "en": "coders: {left} + {right}"},
    "tui.merge.matching": {
        "nb": "Finner koder som sier det samme …",
        "en": "Finding codes that say the same …",
    },
    "tui.merge.nothing": {
        "nb": "Ingenting å slå sammen: ingen kodebokfil i codebooks/ og færre enn to kodere med koder",
        "en": "Nothing to merge: no codebook file in codebooks/ and fewer than two coders with codes",
    },
    # the view
    "tui.merge.title": {"nb": "Slå sammen: {left}  ↔  {right}", "en": "Merge: {left}  ↔  {right}"},
    "tui.merge.project": {"nb": "prosjektet ({name})", "en": "the project ({name})"},
    "tui.merge.no_pairs": {
        "nb": "Ingen par: ingen koder har samme id eller ligner nok på hverandre.",
        "en": "No pairs: no codes share an id or are alike enough.",
    },
    "tui.merge.by_id": {"nb": "samme id", "en": "same id"},
    "tui.merge.score": {"nb": "likhet {score}", "en": "likeness {score}"},
    "tui.merge.accept": {"nb": "slå sammen", "en": "merge"},
    "tui.merge.rename": {"nb": "slå sammen som «{statement}»", "en": "merge as «{statement}»"},
    "tui.merge.apart": {"nb": "hold adskilt", "en": "keep apart"},
    "tui.merge.group": {"nb": "kodegruppe: {group}", "en": "code group: {group}"},
    "tui.merge.no_group": {"nb": "ingen kodegruppe", "en": "no code group"},
    "tui.merge.more": {"nb": "… {count} kodinger til", "en": "… {count} more codings"},
    "tui.merge.no_passages": {"nb": "ingen kodinger", "en": "no codings"},
    "tui.merge.conflicts": {
        "nb": "Ulike kodegrupper — avgjøres av dere, ikke her (står i kodens memo etterpå):",
        "en": "Differing code groups — yours to decide, not decided here (noted in the code's memo):",
    },
    "tui.merge.conflict": {
        "nb": "«{left}»: {left_group}  ↔  «{right}»: {right_group}",
        "en": "«{left}»: {left_group}  ↔  «{right}»: {right_group}",
    },
    "tui.merge.no_conflicts": {"nb": "Ingen konflikter i kodegrupper.", "en": "No code group conflicts."},
    "tui.merge.summary": {
        "nb": "{pairs} par: {merging} slås sammen, {apart} holdes adskilt",
        "en": "{pairs} pairs: {merging} to merge, {apart} kept apart",
    },
    "tui.merge.file_codes": {
        "nb": "Koder i kodebokfilen som ikke slås sammen, legges til som egne koder.",
        "en": "Codes of the codebook file that are not merged are added as codes of their own.",
    },
    "tui.merge.hint": {
        "nb": "a slå sammen · r ny formulering · h hold adskilt · ctrl+s utfør · esc avbryt",
        "en": "a merge · r new wording · h keep apart · ctrl+s apply · esc cancel",
    },
    "tui.merge.rename_title": {
        "nb": "Ny formulering for den sammenslåtte koden",
        "en": "New wording for the merged code",
    },
    "tui.merge.done": {
        "nb": "{merged} koder slått sammen ({renamed} med ny formulering), {added} koder lagt til, "
        "{moved} kodinger flyttet, {codings} kodinger lagt til",
        "en": "{merged} codes merged ({renamed} with new wording), {added} codes added, {moved} codings "
        "moved, {codings} codings added",
    },
    "tui.merge.conflicts_left": {
        "nb": "{count} ulike kodegrupper er ikke avgjort: se kodenes memo",
        "en": "{count} differing code groups are not decided: see the codes' memos",
    },
    # keys of the view
    "tui.key.merge_accept": {"nb": "Slå sammen", "en": "Merge"},
    "tui.key.merge_rename": {"nb": "Ny formulering", "en": "New wording"},
    "tui.key.merge_apart": {"nb": "Hold adskilt", "en": "Keep apart"},
    "tui.key.merge_apply": {"nb": "Utfør", "en": "Apply"},
    # refusals of the exchange services (sdi.workflow.exchange) and of `sdi merge`
    "exchange.words_missing": {
        "nb": "kode {code}: ordene «{words}» finnes ikke i {path}",
        "en": "code {code}: the words «{words}» are not in {path}",
    },
    "exchange.words_ambiguous": {
        "nb": "kode {code}: ordene «{words}» står mer enn én gang i {path}; siter mer",
        "en": "code {code}: the words «{words}» occur more than once in {path}; quote more",
    },
    "exchange.codebook_format": {
        "nb": "ukjent kodebokformat «{suffix}»: bruk {known}",
        "en": "unknown codebook format '{suffix}': use {known}",
    },
    "exchange.merge_memo_title": {"nb": "Sammenslåing", "en": "Merge"},
    "exchange.merge_words_ambiguous": {
        "nb": "kode {code}: ordene «{words}» står mer enn én gang i {path}",
        "en": "code {code}: the words «{words}» occur more than once in {path}",
    },
    "exchange.group_name_taken": {
        "nb": "kodegruppe {ident}: en annen kodegruppe heter allerede «{name}»",
        "en": "group {ident}: a different code group is already called «{name}»",
    },
    "exchange.rest_group_exists": {
        "nb": "kodegruppe {ident}: prosjektet har allerede en restgruppe",
        "en": "group {ident}: the project already has a rest group",
    },
    "exchange.code_no_transcript": {
        "nb": "kode {code}: ingen transkripsjon {transcript} i prosjektet (kjør `sdi import`)",
        "en": "code {code}: no transcript {transcript} in the project (run `sdi import`)",
    },
    "exchange.merge_no_transcript": {
        "nb": "kode {code}: ingen transkripsjon {transcript} i prosjektet",
        "en": "code {code}: no transcript {transcript} in the project",
    },
    "exchange.concept_exists": {
        "nb": "begrep {ident}: «{group}» har allerede et begrep",
        "en": "concept {ident}: «{group}» already has a concept",
    },
    "exchange.concept_no_coding": {
        "nb": "begrep {ident}: ingen koding med {code} i {transcript}",
        "en": "concept {ident}: no coding of {code} in {transcript}",
    },
    "exchange.no_coder": {
        "nb": "ingen koder som heter «{name}» i dette prosjektet",
        "en": "no coder called «{name}» in this project",
    },
    "exchange.two_coders": {"nb": "oppgi to ulike kodere", "en": "name two different coders"},
    "exchange.pair_unknown": {
        "nb": "par {left} / {right}: ingen slik kode på den siden (er kodebøkene endret?)",
        "en": "pair {left} / {right}: no such code on that side (did the codebooks change?)",
    },
    "exchange.pair_action": {
        "nb": "par {left} / {right}: decision må være accept, rename eller apart, ikke «{action}»",
        "en": "pair {left} / {right}: decision must be accept, rename or apart, not «{action}»",
    },
    "exchange.pair_twice": {
        "nb": "par {left} / {right}: avgjort to ganger",
        "en": "pair {left} / {right}: decided twice",
    },
    "exchange.pair_rename_empty": {
        "nb": "par {left} / {right}: rename trenger den nye formuleringen (statement)",
        "en": "pair {left} / {right}: rename needs the new statement",
    },
    "exchange.pair_merged_already": {
        "nb": "par {left} / {right}: den høyre koden er allerede slått sammen med {into}",
        "en": "pair {left} / {right}: the right code is already merged into {into}",
    },
    "exchange.pair_renamed_twice": {
        "nb": "par {left} / {right}: den venstre koden får to ulike nye formuleringer",
        "en": "pair {left} / {right}: the left code is renamed twice, differently",
    },
    "exchange.merge_into_itself": {
        "nb": "«{statement}» kan ikke slås sammen med seg selv",
        "en": "«{statement}» cannot be merged into itself",
    },
    "exchange.refi_no_codes": {
        "nb": "prosjektet har ingen koder ennå: en REFI-QDA-kodebok trenger minst én",
        "en": "the project has no codes yet: a REFI-QDA codebook needs at least one",
    },
    "exchange.refi_stage_taken": {
        "nb": "kilde «{source}»: trinn {number} i «{group}» har allerede en transkripsjon",
        "en": "source «{source}»: stage {number} of «{group}» has a transcript",
    },
    # the decisions file of a merge (sdi.workflow.exchange.merge_decisions)
    "exchange.decisions_unreadable": {
        "nb": "{path}: kan ikke lese beslutningene ({reason})",
        "en": "{path}: cannot read the decisions ({reason})",
    },
    "exchange.decisions_format": {
        "nb": '{path}: ikke en fil med beslutninger om sammenslåing (ventet format = "{format}")',
        "en": '{path}: not a merge decisions file (expected format = "{format}")',
    },
    "exchange.decisions_pairs": {
        "nb": "{path}: 'pairs' må være en liste av tabeller ([[pairs]])",
        "en": "{path}: 'pairs' must be an array of tables ([[pairs]])",
    },
    "exchange.decisions_text": {
        "nb": "{path}: par {number}: left, right, decision og statement må være tekst",
        "en": "{path}: pair {number}: left, right, decision and statement must be text",
    },
    "exchange.decisions_sides": {
        "nb": "beslutningsfilen sier ikke hva som ble slått sammen ([left] og [right])",
        "en": "the decisions file does not say what was merged ([left] and [right])",
    },
    "exchange.merge_files_or_coders": {
        "nb": "slå sammen enten kodebokfiler eller --coders, ikke begge",
        "en": "merge either codebook files or --coders, not both",
    },
    "exchange.merge_two_coders": {
        "nb": "--coders trenger to navn: --coders kari,ola",
        "en": "--coders needs two names: --coders kari,ola",
    },
    "exchange.merge_how_many": {
        "nb": "slå sammen én kodebok med prosjektet, eller to kodebøker med hverandre",
        "en": "merge one codebook into the project, or two codebooks with each other",
    },
    "exchange.merge_nothing_named": {
        "nb": "oppgi en kodebokfil (eller to), eller --coders A,B",
        "en": "name a codebook file (or two), or --coders A,B",
    },
    # the decisions file's comments (each line of the header becomes a comment line)
    "exchange.decisions_header": {
        "nb": 'Sammenslåing av kodebøker. For hvert par: decision = "accept" (slå sammen; venstre kode\n'
        'beholdes), "rename" (slå sammen under ny formulering i statement) eller "apart" (hold adskilt).\n'
        "Par som fjernes, holdes adskilt. Ulike kodegrupper avgjøres ikke her: koden blir i venstre kodes\n"
        "gruppe, og konflikten står i kodens memo.",
        "en": 'Merging codebooks. For each pair: decision = "accept" (merge; the left code is kept),\n'
        '"rename" (merge under the new wording in statement) or "apart" (keep them apart).\n'
        "Pairs you delete are kept apart. Different code groups are not decided here: the code stays in\n"
        "the left code's group, and the conflict is written in the code's memo.",
    },
    "exchange.decisions_same_id": {"nb": "samme id", "en": "same id"},
    "exchange.decisions_likeness": {"nb": "likhet {score}", "en": "likeness {score}"},
    "exchange.decisions_left": {
        "nb": "venstre: «{statement}» ({author}, kodinger: {codings})",
        "en": "left:  «{statement}» ({author}, codings: {codings})",
    },
    "exchange.decisions_right": {
        "nb": "høyre:   «{statement}» ({author}, kodinger: {codings})",
        "en": "right: «{statement}» ({author}, codings: {codings})",
    },
    "exchange.decisions_why": {"nb": "hvorfor: {why}", "en": "why: {why}"},
    "exchange.decisions_conflict": {
        "nb": "KONFLIKT: kodegruppe «{left}» / «{right}»",
        "en": "CONFLICT: code group «{left}» / «{right}»",
    },
}
