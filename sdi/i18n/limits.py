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
}
