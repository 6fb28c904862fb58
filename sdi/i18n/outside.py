"""Reasons that come from outside sdi — the operating system, Python's TOML parser, libxml2, the csv module —
said in the project's language. Each reader quotes such a reason inside its own sentence («ugyldig TOML:
…»); without this, a Norwegian sentence ended in the library's English. A reason is matched by its wording
(or, for the operating system, its error number) and becomes a `Notice`, whose English is the library's
own wording (for zip archives, a plainer one); a reason not listed here is passed on as it came, in
English. Stdlib only, like the rest of
the catalogue."""

from __future__ import annotations

import ast
import errno
import re

from sdi.i18n import Notice

# The operating system's refusals when reading: errno → catalogue key (their English is Linux's wording)
_OS = {
    errno.ENOENT: "outside.os.missing", errno.EACCES: "outside.os.denied",
    errno.EPERM: "outside.os.not_permitted", errno.EISDIR: "outside.os.is_folder",
    errno.ENOTDIR: "outside.os.not_folder", errno.ENAMETOOLONG: "outside.os.name_too_long",
    errno.ELOOP: "outside.os.loop", errno.EIO: "outside.os.io",
    errno.EMFILE: "outside.os.too_many_open", errno.ENFILE: "outside.os.too_many_open_system",
    errno.EBUSY: "outside.os.busy", errno.ENXIO: "outside.os.no_device", errno.EINVAL: "outside.os.invalid",
    errno.ENOSPC: "outside.os.full", errno.EROFS: "outside.os.read_only",
}  # fmt: skip

# Python's TOML parser (tomllib): its message, without the position, → key and the named parts
_TOML = [
    (r"Cannot overwrite a value", "outside.toml.overwrite"),
    (r"Unescaped '\\' in a string", "outside.toml.backslash"),
    (r"Cannot mutate immutable namespace (?P<name>.+)", "outside.toml.immutable"),
    (r"Unterminated string", "outside.toml.unterminated"),
    (r"Unclosed inline table", "outside.toml.unclosed_table"),
    (r"Unclosed array", "outside.toml.unclosed_array"),
    (r"Invalid value", "outside.toml.invalid_value"),
    (r"Invalid statement", "outside.toml.invalid_statement"),
    (r"Invalid initial character for a key part", "outside.toml.key_start"),
    (r"Invalid hex value", "outside.toml.hex"),
    (r"Invalid date or datetime", "outside.toml.date"),
    (r"Illegal character (?P<char>.+)", "outside.toml.illegal_char"),
    (r"Found invalid character (?P<char>.+)", "outside.toml.invalid_char"),
    (r"Expected ']]' at the end of an array declaration", "outside.toml.array_header"),
    (r"Expected ']' at the end of a table declaration", "outside.toml.table_header"),
    (r"Expected '=' after a key in a key/value pair", "outside.toml.equals"),
    (r"Expected newline or end of document after a statement", "outside.toml.after_value"),
    (r"Expected (?P<what>.+)", "outside.toml.expected"),
    (r"Escaped character is not a Unicode scalar value", "outside.toml.escape"),
    (r"Duplicate inline table key (?P<name>.+)", "outside.toml.inline_twice"),
    (r"Cannot redefine namespace (?P<name>.+)", "outside.toml.redefine"),
    (r"Cannot declare (?P<name>.+) twice", "outside.toml.twice"),
    # sdi.safe_toml's own refusals, worded like the parser's
    (r"a number too long to read", "outside.toml.long_number"),
    (r"nested deeper than (?P<limit>\d+) levels", "outside.toml.too_deep"),
    (r"a dotted key of more than (?P<limit>\d+) parts", "outside.toml.long_key"),
]
_TOML_END = re.compile(r"\s*\(at end of document\)$")

