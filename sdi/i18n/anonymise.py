"""Strings of `sdi anonymise` and the TUI review of names (kept apart so colleagues' parts never clash)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "anon.finding": {
        "nb": "Leter etter navn, steder og institusjoner …",
        "en": "Looking for names, places and institutions …",
    },
    "anon.kind.person": {"nb": "person", "en": "person"},
    "anon.kind.place": {"nb": "sted", "en": "place"},
    "anon.kind.institution": {"nb": "institusjon", "en": "institution"},
    "anon.col.name": {"nb": "Navn", "en": "Name"},
    "anon.col.kind": {"nb": "Type", "en": "Kind"},
    "anon.col.count": {"nb": "Antall", "en": "Count"},
    "anon.col.replacement": {"nb": "Erstatning", "en": "Replacement"},
    "anon.col.where": {"nb": "Hvor", "en": "Where"},
    "anon.col.decision": {"nb": "Valg", "en": "Decision"},
    "anon.none": {
        "nb": "Fant ingen navn, steder eller institusjoner som ikke alt er pseudonymisert.",
        "en": "No names, places or institutions found that are not pseudonymised already.",
    },
    "anon.found": {
        "nb": "{count} mulige navn i de lagrede transkripsjonene ({pipeline}).",
        "en": "{count} possible names in the stored transcripts ({pipeline}).",
    },
    "anon.reused": {"nb": "fra nøkkelen", "en": "from the key"},
    "anon.variants": {"nb": "også: {forms}", "en": "also: {forms}"},
    "anon.more": {"nb": "… og {count} til", "en": "… and {count} more"},
    "anon.hint": {
        "nb": "Gå gjennom med `sdi anonymise --write-review` (eller i arbeidsbenken: «Anonymiser»), "
        "eller godta alle med `sdi anonymise --apply`.",
        "en": "Review with `sdi anonymise --write-review` (or in the workbench: «Anonymise»), "
        "or accept all with `sdi anonymise --apply`.",
    },
    "anon.review_written": {
        "nb": "{path}: {count} navn til gjennomgang (bare du kan lese filen). Rediger, og kjør "
        "`sdi anonymise --apply --review {path}`.",
        "en": "{path}: {count} names to review (only you can read the file). Edit it, then run "
        "`sdi anonymise --apply --review {path}`.",
    },
    "anon.applied": {
        "nb": "{names} navn lagt i nøkkelen {file}; {replacements} steder erstattet i {documents} "
        "transkripsjoner (ny versjon, kodinger flyttet med).",
        "en": "{names} names added to the key {file}; {replacements} places replaced in {documents} "
        "transcripts (new version, codings moved along).",
    },
    "anon.flagged": {
        "nb": "{count} kodinger må sees på: ordene deres endret seg mer enn navnet.",
        "en": "{count} codings need a look: their words changed beyond the name.",
    },
    "anon.nothing": {
        "nb": "Ingen navn godtatt; ingenting endret.",
        "en": "No name accepted; nothing changed.",
    },
    # the TUI review
    "anon.cmd": {"nb": "Anonymiser …", "en": "Anonymise …"},
    "anon.cmd_help": {
        "nb": "finn navn, steder og institusjoner i transkripsjonene og erstatt dem med pseudonymer",
        "en": "find names, places and institutions in the transcripts and replace them by pseudonyms",
    },
    "anon.title": {"nb": "Anonymisering: {count} mulige navn", "en": "Anonymisation: {count} possible names"},
    "anon.accepted": {"nb": "godta", "en": "accept"},
    "anon.rejected": {"nb": "avvis", "en": "reject"},
    "anon.edit_title": {"nb": "Erstatning for «{name}»", "en": "Replacement for «{name}»"},
    "anon.summary": {
        "nb": "{accepted} godtatt, {rejected} avvist. a: godta · r: avvis · e: endre · ctrl+s: bruk",
        "en": "{accepted} accepted, {rejected} rejected. a: accept · r: reject · e: edit · ctrl+s: apply",
    },
    "tui.key.anon_accept": {"nb": "godta", "en": "accept"},
    "tui.key.anon_reject": {"nb": "avvis", "en": "reject"},
    "tui.key.anon_edit": {"nb": "endre erstatning", "en": "edit replacement"},
    "tui.key.anon_apply": {"nb": "bruk", "en": "apply"},
    "tui.key.anon_close": {"nb": "lukk", "en": "close"},
    "anon.done": {
        "nb": "{names} navn i nøkkelen; {replacements} steder erstattet i {documents} transkripsjoner",
        "en": "{names} names in the key; {replacements} places replaced in {documents} transcripts",
    },
    # refusals of sdi.workflow.anonymise and `sdi anonymise`
    "anon.nothing_accepted": {
        "nb": "ingenting å bruke: ingen navn ble godtatt",
        "en": "nothing to apply: no name was accepted",
    },
    "anon.needs_both": {
        "nb": "«{name}»: både et navn og et pseudonym trengs",
        "en": "«{name}»: a name and a pseudonym are both needed",
    },
    "anon.pseudonym_holds_name": {
        "nb": "pseudonymet {replacement} inneholder det virkelige navnet det erstatter",
        "en": "the pseudonym {replacement} contains the real name it replaces",
    },
    "anon.review_outside": {
        "nb": "{path}: gjennomgangsfilen inneholder virkelige navn, så den skrives bare i {state_dir} eller "
        "{user_dir} (ignorert av git, aldri delt)",
        "en": "{path}: the review file holds real names, so it is only written inside {state_dir} or "
        "{user_dir} (git-ignored, never shared)",
    },
    "anon.review_unreadable": {
        "nb": "{path}: kan ikke lese: {reason}",
        "en": "{path}: cannot read: {reason}",
    },
    "anon.review_toml": {
        "nb": "{where}: ugyldig TOML i gjennomgangsfilen",
        "en": "{where}: invalid TOML in the review file",
    },
    "anon.review_list": {
        "nb": "{path}: 'name' må være en liste av [[name]]-tabeller",
        "en": "{path}: 'name' must be a list of [[name]] tables",
    },
    "anon.review_no_name": {
        "nb": "{where}: hver [[name]] trenger et navn",
        "en": "{where}: each [[name]] needs a name",
    },
    "anon.review_no_replacement": {
        "nb": "{where}: «{name}» trenger en erstatning som ikke er tom",
        "en": "{where}: «{name}» needs a non-empty replacement",
    },
    "anon.review_accept": {
        "nb": "{where}: accept må være true eller false",
        "en": "{where}: accept must be true or false",
    },
    "anon.review_variants": {
        "nb": "{where}: variants må være en liste av tekster",
        "en": "{where}: variants must be a list of strings",
    },
    "anon.review_needs_apply": {
        "nb": "--review FIL trenger --apply (skriv en gjennomgangsfil med --write-review)",
        "en": "--review FILE needs --apply (write a review file with --write-review)",
    },
}
