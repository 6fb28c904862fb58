"""Strings of data safety: a database that refuses a write (read-only, locked, full), `sdi db copy` and
`sdi db upgrade`, and the workbench noticing other coders' changes."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # a refused write or read, one sentence (sdi.storage.faults)
    "safety.store.read_only": {
        "nb": "databasen {database} er skrivebeskyttet (filen eller mappen), så den kan bare leses.",
        "en": "the database {database} is read-only (the file or its folder), so it can only be read.",
    },
    "safety.store.locked": {
        "nb": "databasen {database} er låst av en annen prosess (ventet {seconds} s); prøv igjen om litt.",
        "en": "the database {database} is locked by another process (waited {seconds} s); try again shortly.",
    },
    "safety.store.full": {
        "nb": "det er ikke plass til mer i databasen {database} (disken er full: {detail}).",
        "en": "there is no room for more in the database {database} (the disk is full: {detail}).",
    },
    "safety.store.io": {
        "nb": "databasen {database} kunne ikke skrives eller leses (inn/ut-feil: {detail}).",
        "en": "the database {database} could not be written or read (I/O error: {detail}).",
    },
    "safety.store.cannot_open": {
        "nb": "databasen {database} kan ikke åpnes ({detail}).",
        "en": "the database {database} cannot be opened ({detail}).",
    },
    "safety.store.corrupt": {
        "nb": "databasen {database} er skadet ({detail}); hent den siste sikkerhetskopien i .sdi/backups/.",
        "en": "the database {database} is damaged ({detail}); restore the latest backup from .sdi/backups/.",
    },
    "safety.store.resources": {
        "nb": "databaseserveren {database} mangler ressurser ({detail}).",
        "en": "the database server {database} is short of resources ({detail}).",
    },
    "safety.store.nothing_written": {
        "nb": "Ingenting ble lagret, og alt som var lagret fra før, er i behold.",
        "en": "Nothing was saved, and everything saved before is kept.",
    },
    # sdi db copy
    "safety.copy.marked": {
        "nb": "databasen {database} er målet for en `sdi db copy` som ikke ble fullført eller ikke stemte; "
        "den brukes ikke. Slett den og kopier på nytt.",
        "en": "the database {database} is the target of an `sdi db copy` that did not finish or did not "
        "match; it is not used. Drop it and copy again.",
    },
    "safety.copy.same": {
        "nb": "kan ikke kopiere databasen {database} til seg selv",
        "en": "cannot copy the database {database} onto itself",
    },
    "safety.copy.not_empty": {
        "nb": "måldatabasen {database} er ikke tom ({what}); sdi db copy skriver bare til en tom database",
        "en": "the target database {database} is not empty ({what}); sdi db copy only writes to an "
        "empty database",
    },
    "safety.copy.foreign_revision": {
        "nb": "skjemaversjonen {revision}",
        "en": "schema revision {revision}",
    },
    "safety.copy.rows_in": {"nb": "{rows} rader i {table}", "en": "{rows} rows in {table}"},
    "safety.copy.tables": {"nb": "andre tabeller: {tables}", "en": "other tables: {tables}"},
    "safety.copy.no_env": {
        "nb": "miljøvariabelen {name} i adressen er ikke satt",
        "en": "the environment variable {name} in the URL is not set",
    },
    "safety.copy.bad_url": {
        "nb": "ugyldig databaseadresse {url}: {detail}",
        "en": "invalid database URL {url}: {detail}",
    },
    "safety.copy.heading": {
        "nb": "Kopierte {source} → {target}",
        "en": "Copied {source} → {target}",
    },
    "safety.copy.table": {"nb": "Tabell", "en": "Table"},
    "safety.copy.source_rows": {"nb": "Rader (kilde)", "en": "Rows (source)"},
    "safety.copy.target_rows": {"nb": "Rader (mål)", "en": "Rows (target)"},
    "safety.copy.checksum": {"nb": "Sjekksum", "en": "Checksum"},
    "safety.copy.same_mark": {"nb": "lik", "en": "same"},
    "safety.copy.differs": {"nb": "ULIK", "en": "DIFFERS"},
    "safety.copy.verified": {
        "nb": "Alle {tables} tabeller stemmer ({rows} rader). Søkeindeksen er bygd på nytt. For å bruke den "
        "nye databasen: sett database.url i sdi.toml (passordet i miljøet eller ~/.pgpass, aldri i filen).",
        "en": "All {tables} tables match ({rows} rows). The search index was rebuilt. To use the new "
        "database, set database.url in sdi.toml (the password in the environment or ~/.pgpass, "
        "never in the file).",
    },
    "safety.copy.mismatch": {
        "nb": "kopien stemmer ikke i {tables}; måldatabasen er merket som ubrukelig",
        "en": "the copy does not match in {tables}; the target database is marked unusable",
    },
    # sdi db upgrade
    "safety.upgrade.current": {
        "nb": "Databasen {database} har allerede skjemaversjon {revision}.",
        "en": "The database {database} already has schema revision {revision}.",
    },
    "safety.upgrade.done": {
        "nb": "Databasen {database} er oppgradert fra {before} til {after}.",
        "en": "The database {database} was upgraded from {before} to {after}.",
    },
    "safety.upgrade.backup": {"nb": "Sikkerhetskopi: {path}", "en": "Backup: {path}"},
    "safety.upgrade.no_backup": {
        "nb": "Ingen sikkerhetskopi tatt (pg_dump finnes ikke her); serverens egne sikkerhetskopier gjelder.",
        "en": "No backup taken (pg_dump is not installed here); the server's own backups apply.",
    },
    "safety.upgrade.new": {"nb": "ny", "en": "new"},
    "safety.upgrade.failed": {
        "nb": "skjemaoppgraderingen av {database} fra {before} til {after} mislyktes ({detail}); ingenting "
        "ble endret: databasen har fortsatt skjemaversjon {before}, og neste gang den åpnes, prøves "
        "oppgraderingen igjen.",
        "en": "the schema upgrade of {database} from {before} to {after} failed ({detail}); nothing was "
        "changed: the database is still at revision {before}, and the next open tries the upgrade again.",
    },
    "safety.upgrade.failed_changed": {
        "nb": "skjemaoppgraderingen av {database} fra {before} til {after} mislyktes ({detail}), og "
        "databasen er ikke lenger som før; legg sikkerhetskopien tilbake før du fortsetter.",
        "en": "the schema upgrade of {database} from {before} to {after} failed ({detail}) and the "
        "database is no longer as it was; put the backup back before going on.",
    },
    "safety.upgrade.known_good": {
        "nb": "Hel kopi fra før oppgraderingen: {path}",
        "en": "A whole copy from before the upgrade: {path}",
    },
    "safety.upgrade.older": {
        "nb": "En tidligere versjon av sdi tok denne kopien før sitt første, avbrutte forsøk (databasen kan "
        "være halvveis oppgradert av det): {path}",
        "en": "An earlier version of sdi took this copy before its first, interrupted attempt (which may "
        "have left the database half upgraded): {path}",
    },
    "safety.upgrade.no_room": {
        "nb": "kunne ikke ta sikkerhetskopi i {folder} før skjemaoppgraderingen ({detail}); ingenting ble "
        "endret.",
        "en": "could not write the backup to {folder} before the schema upgrade ({detail}); nothing was "
        "changed.",
    },
    # the workbench
    "safety.tui.coded_moved": {
        "nb": "Kodet som «{statement}». Transkripsjonen var endret siden du markerte; kodingen står på de "
        "samme ordene i den nye versjonen.",
        "en": "Coded as «{statement}». The transcript had changed since you selected; the coding is on the "
        "same words in its new version.",
    },
    "safety.tui.reloaded": {
        "nb": "Oppdatert med endringer fra andre kodere.",
        "en": "Updated with changes by other coders.",
    },
    "safety.concurrent_edit": {
        "nb": "noen andre endret dette i samme øyeblikk; last inn på nytt og prøv igjen",
        "en": "someone else changed this at the same moment; reload and try again",
    },
    "safety.upgrade.pg_dump": {
        "nb": "pg_dump feilet før skjemaoppgraderingen, ingenting er endret: {detail}",
        "en": "pg_dump failed before the schema upgrade, nothing was changed: {detail}",
    },
}
