"""`sdi merge` and `sdi anonymise` on the command line: their help, and the lines `sdi merge` prints (the
proposal side by side, what --apply did)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "help.anonymise": {
        "nb": "finn navn, steder og institusjoner i transkripsjonene og pseudonymiser dem",
        "en": "find names, places and institutions in the transcripts and pseudonymise them",
    },
    "desc.anonymise": {
        "nb": "Finn personnavn, steder og institusjoner som står igjen i de lagrede transkripsjonene "
        "(navngitte enheter når modellen har dem, ellers ord med stor forbokstav som ikke begynner en "
        "setning, og navnene, stedene og institusjonene under [privacy] i sdi.toml og i nøkkelen, funnet "
        "uskarpt) og foreslå ett pseudonym per navn. Med --apply går navnene inn i pseudonymnøkkelen (bare "
        "for eieren, utenfor databasen), og hver transkripsjon som har ett, får en ny, pseudonymisert "
        "versjon; kodingene følger ordene sine.",
        "en": "Find person names, places and institutions left in the stored transcripts (named entities "
        "when the model has them, otherwise capitalised words that do not start a sentence, plus the "
        "[privacy] names, places and institutions in sdi.toml and the key, matched fuzzily) and propose one "
        "pseudonym per name. With --apply the names go into the pseudonym key (owner-only, apart from the "
        "database) and every transcript holding one gets a new, pseudonymised version; codings move with "
        "their words.",
    },
    "help.anonymise.write_review": {
        "nb": "skriv forslagene til en gjennomgangsfil (standard .sdi/anonymisering.toml, bare for eieren)",
        "en": "write the proposals to a review file (default .sdi/anonymisering.toml, owner-only)",
    },
    "help.anonymise.apply": {
        "nb": "skriv nøkkelen og pseudonymiser de lagrede transkripsjonene",
        "en": "write the key and pseudonymise the stored transcripts",
    },
    "help.anonymise.review": {
        "nb": "med --apply: bare de godtatte navnene i denne fila",
        "en": "with --apply: only the accepted names of this file",
    },
    "help.merge": {
        "nb": "slå sammen to koderes kodebøker (foreslå, avgjør, utfør)",
        "en": "merge two coders' codebooks (propose, decide, apply)",
    },
    "desc.merge": {
        "nb": "Sammenlign prosjektets koder med en annen koders kodebok (eksportert med `sdi codebook export "
        "--with-codings`), eller to kodebokfiler med hverandre, eller kodene til to kodere i dette lageret "
        "(--coders). Kodene pares etter id, så etter hvor like de lemmatiserte utsagnene er. Uten --apply: "
        "vis parene med tekststedene og skriv en beslutningsmal til codebooks/merge-<dato>.toml. Med "
        "--apply: gjennomfør beslutningene i én transaksjon, som én handling som kan angres. Ulike "
        "kodegrupper listes, men avgjøres aldri.",
        "en": "Compare this project's codes with another coder's codebook (exported with `sdi codebook "
        "export --with-codings`), or two codebook files with each other, or the codes of two coders in this "
        "store (--coders). Codes are paired by id, then by likeness of their lemmatised statements. Without "
        "--apply: print the pairs with their passages and write a decisions template to "
        "codebooks/merge-<date>.toml. With --apply: carry out the decisions in one transaction, as one "
        "undoable action. Differing code groups are listed, never decided.",
    },
    "help.merge.files": {"nb": "én eller to kodebokfiler", "en": "one or two codebook files"},
    "help.merge.coders": {
        "nb": "slå sammen kodene to kodere har laget i dette lageret",
        "en": "merge the codes two coders made in this store",
    },
    "help.merge.from": {
        "nb": "hvem som kodet kodebokfila (-filene); kodingene deres registreres som deres (standard: "
        "filnavnet)",
        "en": "who coded the codebook file(s); their codings are recorded as theirs (default: file name)",
    },
    "help.merge.apply": {"nb": "utfør en redigert beslutningsfil", "en": "apply an edited decisions file"},
    "help.merge.replace_names": {
        "nb": "skriv ekte navn prosjektet kjenner, inn i beslutningsfila som pseudonymene deres i stedet for "
        "å avvise den",
        "en": "write real names the project knows into the decisions file as their pseudonyms, not refuse it",
    },
    "help.merge.allow_names": {
        "nb": "behold en beslutningsfil som har ekte navn", "en": "keep a decisions file holding real names",
    },
    "meta.codebook": {"nb": "KODEBOK", "en": "CODEBOOK"},
    "meta.decisions": {"nb": "BESLUTNINGER", "en": "DECISIONS"},
    "out.merge.applied": {
        "nb": "{merged} koder slått sammen ({renamed} med ny formulering), {apart} holdt adskilt, "
        "{codes} koder lagt til, {codings} kodinger lagt til, {moved} flyttet",
        "en": "{merged} codes merged ({renamed} with a new wording), {apart} kept apart, {codes} codes "
        "added, {codings} codings added, {moved} moved",
    },
    "out.merge.conflict": {
        "nb": "  ulike kodegrupper, ikke avgjort: {conflict}",
        "en": "  differing code groups, not decided: {conflict}",
    },
    "out.merge.decisions": {
        "nb": "\nbeslutninger: {path} (rediger, og kjør med --apply {path})",
        "en": "\ndecisions: {path} (edit, then run with --apply {path})",
    },
    "out.merge.no_group": {"nb": "[ingen kodegruppe]", "en": "[no code group]"},
    "out.merge.more_codings": {"nb": "  … {count} kodinger til", "en": "  … {count} more codings"},
    "out.merge.project": {"nb": "prosjektet", "en": "the project"},
    "out.merge.left": {"nb": "venstre: {name}", "en": "left: {name}"},
    "out.merge.right": {"nb": "høyre: {name}", "en": "right: {name}"},
    "out.merge.same_id": {"nb": "samme id", "en": "same id"},
    "out.merge.likeness": {"nb": "likhet {score:.0f}", "en": "likeness {score:.0f}"},
    "out.merge.proposed": {"nb": "foreslått", "en": "proposed"},
    "out.merge.candidate": {"nb": "kandidat", "en": "candidate"},
    "out.merge.group_conflict": {
        "nb": "     KONFLIKT: kodegruppe «{left}» / «{right}» — avgjøres av dere, ikke her",
        "en": "     CONFLICT: code group «{left}» / «{right}» — for you to decide, not here",
    },
    "out.merge.summary": {
        "nb": "{pairs} par ({proposed} foreslått, grense {threshold:.0f}); uten motstykke: {left} til "
        "venstre, {right} til høyre",
        "en": "{pairs} pairs ({proposed} proposed, threshold {threshold:.0f}); without a counterpart: {left} "
        "on the left, {right} on the right",
    },
    "out.merge.files_added": {
        "nb": "Koder fra kodebokfilene som ikke slås sammen, legges til som egne koder ved --apply.",
        "en": "Codes of the codebook files that are not merged are added as codes of their own by --apply.",
    },
}
