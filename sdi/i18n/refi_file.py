"""What the REFI-QDA reader (`sdi.ingest.refi`) says about a .qdpx, .qdc or .qde file: why it cannot be read,
and what of it was skipped or changed on the way in."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "refi_file.unreadable": {"nb": "kan ikke lese fila: {reason}", "en": "cannot read: {reason}"},
    "refi_file.file_too_large": {
        "nb": "for stor for en REFI-QDA-fil ({size} byte)",
        "en": "too large for a REFI-QDA file ({size} bytes)",
    },
    "refi_file.in_member": {"nb": "{member}: {message}", "en": "{member}: {message}"},
    "refi_file.not_well_formed": {
        "nb": "ikke velformet XML: {reason}",
        "en": "not well-formed XML: {reason}",
    },
    "refi_file.not_well_formed_at": {
        "nb": "ikke velformet XML: {reason} (linje {line})",
        "en": "not well-formed XML: {reason} (line {line})",
    },
    "refi_file.unreadable_xml": {"nb": "uleselig XML: {reason}", "en": "unreadable XML: {reason}"},
    "refi_file.doctype": {
        "nb": "intet XML-dokument, eller en DOCTYPE (REFI-QDA tillater ingen entiteter)",
        "en": "no XML document, or a DOCTYPE (REFI-QDA allows no entities)",
    },
    "refi_file.no_qde": {
        "nb": "ikke et REFI-QDA-prosjekt: arkivet har ingen project.qde",
        "en": "not a REFI-QDA project: no project.qde in the archive",
    },
    "refi_file.damaged_archive": {
        "nb": "ikke et lesbart .qdpx-arkiv (avkuttet eller skadet?): {reason}",
        "en": "not a readable .qdpx archive (truncated or damaged?): {reason}",
    },
    "refi_file.project_too_large": {
        "nb": "for stort for et REFI-QDA-prosjekt ({size} byte, {files} filer)",
        "en": "too large for a REFI-QDA project ({size} bytes, {files} files)",
    },
    "refi_file.member_outside": {
        "nb": "avviste arkivdelen '{member}': stien leder ut av arkivet",
        "en": "refused archive member '{member}': its path leads outside the archive",
    },
    "refi_file.member_too_large": {
        "nb": "avviste arkivdelen '{member}': for stor ({size} byte)",
        "en": "refused archive member '{member}': too large ({size} bytes)",
    },
    "refi_file.member_ratio": {
        "nb": "avviste arkivdelen '{member}': mistenkelig komprimeringsforhold ({ratio}:1)",
        "en": "refused archive member '{member}': suspicious compression ratio ({ratio}:1)",
    },
    "refi_file.member_too_large_read": {
        "nb": "avviste arkivdelen '{member}': for stor",
        "en": "refused archive member '{member}': too large",
    },
    "refi_file.member_line": {
        "nb": "{member} linje {line}: {message}",
        "en": "{member} line {line}: {message}",
    },
    "refi_file.no_attribute": {
        "nb": "<{element}> mangler {attribute}",
        "en": "<{element}> has no {attribute}",
    },
    "refi_file.duplicate_guid": {
        "nb": "<{element}> med guid {guid} står to ganger; hver guid skal navngi én ting",
        "en": "<{element}> with guid {guid} appears twice; each guid must name one thing",
    },
    "refi_file.root": {
        "nb": "ikke en REFI-QDA-fil: rotelementet er <{element}>",
        "en": "not a REFI-QDA file: the root element is <{element}>",
    },
    "refi_file.positions_unsure": {
        "nb": "ingen lesning av tekstposisjonene legger utvalgene på ordgrenser — {summary}; "
        "sjekk de kodede ordene",
        "en": "no reading of the text positions puts the selections on word boundaries — {summary}; "
        "check the coded words",
    },
    "refi_file.selection_skipped": {
        "nb": "utvalget {start}–{end} i '{source}' hoppet over: utenfor teksten eller midt i et tegn",
        "en": "selection {start}–{end} in '{source}' skipped: outside the text or inside a character",
    },
    "refi_file.without": {
        "nb": "<{element}> uten <{reference}>",
        "en": "<{element}> without <{reference}>",
    },
    "refi_file.text_path": {"nb": "avviste plainTextPath '{path}'", "en": "refused plainTextPath '{path}'"},
    "refi_file.not_utf8": {
        "nb": "teksten til '{source}' er ikke UTF-8",
        "en": "the text of '{source}' is not UTF-8",
    },
    "refi_file.not_text": {
        "nb": "{kind} '{source}' hoppet over: bare tekstkilder leses",
        "en": "{kind} '{source}' skipped: only text sources are read",
    },
    "refi_file.text_missing": {
        "nb": "tekstkilden '{source}' hoppet over: ren tekst for den finnes ikke i fila",
        "en": "text source '{source}' skipped: its plain text is not in the file",
    },
    "refi_file.not_whole": {
        "nb": "<{element}> trenger et helt tall som {attribute}, ikke '{value}'",
        "en": "<{element}> needs a whole number {attribute}, not '{value}'",
    },
    "refi_file.long_code_name": {
        "nb": "koden på linje {line} («{start}…») har et navn på {length} tegn; et kodeutsagn kan ha "
        "{limit}: navnet er kortet av etter et ord med «…», og hele navnet står først i kodens beskrivelse",
        "en": "the code at line {line} («{start}…») has a name of {length} characters; a code's statement "
        "may have {limit}: the name is cut after a word with «…», and the whole name opens its description",
    },
}
