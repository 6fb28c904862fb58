"""Refusals of the workflow and the command line's own lines (`sdi agreement`, `check`, `codebook`, `export`,
`refi`, `pseudonym`, `figure`), said in the project's language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # workflow refusals
    "refusal.agreement.no_coder": {
        "nb": "ingen koder heter {names} (kjente kodere: {known})",
        "en": "no coder called {names} (known: {known})",
    },
    "refusal.agreement.unit": {
        "nb": "enheten må være en av {units}, ikke «{unit}»",
        "en": "unit must be one of {units}, not «{unit}»",
    },
    "refusal.agreement.coders": {
        "nb": "samsvar krever minst to kodere med kodinger",
        "en": "agreement needs two or more coders with codings",
    },
    "refusal.corpus.no_stage": {
        "nb": "fokusgruppen «{group}» har ingen runde {number}",
        "en": "no stage {number} in focus group «{group}»",
    },
    "refusal.keywords.by": {
        "nb": "nøkkelord etter «{by}»? Velg en av: {choices}",
        "en": "keywords by «{by}»? choose one of: {choices}",
    },
    "refusal.keywords.counts": {
        "nb": "--top og --min-count må være minst 1",
        "en": "--top and --min-count must be at least 1",
    },
    "refusal.quote_finder.empty": {
        "nb": "skriv det du husker av sitatet",
        "en": "type what you remember of the quote",
    },
    "refusal.search.no_word": {
        "nb": "et søk trenger minst ett ord å lete etter (ikke bare -utelukkede ord eller stoppord)",
        "en": "a search needs at least one word to look for (not only -excluded or stop words)",
    },
    "refusal.filter.none_valid": {
        "nb": "{option}: ingen «{value}» (prosjektet har ingen)",
        "en": "{option}: no «{value}» (none in this project)",
    },
    "refusal.filter.no_value": {
        "nb": "{option}: ingen «{value}» (gyldige: {valid})",
        "en": "{option}: no «{value}» (valid: {valid})",
    },
    "refusal.filter.no_value_more": {
        "nb": "{option}: ingen «{value}» (gyldige: {valid} og {more} til)",
        "en": "{option}: no «{value}» (valid: {valid} and {more} more)",
    },
    "refusal.transcript.no_match": {
        "nb": "ingen transkripsjon passer til «{reference}» (se `sdi status` for listen)",
        "en": "no transcript matches «{reference}» (see `sdi status` for the list)",
    },
    "refusal.transcript.ambiguous": {
        "nb": "«{reference}» passer til {count} transkripsjoner: {listed}",
        "en": "«{reference}» matches {count} transcripts: {listed}",
    },
    "refusal.database.failed": {"nb": "{database}: {detail}", "en": "{database}: {detail}"},
    # the command line's own lines
    "out.agreement.header": {
        "nb": "koderne {coders}: {transcripts} transkripsjoner kodet av minst to, {units} {unit}",
        "en": "coders {coders}: {transcripts} transcripts coded by at least two, {units} {unit}",
    },
    "out.agreement.sentences": {"nb": "setninger", "en": "sentences"},
    "out.agreement.turns": {"nb": "ytringer", "en": "turns"},
    "out.agreement.code": {"nb": "kode", "en": "code"},
    "out.agreement.units": {"nb": "enheter", "en": "units"},
    "out.agreement.percent": {"nb": "enighet", "en": "agreement"},
    "out.agreement.kappa": {"nb": "kappa", "en": "kappa"},
    "out.agreement.alpha": {"nb": "alfa", "en": "alpha"},
    "out.agreement.all_codes": {
        "nb": "(«Alle koder»: hver enhet × kode er én ja/nei-beslutning)",
        "en": "(«All codes»: every unit × code is one yes/no decision)",
    },
    "out.agreement.none": {"nb": "ingen uenighet", "en": "no disagreement"},
    "out.agreement.disagree": {
        "nb": "{count} {unit} der koderne er uenige:",
        "en": "{count} {unit} where the coders disagree:",
    },
    "out.agreement.votes": {
        "nb": "«{statement}»: {yes} ja; {no} nei",
        "en": "«{statement}»: {yes} yes; {no} no",
    },
    "out.agreement.more": {"nb": "… og {count} til (--limit)", "en": "… and {count} more (--limit)"},
    "out.check.problem": {"nb": "FEIL: {problem}", "en": "PROBLEM: {problem}"},
    "out.check.note": {"nb": "merk: {note}", "en": "note: {note}"},
    "check.sqlite": {"nb": "SQLite-integritet: {detail}", "en": "SQLite integrity: {detail}"},
    "check.foreign_key": {
        "nb": "{table}, rad {row}, peker på en rad i {parent} som mangler",
        "en": "{table} row {row} points to a missing {parent} row",
    },
    "check.coding_outside": {
        "nb": "koding {coding} ({start}–{end}) ligger utenfor {where}",
        "en": "coding {coding} ({start}–{end}) lies outside {where}",
    },
    "check.coding_moved": {
        "nb": "koding {coding} i {where} dekker ikke lenger ordene sine",
        "en": "coding {coding} in {where} no longer covers its words",
    },
    "check.turn_outside": {
        "nb": "ytring {turn} ligger utenfor {where}",
        "en": "turn {turn} lies outside {where}",
    },
    "check.flagged": {
        "nb": "{count} kodinger ble flagget etter at en transkripsjon ble endret, og må sees på",
        "en": "{count} codings were flagged after a transcript changed and need a look",
    },
    "check.unindexed": {
        "nb": "{missing} av {turns} ytringer er ikke i søkeindeksen (kjør `sdi import`)",
        "en": "{missing} of {turns} turns are not in the search index (run `sdi import`)",
    },
    "out.check.ok": {"nb": "Lageret er i orden.", "en": "The store is in order."},
    "out.check.failed": {"nb": "{count} feil funnet.", "en": "{count} problems found."},
    "out.codebook.imported": {
        "nb": "{file}: {groups} kodegrupper, {codes} koder, {codings} kodinger, {concepts} begreper, "
        "{memos} notater lagt til; {skipped} fantes fra før",
        "en": "{file}: {groups} code groups, {codes} codes, {codings} codings, {concepts} concepts, "
        "{memos} memos added; {skipped} already there",
    },
    "out.codebook.recognised": {
        "nb": " ({count} koder gjenkjent ved navn, beskrivelse eller kodinger)",
        "en": " ({count} codes recognised by name, description or codings)",
    },
    "out.warning": {"nb": "  advarsel: {warning}", "en": "  warning: {warning}"},
    "out.codebook.format": {
        "nb": "sdi: feil: {path}: ukjent kodebokformat «{suffix}»: bruk {known}",
        "en": "sdi: error: {path}: unknown codebook format «{suffix}»: use {known}",
    },
    "out.codebook.written": {
        "nb": "{path}: {codes} koder, {groups} kodegrupper",
        "en": "{path}: {codes} codes, {groups} code groups",
    },
    "out.names.refused": {
        "nb": "sdi: feil: {path} inneholdt ekte navn prosjektet kjenner (pseudonymnøkkelen, [pseudonyms]- "
        "eller [privacy]-listene); fjernet:",
        "en": "sdi: error: {path} contained real names the project knows (the pseudonym key, [pseudonyms] "
        "or [privacy] lists); removed:",
    },
    "out.names.use": {"nb": "  (bruk {options})", "en": "  (use {options})"},
    "out.names.allow": {
        "nb": "--allow-names for å beholde en slik fil",
        "en": "--allow-names to keep such a file",
    },
    "out.names.or_replace": {"nb": " eller --replace-names", "en": " or --replace-names"},
    "out.figure.names": {
        "nb": "sdi: feil: {path} ville vist ekte navn prosjektet kjenner; ikke skrevet:",
        "en": "sdi: error: {path} would show real names the project knows; not written:",
    },
    "out.figure.allow": {
        "nb": "  (bruk --allow-names for å tegne den likevel)",
        "en": "  (use --allow-names to draw it anyway)",
    },
    "out.export.quotes": {
        "nb": "{path}: {quotes} sitater ({layout})",
        "en": "{path}: {quotes} quotes ({layout})",
    },
    "out.export.codebook": {"nb": "{path}: {codes} koder", "en": "{path}: {codes} codes"},
    "out.export.report": {
        "nb": "{path}: {groups} kodegrupper, {checks} kontroller",
        "en": "{path}: {groups} code groups, {checks} checks",
    },
    "out.pseudonym.added": {
        "nb": "Kjør `sdi import` for å pseudonymisere de lagrede transkripsjonene på nytt.",
        "en": "Run `sdi import` to pseudonymise the stored transcripts again.",
    },
    "out.pseudonym.count": {
        "nb": "{path}: {count} navn i nøkkelen, {inline} i sdi.toml",
        "en": "{path}: {count} names in the key, {inline} in sdi.toml",
    },
    "out.refi.written": {
        "nb": "{path}: {codes} koder, {groups} kodegrupper",
        "en": "{path}: {codes} codes, {groups} code groups",
    },
    "out.refi.written_project": {
        "nb": ", {transcripts} transkripsjoner, {codings} kodinger, {participants} deltakere, "
        "{memos} notater (memoer og sitater)",
        "en": ", {transcripts} transcripts, {codings} codings, {participants} participants, {memos} notes "
        "(memos and quotes)",
    },
    "out.refi.imported": {
        "nb": "{file}: {transcripts} nye og {matched} kjente transkripsjoner, {codes} koder, {groups} "
        "kodegrupper, {codings} kodinger, {memos} notater, {participants} deltakere, {quote_sets} "
        "sitatsamlinger, {quotes} sitater, {key_quotes} nøkkelsitater lagt til; {skipped} fantes fra før",
        "en": "{file}: {transcripts} new and {matched} known transcripts, {codes} codes, {groups} code "
        "groups, {codings} codings, {memos} memos, {participants} participants, {quote_sets} quote sets, "
        "{quotes} quotes, {key_quotes} key quotes added; {skipped} already there",
    },
    "out.refi.way": {"nb": "{count} ved {way}", "en": "{count} by {way}"},
    "out.refi.recognised": {
        "nb": "koder med andre GUID-er gjenkjent: {ways}",
        "en": "codes with other GUIDs recognised: {ways}",
    },
    "out.refi.codings_matched": {
        "nb": "{count} kodinger gjenkjent ved samme kode på samme ord",
        "en": "{count} codings recognised by the same code on the same words",
    },
    "out.refi.memos_matched": {
        "nb": "{memos} notater fantes fra før (samme tekst på samme sted); {skipped} tomme notater og egne "
        "markører ble ikke notater",
        "en": "{memos} memos were already there (same text in the same place); {skipped} empty notes and "
        "tool markers did not become memos",
    },
    "out.refi.attributes": {
        "nb": "{count} transkripsjoner fikk en egenskap fra et dokumentsett",
        "en": "{count} transcripts got an attribute from a document set",
    },
    # sdi.toml and the pseudonym key (ConfigError)
    "config.keys_text": {
        "nb": "'keys.{ident}' må være en tast skrevet som tekst, f.eks. {ident} = \"ctrl+e\"",
        "en": "'keys.{ident}' must be a key as text, e.g. {ident} = \"ctrl+e\"",
    },
    "config.env_unset": {
        "nb": "'database.url' trenger miljøvariabelen {name}, som ikke er satt",
        "en": "'database.url' needs the environment variable {name}, which is not set",
    },
    "config.not_found": {
        "nb": "ingen sdi.toml her eller i noen overordnet mappe (kjør `sdi init MAPPE`)",
        "en": "no sdi.toml here or in any parent folder (run `sdi init DIR`)",
    },
    "config.missing": {
        "nb": "filen finnes ikke (kjør `sdi init` for å opprette et prosjekt)",
        "en": "file not found (run `sdi init` to create a project)",
    },
    "config.unreadable": {"nb": "kan ikke leses: {reason}", "en": "cannot read: {reason}"},
    "config.not_utf8": {"nb": "ikke UTF-8-tekst", "en": "not UTF-8 text"},
    "config.invalid_toml": {"nb": "ugyldig TOML: {reason}", "en": "invalid TOML: {reason}"},
    "config.unknown_table": {
        "nb": "ukjent nøkkel «{table}» (kjente tabeller: {known})",
        "en": "unknown key '{table}' (known tables: {known})",
    },
    "config.not_table": {
        "nb": "«{table}» må være en tabell, [{table}]",
        "en": "'{table}' must be a table, [{table}]",
    },
    "config.unknown_key": {
        "nb": "ukjent nøkkel «{setting}» (kjente: {known})",
        "en": "unknown key '{setting}' (known: {known})",
    },
    "config.wrong_type": {
        "nb": "«{setting}» må være {kind}, ikke {found}",
        "en": "'{setting}' must be {kind}, not {found}",
    },
    "config.wrong_items": {"nb": "«{setting}» må være {kind}", "en": "'{setting}' must be {kind}"},
    "config.language": {
        "nb": "'project.language' må være en av {choices}",
        "en": "'project.language' must be one of {choices}",
    },
    "config.bad_pattern": {
        "nb": "'speakers.patterns': ugyldig regulært uttrykk {pattern}: {reason}",
        "en": "'speakers.patterns': bad regular expression {pattern}: {reason}",
    },
    "config.pattern_label": {
        "nb": "'speakers.patterns': {pattern} trenger en gruppe (?P<label>…)",
        "en": "'speakers.patterns': {pattern} needs a group (?P<label>…)",
    },
    "config.pseudonym_empty": {
        "nb": "'pseudonyms.{name}' må knytte et navn til en tekst som ikke er tom",
        "en": "'pseudonyms.{name}' must map a name to a non-empty string",
    },
    "config.key_file": {
        "nb": "'privacy.key_file' må ligge i prosjektets {state}/ eller i {folder}: nøkkelen har de ekte "
        "navnene og skal aldri deles eller legges i versjonskontroll",
        "en": "'privacy.key_file' must be inside the project's {state}/ or in {folder}: the key holds the "
        "real names, never committed or shared",
    },
    "config.password": {
        "nb": "'database.url' inneholder et passord ({where}), og sdi.toml deles: skriv ${{NAME}} for å "
        "hente det fra en miljøvariabel (postgresql+psycopg://kari:${{SDI_DB_PASSWORD}}@server/studie), "
        "eller utelat det og bruk ~/.pgpass",
        "en": "'database.url' holds a password ({where}), and sdi.toml is shared: write ${{NAME}} to take "
        "it from an environment variable (postgresql+psycopg://kari:${{SDI_DB_PASSWORD}}@server/studie) or "
        "leave it out and use ~/.pgpass",
    },
    "config.index": {
        "nb": "'nlp.index' må være en av {choices}",
        "en": "'nlp.index' must be one of {choices}",
    },
    "config.model_terms": {
        "nb": "'analysis.model_terms' kan ikke inneholde tomme tekster",
        "en": "'analysis.model_terms' must not hold empty strings",
    },
    "config.key_readable": {
        "nb": "pseudonymnøkkelen kan leses av andre brukere; kjør `chmod 600` på den",
        "en": "the pseudonym key is readable by other users; run `chmod 600` on it",
    },
    "config.key_toml": {"nb": "ugyldig TOML i pseudonymnøkkelen", "en": "invalid TOML in the pseudonym key"},
    "config.key_empty": {
        "nb": "«{name}» må knyttes til et pseudonym som ikke er tomt",
        "en": "'{name}' must map to a non-empty pseudonym",
    },
    "config.key_pair": {
        "nb": "både et navn og et pseudonym trengs",
        "en": "both a name and a pseudonym are needed",
    },
    "config.kind.string": {"nb": "en tekst", "en": "a string"},
    "config.kind.strings": {"nb": "en liste med tekster", "en": "a list of strings"},
    "config.kind.path": {"nb": "en sti", "en": "a path"},
    "config.write.refused": {
        "nb": "{path}: kan ikke skrive filen ({reason}); ingenting er endret",
        "en": "{path}: cannot write it ({reason}); nothing was changed",
    },
    "config.write.full": {"nb": "disken er full", "en": "the disk is full"},
    "config.write.quota": {"nb": "diskkvoten er brukt opp", "en": "the disk quota is used up"},
    "config.write.too_large": {
        "nb": "filen er for stor for denne disken",
        "en": "the file is too large for this disk",
    },
    "config.write.read_only_disk": {"nb": "disken er skrivebeskyttet", "en": "the disk is read-only"},
    "config.write.read_only": {"nb": "mappen er skrivebeskyttet", "en": "the folder is read-only"},
    "config.write.locked": {"nb": "mappen er låst", "en": "the folder is locked"},
    "config.exists": {"nb": "finnes allerede; ikke overskrevet", "en": "already exists; not overwritten"},
    "config.guide_missing": {
        "nb": "'analysis.guide': filen finnes ikke: {path}",
        "en": "'analysis.guide': file not found: {path}",
    },
    "config.guide_not_utf8": {
        "nb": "'analysis.guide': ikke UTF-8-tekst: {path}",
        "en": "'analysis.guide': not UTF-8 text: {path}",
    },
    "config.guide_unreadable": {
        "nb": "'analysis.guide': kan ikke lese {path}: {reason}",
        "en": "'analysis.guide': cannot read {path}: {reason}",
    },
}