# libxml2 (through lxml), the messages a damaged XML file most often gets
_XML = [
    (
        r"Opening and ending tag mismatch: (?P<open>\S+) line (?P<line>\d+) and (?P<close>\S+)",
        "outside.xml.mismatch",
    ),
    (r"Premature end of data in tag (?P<tag>\S+) line (?P<line>\d+)", "outside.xml.premature_end"),
    (r"Extra content at the end of the document", "outside.xml.extra_content"),
    (r"Document is empty", "outside.xml.empty"),
    (r"Start tag expected, '<' not found", "outside.xml.no_start"),
    (r"StartTag: invalid element name", "outside.xml.element_name"),
    (r"Couldn't find end of Start Tag (?P<tag>\S+) line (?P<line>\d+)", "outside.xml.start_tag_end"),
    (r"EntityRef: expecting ';'", "outside.xml.entity_semicolon"),
    (r"xmlParseEntityRef: no name", "outside.xml.entity_name"),
    (r"Entity '(?P<name>[^']+)' not defined", "outside.xml.entity_undefined"),
    (r"AttValue: \" or ' expected", "outside.xml.attribute_quote"),
    (r"Attribute (?P<name>\S+) redefined", "outside.xml.attribute_twice"),
    (r"Specification mandates value for attribute (?P<name>\S+)", "outside.xml.attribute_value"),
    (r"attributes construct error", "outside.xml.attributes"),
    (r"Invalid bytes in character encoding", "outside.xml.bad_bytes"),
    (r"Input is not proper UTF-8, indicate encoding !.*", "outside.xml.not_utf8"),
    (r"Char 0x(?P<code>[0-9A-Fa-f]+) out of allowed range", "outside.xml.char_range"),
    (r"Comment not terminated", "outside.xml.comment"),
    (r"PCDATA invalid Char value (?P<code>\d+)", "outside.xml.text_char"),
    (r"CData section not finished.*", "outside.xml.cdata"),
    (r"EndTag: '</' not found", "outside.xml.end_tag"),
]

_XML_WHERE = re.compile(r", line (?P<line>\d+), column (?P<column>\d+)$")

# Python's csv module
_CSV = [
    (r"field larger than field limit \((?P<limit>\d+)\)", "outside.csv.field_limit"),
    (r"line contains NUL", "outside.csv.nul"),
    (r"unexpected end of data", "outside.csv.end"),
    (r"new-line character seen in unquoted field.*", "outside.csv.newline"),
    (r"'(?P<delimiter>.)' expected after '\"'", "outside.csv.after_quote"),
]


# Python's zipfile and zlib: a .docx or .qdpx is a zip archive
_ARCHIVE = [
    (r"File is not a zip file", "outside.zip.not_zip"),
    (r"Bad CRC-32 for file '(?P<name>.*)'", "outside.zip.checksum"),
    (r"Bad magic number for (?:file header|central directory)", "outside.zip.damaged"),
    (r"Truncated (?:file header|central directory)", "outside.zip.truncated"),
    (r"Bad offset for central directory", "outside.zip.damaged"),
    (r"Corrupt .*extra field.*", "outside.zip.damaged"),
    (r"Overlapped entries: '(?P<name>.*)' \(possible zip bomb\)", "outside.zip.overlapped"),
    (r"zipfiles that span multiple disks are not supported", "outside.zip.multi_disk"),
    (r"That compression method is not supported|compression type .*", "outside.zip.method"),
    (r"File '(?P<name>.*)' is encrypted, password required for extraction", "outside.zip.encrypted"),
    (r"Error -?\d+ while decompressing data.*", "outside.zip.inflate"),
    (r"Compressed file ended before the end-of-stream marker was reached", "outside.zip.truncated"),
]


def _matched(message: str, table: list[tuple[str, str]]) -> Notice | None:
    for pattern, key in table:
        found = re.fullmatch(pattern, message)
        if found:
            named = found.groupdict()
            if "name" in named:
                named["name"] = _key(named["name"])
            return Notice(key, **named)
    return None


def _key(value: str) -> str:
    """A key as the file has it (a.b), where the TOML parser names it as a tuple of its parts, `('a', 'b')`,
    or in Python's quotes, `'b'`."""
    if value[:1] not in ("(", "'", '"'):
        return value
    try:
        parts = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value
    if isinstance(parts, str):
        return parts
    if isinstance(parts, tuple) and parts and all(isinstance(part, str) for part in parts):
        return ".".join(parts)
    return value


def os_reason(error: OSError) -> str:
    """Why the operating system refused to read (or open) a file, in the project's language when known."""
    key = _OS.get(error.errno or 0)
    if key:
        return Notice(key)
    return error.strerror or str(error) or type(error).__name__


