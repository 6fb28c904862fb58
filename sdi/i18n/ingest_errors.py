"""Refusals of the readers (`sdi.ingest`: transcripts, front matter, codebooks, Word and subtitle files)
and of the corpus import, raised as `Notice`s inside an `IngestError` so `sdi import`, `sdi codebook
import` and the workbench say them in the project's language; and the gold data of `sdi nlp evaluate`."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # any file
    "ingest.unreadable": {"nb": "kan ikke leses: {reason}", "en": "cannot read: {reason}"},
    "ingest.not_utf8": {"nb": "ikke UTF-8-tekst", "en": "not UTF-8 text"},
    "ingest.invalid_toml": {"nb": "ugyldig TOML: {reason}", "en": "invalid TOML: {reason}"},
    "ingest.unsupported": {
        "nb": "filtypen «{suffix}» støttes ikke (støttet: {supported})",
        "en": "unsupported file type '{suffix}' (supported: {supported})",
    },
    "ingest.no_labels": {
        "nb": "fant ingen talermerker (venter linjer som 'Navn: …')",
        "en": "no speaker labels found (expected lines like 'Navn: …')",
    },
    "ingest.the_speaker_label": {"nb": "talerens merkelapp", "en": "the speaker label"},
    # the corpus import
    "ingest.failed": {"nb": "{where}: {reason}", "en": "{where}: {reason}"},
    "ingest.outside": {
        "nb": "{path}: ligger utenfor prosjektet {root}",
        "en": "{path}: outside the project {root}",
    },
    "ingest.no_such": {"nb": "{path}: ingen slik fil eller mappe", "en": "{path}: no such file or folder"},
    "ingest.link_outside": {
        "nb": "{path}: en lenke til {target}, utenfor prosjektet {root}; ikke importert",
        "en": "{path}: a link to {target}, outside the project {root}; not imported",
    },
    "ingest.store_refused": {
        "nb": "{path}: lageret avviste importen: {detail}",
        "en": "{path}: the store refused the import: {detail}",
    },
    "ingest.duplicate_stage": {
        "nb": "dobbel runde: runde {stage} av «{group}» er allerede transkripsjonen {transcript}",
        "en": "duplicate stage: stage {stage} of '{group}' is already the transcript {transcript}",
    },
    # the text positions of a REFI-QDA file (`sdi refi import`)
    "ingest.reading.code-points": {
        "nb": "Unicode-tegn (kodepunkter)",
        "en": "Unicode characters (code points)",
    },
    "ingest.reading.utf-16": {"nb": "UTF-16-kodeenheter", "en": "UTF-16 code units"},
    "ingest.reading.code-points-crlf": {
        "nb": "Unicode-tegn, CRLF som ett",
        "en": "Unicode characters, CRLF as one",
    },
    "ingest.reading.utf-16-crlf": {
        "nb": "UTF-16-kodeenheter, CRLF som én",
        "en": "UTF-16 code units, CRLF as one",
    },
    "ingest.positions.none": {
        "nb": "posisjoner: {label} (ingen markeringer)",
        "en": "positions: {label} (no selections)",
    },
    "ingest.positions.agree": {
        "nb": "posisjoner: {label} — alle lesemåter gir det samme her (ingen emoji, ingen CRLF); {best} av "
        "{total} markeringer på ordgrenser",
        "en": "positions: {label} — every reading agrees here (no emoji, no CRLF); {best} of {total} "
        "selections on word boundaries",
    },
    "ingest.positions.chosen": {
        "nb": "posisjoner: {label}, {best} av {total} markeringer på ordgrenser ({others})",
        "en": "positions: {label}, {best} of {total} selections on word boundaries ({others})",
    },
    # front matter and sidecar files
    "ingest.fm.front_matter": {"nb": "metadatablokken", "en": "front matter"},
    "ingest.fm.sidecar": {"nb": "metadatafilen ved siden av", "en": "sidecar metadata"},
    "ingest.fm.yaml": {
        "nb": "YAML-metadata ('---') støttes ikke; skriv metadataene som TOML mellom '+++'-linjer",
        "en": "YAML front matter ('---') is not supported; use TOML front matter between '+++' lines",
    },
    "ingest.fm.unterminated": {
        "nb": "metadatablokken slutter aldri: ingen avsluttende '+++'-linje",
        "en": "unterminated front matter: no closing '+++' line",
    },
    "ingest.fm.invalid_toml": {
        "nb": "ugyldig TOML i {what}: {reason}",
        "en": "invalid TOML in {what}: {reason}",
    },
    "ingest.fm.toml_column": {"nb": "{reason} (kolonne {column})", "en": "{reason} (column {column})"},
    "ingest.fm.toml_end": {
        "nb": "{reason} (på slutten av blokken)",
        "en": "{reason} (at the end of the block)",
    },
    "ingest.fm.in": {"nb": "{what}: {message}", "en": "{what}: {message}"},
    "ingest.fm.unknown_key": {
        "nb": "ukjent nøkkel «{field}» (tillatt: {allowed})",
        "en": "unknown key '{field}' (allowed: {allowed})",
    },
    "ingest.fm.key": {"nb": "{what}: «{field}»", "en": "{what}: '{field}'"},
    "ingest.fm.string": {
        "nb": "«{field}» må være en tekst, ikke {kind}",
        "en": "'{field}' must be a string, not {kind}",
    },
    "ingest.fm.date": {
        "nb": "'date' må være en dato som 2025-02-12, ikke {value}",
        "en": "'date' must be a date like 2025-02-12, not {value}",
    },
    "ingest.fm.participants": {
        "nb": "'participants' må være en liste med [[participants]]-tabeller",
        "en": "'participants' must be a list of [[participants]] tables",
    },
    "ingest.fm.label_twice": {
        "nb": "deltakeren «{label}» er oppgitt to ganger",
        "en": "participant label '{label}' is declared twice",
    },
    "ingest.fm.participant_table": {
        "nb": "deltaker {number} må være en tabell",
        "en": "participant {number} must be a table",
    },
    "ingest.fm.participant_key": {
        "nb": "deltaker {number}: ukjent nøkkel «{field}» (tillatt: {allowed})",
        "en": "participant {number}: unknown key '{field}' (allowed: {allowed})",
    },
    "ingest.fm.no_label": {
        "nb": "deltaker {number} mangler 'label'",
        "en": "participant {number} has no 'label'",
    },
    "ingest.fm.empty_label": {
        "nb": "deltaker {number} har en tom 'label'",
        "en": "participant {number} has an empty 'label'",
    },
    "ingest.fm.moderator": {
        "nb": "deltaker {number}: 'moderator' må være true eller false",
        "en": "participant {number}: 'moderator' must be true or false",
    },
    "ingest.fm.attributes": {
        "nb": "deltaker {number}: 'attributes' må være en tabell",
        "en": "participant {number}: 'attributes' must be a table",
    },
    "ingest.fm.attribute": {
        "nb": "deltaker {number}: egenskapen «{field}» må være en enkel verdi",
        "en": "participant {number}: attribute '{field}' must be a plain value",
    },
    "ingest.fm.participant_value": {
        "nb": "{what}: deltaker {number}: «{field}»",
        "en": "{what}: participant {number}: '{field}'",
    },
    # speaker patterns from sdi.toml
    "ingest.speakers.invalid": {
        "nb": "ugyldig talermønster {pattern}: {reason}",
        "en": "invalid speaker pattern {pattern}: {reason}",
    },
    "ingest.speakers.no_label": {
        "nb": "talermønsteret {pattern} har ingen navngitt gruppe 'label'",
        "en": "speaker pattern {pattern} has no named group 'label'",
    },
    # Word files
    "ingest.docx.not_word": {
        "nb": "uleselig .docx: ikke en gyldig Word-fil ({reason})",
        "en": "unreadable .docx: not a valid Word file ({reason})",
    },
    "ingest.docx.escapes": {
        "nb": "utrygg .docx: arkivdelen {member} peker ut av arkivet",
        "en": "unsafe .docx: archive member {member} escapes the archive",
    },
    "ingest.docx.member_ratio": {
        "nb": "utrygg .docx: delen {member} har komprimeringsforhold {ratio}",
        "en": "unsafe .docx: member {member} has compression ratio {ratio}",
    },
    "ingest.docx.too_large": {
        "nb": "utrygg .docx: {size:,} byte ukomprimert (grensen er {limit:,})",
        "en": "unsafe .docx: {size:,} bytes uncompressed (limit {limit:,})",
    },
    "ingest.docx.ratio": {
        "nb": "utrygg .docx: komprimeringsforhold {ratio} (zip-bombe?)",
        "en": "unsafe .docx: compression ratio {ratio} (zip bomb?)",
    },
    "ingest.docx.missing": {
        "nb": "uleselig .docx: {part} mangler",
        "en": "unreadable .docx: {part} is missing",
    },
    "ingest.docx.too_much_text": {
        "nb": "for mye tekst i .docx-filen (mer enn {limit:,} tegn)",
        "en": "too much text in the .docx (more than {limit:,} characters)",
    },
    "ingest.docx.inflates": {
        "nb": "utrygg .docx: {part} blåses opp til mer enn {limit:,} byte (zip-bombe?)",
        "en": "unsafe .docx: {part} inflates beyond {limit:,} bytes (zip bomb?)",
    },
    "ingest.docx.bad_xml": {
        "nb": "uleselig .docx: {part} er ikke gyldig XML ({reason})",
        "en": "unreadable .docx: {part} is not well-formed XML ({reason})",
    },
    "ingest.docx.damaged": {
        "nb": "uleselig .docx: skadet ({reason})",
        "en": "unreadable .docx: damaged ({reason})",
    },
    # subtitle files
    "ingest.sub.not_vtt": {
        "nb": "ikke en WebVTT-fil: første linje må være 'WEBVTT'",
        "en": "not a WebVTT file: the first line must be 'WEBVTT'",
    },
    "ingest.sub.cue_number": {
        "nb": "venter et tekstnummer eller en tidslinje '{example}'",
        "en": "expected a cue number or a timing line '{example}'",
    },
    "ingest.sub.timing_expected": {
        "nb": "venter en tidslinje '{example}'",
        "en": "expected a timing line '{example}'",
    },
    "ingest.sub.malformed": {
        "nb": "feil i tidslinjen (venter '{example}')",
        "en": "malformed timing line (expected '{example}')",
    },
    "ingest.sub.below_60": {
        "nb": "feil i tidslinjen: minutter og sekunder må være under 60 ({example})",
        "en": "malformed timing line: minutes and seconds must be below 60 ({example})",
    },
    "ingest.sub.ends_before": {
        "nb": "feil i tidslinjen: teksten slutter før den begynner",
        "en": "malformed timing line: the cue ends before it starts",
    },
    # codebook files (TOML)
    "ingest.cb.where.codebook": {"nb": "kodebok", "en": "codebook"},
    "ingest.cb.where.a_group": {"nb": "gruppe", "en": "group"},
    "ingest.cb.where.a_code": {"nb": "kode", "en": "code"},
    "ingest.cb.where.group": {"nb": "gruppe {ident}", "en": "group {ident}"},
    "ingest.cb.where.code": {"nb": "kode {ident}", "en": "code {ident}"},
    "ingest.cb.where.concept": {"nb": "begrepet i {where}", "en": "concept of {where}"},
    "ingest.cb.required": {"nb": "{where}: «{field}» må fylles ut", "en": "{where}: '{field}' is required"},
    "ingest.cb.string": {
        "nb": "{where}: «{field}» må være en tekst",
        "en": "{where}: '{field}' must be a string",
    },
    "ingest.cb.ident": {
        "nb": "{where}: id-en «{value}» må være 1–36 bokstaver, sifre, '-', '_' eller '.'",
        "en": "{where}: id '{value}' must be 1–36 letters, digits, '-', '_' or '.'",
    },
    "ingest.cb.format": {
        "nb": 'ikke en sdi-kodebok (venter format = "{format}")',
        "en": 'not an sdi codebook (expected format = "{format}")',
    },
    "ingest.cb.unknown_key": {"nb": "ukjent nøkkel «{field}»", "en": "unknown key '{field}'"},
    "ingest.cb.tables": {
        "nb": "«{field}» må være en liste med tabeller ([[{field}]])",
        "en": "'{field}' must be an array of tables ([[{field}]])",
    },
    "ingest.cb.concept_table": {
        "nb": "{where}: 'concept' må være en tabell",
        "en": "{where}: 'concept' must be a table",
    },
    "ingest.cb.key_quotes_list": {
        "nb": "{where}: key_quotes må være en liste",
        "en": "{where}: key_quotes must be a list",
    },
    "ingest.cb.key_quotes_need": {
        "nb": "{where}: key_quotes trenger {{ code = …, transcript = … }}",
        "en": "{where}: key_quotes need {{ code = …, transcript = … }}",
    },
    "ingest.cb.rest": {
        "nb": "{where}: 'rest' må være true eller false",
        "en": "{where}: 'rest' must be true or false",
    },
    "ingest.cb.the_name": {"nb": "{where}: navnet", "en": "{where}: the name"},
    "ingest.cb.the_statement": {"nb": "{where}: utsagnet", "en": "{where}: the statement"},
    "ingest.cb.group_id": {
        "nb": "{where}: 'group' må være id-en til en gruppe",
        "en": "{where}: 'group' must be a group id",
    },
    "ingest.cb.codings_tables": {
        "nb": "{where}: kodingene må være tabeller ([[codes.codings]])",
        "en": "{where}: codings must be tables ([[codes.codings]])",
    },
    "ingest.cb.words": {
        "nb": "{where}: hver koding trenger sine eksakte 'words'",
        "en": "{where}: every coding needs its exact 'words'",
    },
    "ingest.cb.twice": {"nb": "id-en «{ident}» er brukt to ganger", "en": "id '{ident}' is used twice"},
    "ingest.cb.rests": {"nb": "mer enn én restgruppe", "en": "more than one rest group"},
    "ingest.cb.unknown_group": {
        "nb": "kode {code}: ukjent gruppe «{group}»",
        "en": "code {code}: unknown group '{group}'",
    },
    "ingest.cb.key_quote_group": {
        "nb": "begrep {concept}: nøkkelsitatets kode «{code}» er ikke i gruppen «{group}»",
        "en": "concept {concept}: key quote code '{code}' is not in group '{group}'",
    },
    # codebook files (CSV)
    "ingest.csv.encoding": {
        "nb": "ikke UTF-8- eller Windows-1252-tekst",
        "en": "not UTF-8 or Windows-1252 text",
    },
    "ingest.csv.too_large": {
        "nb": "for stor til å være en kodebok ({size} byte)",
        "en": "too large for a codebook ({size} bytes)",
    },
    "ingest.csv.empty": {
        "nb": "tom fil: en kodebok i CSV trenger en overskriftsrad",
        "en": "empty file: a codebook CSV needs a header row",
    },
    "ingest.csv.unreadable": {
        "nb": "kan ikke leses som CSV: {reason}",
        "en": "not readable as CSV: {reason}",
    },
    "ingest.csv.both_columns": {
        "nb": "både kolonnene {columns} og {last}: kodenes kolonne må være én av dem",
        "en": "both {columns} and {last} columns: the codes' column must be one of them",
    },
    "ingest.csv.no_name_column": {
        "nb": "ingen kolonne 'name', 'tag' eller 'path': kodenes kolonne må være én av dem",
        "en": "no 'name', 'tag' or 'path' column: the codes' column must be one of them",
    },
    "ingest.csv.no_code": {
        "nb": "ingen kode i kolonnen «{column}»",
        "en": "no code in the '{column}' column",
    },
    "ingest.csv.the_code": {"nb": "koden", "en": "the code"},
    "ingest.csv.the_group": {"nb": "kodegruppen", "en": "the code group"},
    "ingest.csv.twice": {"nb": "koden «{code}» står to ganger", "en": "the code «{code}» is listed twice"},
    # gold data for `sdi nlp evaluate`
    "eval.gold.unreadable": {
        "nb": "{where}: kan ikke leses ({reason})",
        "en": "{where}: cannot read ({reason})",
    },
    "eval.gold.empty": {
        "nb": "{where}: fant ingen setninger (er det CoNLL-U?)",
        "en": "{where}: no sentences found (is it CoNLL-U?)",
    },
    "eval.gold.columns": {
        "nb": "{where}: venter 10 tabulatorskilte kolonner, fant {count}",
        "en": "{where}: expected 10 tab-separated columns, found {count}",
    },
    "eval.gold.no_tokens": {
        "nb": "{where}: en setning uten token",
        "en": "{where}: a sentence without tokens",
    },
    "eval.gold.misplaced": {
        "nb": "{where}: tokenet «{form}» står ikke der setningsteksten har det",
        "en": "{where}: the token «{form}» is not where the sentence text has it",
    },
}
