"""Why a file cannot be read as a transcript at all (`sdi.ingest.encoding`): missing, too large, empty,
binary, or in an encoding sdi does not read."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "reading.not_found": {"nb": "fila finnes ikke", "en": "file not found"},
    "reading.unreadable": {"nb": "kan ikke lese fila: {reason}", "en": "cannot read file: {reason}"},
    "reading.not_a_file": {"nb": "ikke en vanlig fil", "en": "not a regular file"},
    "reading.too_large": {  # the same digits in both languages: a Norwegian reads 52,428,800 as a decimal
        "nb": "fila er for stor ({size} byte; grensen er {limit} byte)",
        "en": "file too large ({size} bytes; the limit is {limit})",
    },
    "reading.empty": {"nb": "fila er tom", "en": "empty file"},
    "reading.binary": {"nb": "binærfil, ikke en transkripsjon", "en": "binary file, not a transcript"},
    "reading.bad_bom": {
        "nb": "ikke gyldig {encoding} selv om fila begynner med et byte-order-merke for det",
        "en": "not valid {encoding} despite its byte-order mark",
    },
    "reading.unknown_encoding": {
        "nb": "ukjent tegnkoding: teksten er verken UTF-8, UTF-16 eller Windows-1252; "
        "lagre fila som UTF-8 og importer den på nytt",
        "en": "unknown encoding: the text is neither UTF-8, UTF-16 nor Windows-1252; "
        "save the file as UTF-8 and import it again",
    },
    "reading.unknown_encoding_guess": {
        "nb": "ukjent tegnkoding: teksten ser ut til å være {encoding}, ikke UTF-8, UTF-16 eller "
        "Windows-1252; lagre fila som UTF-8 og importer den på nytt",
        "en": "unknown encoding: the text looks like {encoding}, not UTF-8, UTF-16 or Windows-1252; "
        "save the file as UTF-8 and import it again",
    },
}