def toml_reason(message: str) -> str:
    """Python's TOML parser's reason (its position already taken off), in the project's language when known;
    the parser's "(at end of document)" said too."""
    at_end = _TOML_END.search(message)
    bare = _TOML_END.sub("", message).strip()
    reason: str = _matched(bare, _TOML) or bare
    return Notice("outside.toml.at_end", reason=reason) if at_end else reason


def xml_reason(message: str) -> str:
    """libxml2's reason for refusing an XML file, in the project's language when known (lxml adds where:
    ", line N, column M")."""
    bare = " ".join(message.split())
    where = _XML_WHERE.search(bare)
    if where is None:
        return _matched(bare, _XML) or bare
    inner = bare[: where.start()]
    reason: str = _matched(inner, _XML) or inner
    return Notice("outside.xml.where", reason=reason, line=where.group("line"), column=where.group("column"))


def archive_reason(error: BaseException) -> str:
    """Why a zip archive (a .docx, a .qdpx) could not be read, in the project's language when known; else
    the exception's type and message, as before."""
    if isinstance(error, OSError) and not type(error).__module__.startswith("zipfile") and error.errno:
        return os_reason(error)
    message = " ".join(str(error).split())
    found = _matched(message, _ARCHIVE)
    if found is not None:
        return found
    if isinstance(error, EOFError):
        return Notice("outside.zip.truncated")
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def csv_reason(message: str) -> str:
    """The csv module's reason for refusing a row, in the project's language when known."""
    bare = " ".join(message.split())
    return _matched(bare, _CSV) or bare


