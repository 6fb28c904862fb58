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
}
