"""Strings of bounded work: what an input may ask of sdi (participants, lengths, numbers, nesting), a speaker
pattern that runs away, a database URL sdi cannot use, and text longer than the store keeps."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "limits.participants": {
        "nb": "{what}: {count} deltakere er oppgitt; høyst {limit} kan oppgis for én transkripsjon",
        "en": "{what}: {count} participants are declared; at most {limit} can be declared for one transcript",
    },
    "limits.metadata_size": {
        "nb": "{what} er {size} byte; høyst {limit} byte leses",
        "en": "{what} is {size} bytes; at most {limit} bytes are read",
    },
    "limits.stage": {
        "nb": "{what}: 'stage' må være et helt tall fra 1 til {limit}, ikke {value}",
        "en": "{what}: 'stage' must be a whole number from 1 to {limit}, not {value}",
    },
    "limits.too_long": {
        "nb": "{what} er {length} tegn lang; høyst {limit} tegn lagres",
        "en": "{what} is {length} characters long; at most {limit} are stored",
    },
    "limits.pattern_slow": {
        "nb": "talermønsteret {pattern} fra sdi.toml brukte mer enn {seconds} s på denne linjen "
        "(katastrofal tilbakesporing); forenkle det",
        "en": "the speaker pattern {pattern} from sdi.toml took more than {seconds} s on this line "
        "(catastrophic backtracking); simplify it",
    },
    "limits.pattern_runaway": {
        "nb": "'speakers.patterns': {pattern} bruker mer enn {seconds} s på en linje på {length} tegn "
        "(katastrofal tilbakesporing); forenkle det",
        "en": "'speakers.patterns': {pattern} takes more than {seconds} s on a line of {length} characters "
        "(catastrophic backtracking); simplify it",
    },
    # what a too-long text is, in the researcher's words (sdi.storage.lengths; others are named table.column)
    "limits.what.codes.statement": {"nb": "kodens utsagn", "en": "the code's statement"},
    "limits.what.code_groups.name": {"nb": "kodegruppens navn", "en": "the code group's name"},
    "limits.what.concepts.name": {"nb": "begrepets navn", "en": "the concept's name"},
    "limits.what.quote_sets.name": {"nb": "sitatsamlingens navn", "en": "the quote set's name"},
    "limits.what.coders.name": {"nb": "koderens navn", "en": "the coder's name"},
    "limits.what.focus_groups.name": {"nb": "fokusgruppens navn", "en": "the focus group's name"},
    "limits.what.focus_groups.site": {"nb": "fokusgruppens sted", "en": "the focus group's site"},
    "limits.what.focus_groups.category": {"nb": "fokusgruppens kategori", "en": "the focus group's category"},
    "limits.what.participants.pseudonym": {
        "nb": "deltakerens pseudonym", "en": "the participant's pseudonym"
    },
    "limits.what.participants.role": {"nb": "deltakerens rolle", "en": "the participant's role"},
    "limits.what.participants.service": {"nb": "deltakerens tjeneste", "en": "the participant's service"},
    "limits.what.documents.title": {"nb": "transkripsjonens tittel", "en": "the transcript's title"},
    "limits.what.documents.source_path": {"nb": "transkripsjonens filsti", "en": "the transcript's path"},
    "limits.what.utterances.speaker": {"nb": "talerens navn", "en": "the speaker's name"},
    "limits.copy_oversized": {
        "nb": "{database} har tekst som er lengre enn det en database med samme skjema kan lagre: {found}; "
        "kort dem inn (i arbeidsbenken eller med sdi) og kopier igjen — ingenting er kopiert",
        "en": "{database} holds text longer than a database of the same schema can keep: {found}; shorten "
        "them (in the workbench or with sdi) and copy again — nothing was copied",
    },
    "limits.copy_oversized_item": {
        "nb": "{what} ({rows} rader, den lengste {longest} tegn, høyst {limit})",
        "en": "{what} ({rows} rows, the longest {longest} characters, at most {limit})",
    },
    # a database URL sdi cannot use (sdi.storage.url)
    "limits.url.in_config": {"nb": "'database.url': {problem}", "en": "'database.url': {problem}"},
    "limits.url.space": {
        "nb": "adressen begynner eller slutter med et mellomrom; fjern det",
        "en": "the URL begins or ends with a space; remove it",
    },
    "limits.url.garbage": {
        "nb": "dette er ingen databaseadresse (skriv sqlite:///FIL eller postgresql+psycopg://BRUKER@VERT/DATABASE)",
        "en": "this is not a database URL (write sqlite:///FILE or postgresql+psycopg://USER@HOST/DATABASE)",
    },
    "limits.url.port": {
        "nb": "porten i adressen er ikke et tall (postgresql+psycopg://BRUKER@VERT:5432/DATABASE)",
        "en": "the port in the URL is not a number (postgresql+psycopg://USER@HOST:5432/DATABASE)",
    },
    "limits.url.engine": {
        "nb": "sdi bruker SQLite eller PostgreSQL, ikke {engine} (søkeindeksen finnes bare i de to)",
        "en": "sdi works with SQLite or PostgreSQL, not {engine} (its search index exists only in those two)",
    },
    "limits.url.memory": {
        "nb": "en SQLite-database i minnet glemmer alt når sdi avslutter; oppgi en fil (sqlite:///FIL)",
        "en": "an in-memory SQLite database forgets everything when sdi exits; name a file (sqlite:///FILE)",
    },
    "limits.url.async": {
        "nb": "driveren {driver} er asynkron; bruk postgresql+psycopg://",
        "en": "the driver {driver} is asynchronous; use postgresql+psycopg://",
    },
    "limits.url.driver": {
        "nb": "driveren {driver} for {engine} er ikke installert (sdi har postgresql+psycopg:// og sqlite:///)",
        "en": "the {engine} driver {driver} is not installed (sdi comes with postgresql+psycopg:// and sqlite:///)",
    },
}