STRINGS: dict[str, dict[str, str]] = {
    # the operating system (English: Linux's wording)
    "outside.os.missing": {"nb": "finnes ikke", "en": "No such file or directory"},
    "outside.os.denied": {"nb": "ingen tilgang", "en": "Permission denied"},
    "outside.os.not_permitted": {"nb": "ikke tillatt", "en": "Operation not permitted"},
    "outside.os.is_folder": {"nb": "er en mappe", "en": "Is a directory"},
    "outside.os.not_folder": {"nb": "en del av stien er ikke en mappe", "en": "Not a directory"},
    "outside.os.name_too_long": {"nb": "filnavnet er for langt", "en": "File name too long"},
    "outside.os.loop": {"nb": "for mange symbolske lenker", "en": "Too many levels of symbolic links"},
    "outside.os.io": {"nb": "lesefeil på disken", "en": "Input/output error"},
    "outside.os.too_many_open": {"nb": "for mange åpne filer", "en": "Too many open files"},
    "outside.os.too_many_open_system": {
        "nb": "for mange åpne filer på maskinen",
        "en": "Too many open files in system",
    },
    "outside.os.busy": {"nb": "filen er i bruk", "en": "Device or resource busy"},
    "outside.os.no_device": {"nb": "enheten finnes ikke", "en": "No such device or address"},
    "outside.os.invalid": {"nb": "ugyldig argument", "en": "Invalid argument"},
    "outside.os.full": {"nb": "disken er full", "en": "No space left on device"},
    "outside.os.read_only": {"nb": "disken er skrivebeskyttet", "en": "Read-only file system"},
    # Python's TOML parser (English: its own wording)
    "outside.toml.at_end": {"nb": "{reason} (på slutten av filen)", "en": "{reason} (at end of document)"},
    "outside.toml.overwrite": {
        "nb": "en verdi kan ikke skrives over (nøkkelen er gitt før)",
        "en": "Cannot overwrite a value",
    },
    "outside.toml.backslash": {
        "nb": "en «\\» i en streng må skrives «\\\\»",
        "en": "Unescaped '\\' in a string",
    },
    "outside.toml.immutable": {
        "nb": "«{name}» er gitt som verdi og kan ikke utvides",
        "en": "Cannot mutate immutable namespace '{name}'",
    },
    "outside.toml.unterminated": {
        "nb": "strengen slutter aldri (mangler anførselstegn)",
        "en": "Unterminated string",
    },
    "outside.toml.unclosed_table": {
        "nb": "tabellen på linjen lukkes aldri (mangler avsluttende krøllparentes)",
        "en": "Unclosed inline table",
    },
    "outside.toml.unclosed_array": {"nb": "listen lukkes aldri (mangler «]»)", "en": "Unclosed array"},
    "outside.toml.invalid_value": {"nb": "ugyldig verdi", "en": "Invalid value"},
    "outside.toml.invalid_statement": {"nb": "ugyldig linje", "en": "Invalid statement"},
    "outside.toml.key_start": {
        "nb": "ugyldig første tegn i en nøkkel",
        "en": "Invalid initial character for a key part",
    },
    "outside.toml.hex": {"nb": "ugyldig heksadesimalt tall", "en": "Invalid hex value"},
    "outside.toml.date": {"nb": "ugyldig dato eller tidspunkt", "en": "Invalid date or datetime"},
    "outside.toml.illegal_char": {"nb": "ulovlig tegn {char}", "en": "Illegal character {char}"},
    "outside.toml.invalid_char": {"nb": "ugyldig tegn {char}", "en": "Found invalid character {char}"},
    "outside.toml.array_header": {
        "nb": "«]]» mangler på slutten av overskriften",
        "en": "Expected ']]' at the end of an array declaration",
    },
    "outside.toml.table_header": {
        "nb": "«]» mangler på slutten av tabelloverskriften",
        "en": "Expected ']' at the end of a table declaration",
    },
    "outside.toml.equals": {
        "nb": "«=» mangler etter nøkkelen",
        "en": "Expected '=' after a key in a key/value pair",
    },
    "outside.toml.after_value": {
        "nb": "noe står etter verdien (én nøkkel = verdi per linje)",
        "en": "Expected newline or end of document after a statement",
    },
    "outside.toml.expected": {"nb": "her skulle det stå {what}", "en": "Expected {what}"},
    "outside.toml.escape": {
        "nb": "escape-sekvensen er ikke et gyldig Unicode-tegn",
        "en": "Escaped character is not a Unicode scalar value",
    },
    "outside.toml.inline_twice": {
        "nb": "nøkkelen «{name}» står to ganger i samme tabell",
        "en": "Duplicate inline table key '{name}'",
    },
    "outside.toml.redefine": {
        "nb": "tabellen «{name}» er definert før",
        "en": "Cannot redefine namespace '{name}'",
    },
    "outside.toml.twice": {"nb": "«{name}» står to ganger", "en": "Cannot declare '{name}' twice"},
    "outside.toml.long_number": {"nb": "et tall for langt til å leses", "en": "a number too long to read"},
    "outside.toml.too_deep": {
        "nb": "nøstet dypere enn {limit} nivåer",
        "en": "nested deeper than {limit} levels",
    },
    "outside.toml.long_key": {
        "nb": "en nøkkel med mer enn {limit} punktdeler",
        "en": "a dotted key of more than {limit} parts",
    },
    # libxml2 (English: its own wording)
    "outside.xml.mismatch": {
        "nb": "<{open}> fra linje {line} lukkes med </{close}>",
        "en": "Opening and ending tag mismatch: {open} line {line} and {close}",
    },
    "outside.xml.premature_end": {
        "nb": "filen slutter før <{tag}> fra linje {line} er lukket",
        "en": "Premature end of data in tag {tag} line {line}",
    },
    "outside.xml.extra_content": {
        "nb": "noe står etter dokumentets siste element",
        "en": "Extra content at the end of the document",
    },
    "outside.xml.empty": {"nb": "dokumentet er tomt", "en": "Document is empty"},
    "outside.xml.no_start": {
        "nb": "fant ikke noe element («<» mangler)",
        "en": "Start tag expected, '<' not found",
    },
    "outside.xml.element_name": {"nb": "ugyldig elementnavn", "en": "StartTag: invalid element name"},
    "outside.xml.start_tag_end": {
        "nb": "<{tag}> på linje {line} lukkes aldri",
        "en": "Couldn't find end of Start Tag {tag} line {line}",
    },
    "outside.xml.entity_semicolon": {
        "nb": "«;» mangler etter en &-referanse",
        "en": "EntityRef: expecting ';'",
    },
    "outside.xml.entity_name": {"nb": "en «&» uten navn (skriv «&amp;»)", "en": "xmlParseEntityRef: no name"},
    "outside.xml.entity_undefined": {"nb": "&{name}; er ikke definert", "en": "Entity '{name}' not defined"},
    "outside.xml.attribute_quote": {
        "nb": "en attributtverdi mangler anførselstegn",
        "en": "AttValue: \" or ' expected",
    },
    "outside.xml.attribute_twice": {
        "nb": "attributtet {name} står to ganger",
        "en": "Attribute {name} redefined",
    },
    "outside.xml.attribute_value": {
        "nb": "attributtet {name} mangler verdi",
        "en": "Specification mandates value for attribute {name}",
    },
    "outside.xml.attributes": {"nb": "attributtene er feil skrevet", "en": "attributes construct error"},
    "outside.xml.bad_bytes": {
        "nb": "ugyldige byte for tegnkodingen",
        "en": "Invalid bytes in character encoding",
    },
    "outside.xml.not_utf8": {"nb": "teksten er ikke gyldig UTF-8", "en": "Input is not proper UTF-8"},
    "outside.xml.char_range": {
        "nb": "tegnet 0x{code} er ikke tillatt i XML",
        "en": "Char 0x{code} out of allowed range",
    },
    "outside.xml.where": {
        "nb": "{reason}, linje {line}, kolonne {column}",
        "en": "{reason}, line {line}, column {column}",
    },
    "outside.xml.text_char": {
        "nb": "et kontrolltegn (kode {code}) står i teksten",
        "en": "PCDATA invalid Char value {code}",
    },
    "outside.xml.comment": {"nb": "en kommentar lukkes aldri", "en": "Comment not terminated"},
    "outside.xml.cdata": {"nb": "en CDATA-del lukkes aldri", "en": "CData section not finished"},
    "outside.xml.end_tag": {"nb": "sluttmerket mangler («</»)", "en": "EndTag: '</' not found"},
    # zip archives (English: our own wording of zipfile's and zlib's reasons)
    "outside.zip.not_zip": {"nb": "ikke en zip-fil", "en": "not a zip file"},
    "outside.zip.checksum": {
        "nb": "kontrollsummen stemmer ikke for «{name}» (fila er skadet)",
        "en": "bad checksum for '{name}' (the file is damaged)",
    },
    "outside.zip.damaged": {"nb": "zip-arkivet er skadet", "en": "the zip archive is damaged"},
    "outside.zip.truncated": {
        "nb": "zip-arkivet er avkortet (fila slutter for tidlig)",
        "en": "the zip archive is truncated (the file ends too early)",
    },
    "outside.zip.overlapped": {
        "nb": "delene i arkivet overlapper («{name}»), en mulig zip-bombe",
        "en": "overlapping entries in the archive ('{name}'), a possible zip bomb",
    },
    "outside.zip.multi_disk": {
        "nb": "arkiv delt over flere filer støttes ikke",
        "en": "archives split over several files are not supported",
    },
    "outside.zip.method": {
        "nb": "arkivet bruker en komprimering som ikke støttes",
        "en": "the archive uses a compression method that is not supported",
    },
    "outside.zip.encrypted": {
        "nb": "«{name}» i arkivet er kryptert (passord kreves)",
        "en": "'{name}' in the archive is encrypted (a password is needed)",
    },
    "outside.zip.inflate": {
        "nb": "komprimerte data i arkivet er skadet",
        "en": "compressed data in the archive is damaged",
    },
    # Python's csv module (English: its own wording)
    "outside.csv.field_limit": {
        "nb": "et felt er større enn grensen ({limit} tegn)",
        "en": "field larger than field limit ({limit})",
    },
    "outside.csv.nul": {"nb": "linjen inneholder et NUL-tegn", "en": "line contains NUL"},
    "outside.csv.end": {"nb": "filen slutter midt i et felt", "en": "unexpected end of data"},
    "outside.csv.newline": {
        "nb": "linjeskift i et felt uten anførselstegn",
        "en": "new-line character seen in unquoted field",
    },
    "outside.csv.after_quote": {
        "nb": "«{delimiter}» skulle stå etter anførselstegnet",
        "en": "'{delimiter}' expected after '\"'",
    },
}
