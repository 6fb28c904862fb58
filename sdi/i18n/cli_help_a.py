"""`--help` of the commands agreement … export (`help.<command>…` one line, `desc.<command>…` its
description); see `cli_help`."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "help.agreement": {
        "nb": "samsvar mellom kodere: prosent, Cohens kappa, Krippendorffs alfa og uenighetene",
        "en": "inter-coder agreement: percent, Cohen's kappa, Krippendorff's alpha, and the disagreements",
    },
    "desc.agreement": {
        "nb": "Hvor likt to eller flere kodere bruker de samme kodene på de samme enhetene "
        "(informantenes setninger, eller ytringer). En koder har brukt en kode på en enhet når en"
        " av koderens kodinger av den dekker minst halvparten av enheten eller ligger helt inni "
        "den. Bare transkripsjoner en koder har kodet, teller for den koderen. Per kode og samlet"
        " (hver enhet × kode er én ja/nei-beslutning): prosent samsvar, Cohens kappa (to kodere) "
        "og Krippendorffs alfa (nominal); deretter passasjene dere bør diskutere.",
        "en": "How far two or more coders apply the same codes to the same units (the informants' "
        "sentences, or turns). A coder applied a code to a unit when one of their codings of it "
        "overlaps at least half of the unit or lies entirely inside it. Only transcripts a coder "
        "has coded count for that coder. Per code and overall (every unit × code a yes/no "
        "decision): percent agreement, Cohen's kappa (two coders) and Krippendorff's alpha "
        "(nominal); then the passages to discuss.",
    },
    "help.agreement.unit": {"nb": "standard: sentence (setning)", "en": "default: sentence"},
    "help.agreement.coders": {
        "nb": "koderne som skal sammenlignes (standard: alle som har kodet)",
        "en": "the coders to compare (default: all who coded)",
    },
    "help.agreement.code": {
        "nb": "bare denne koden (id eller nummer)",
        "en": "only this code (its id or number)",
    },
    "help.agreement.limit": {
        "nb": "vis høyst så mange uenigheter",
        "en": "show at most this many disagreements",
    },
    "help.check": {"nb": "kontroller at lageret er helt", "en": "verify the store's integrity"},
    "desc.check": {
        "nb": "Kontroller lageret: databasens egen integritetssjekk, fremmednøkler, at hver koding "
        "ligger i sin transkripsjon og på sine ord, at hver ytring ligger i teksten sin, og "
        "søkeindeksen. Bare rapport; ingenting endres.",
        "en": "Verify the store: the engine's integrity check, foreign keys, every coding inside its "
        "transcript and on its words, every turn inside its text, and the search index. Reports "
        "only; changes nothing.",
    },
    "help.code": {
        "nb": "arbeid med koder (similar: kodene som ligner mest på et utsagn)",
        "en": "work with codes (similar: the codes most like a statement)",
    },
    "desc.code": {
        "nb": "Koder: kodebokens empirinære utsagn.",
        "en": "Codes: the empirically close statements of the codebook.",
    },
    "help.code.similar": {
        "nb": "de eksisterende kodene som ligner mest på TEKST, med poeng",
        "en": "the existing codes most like TEXT, with scores",
    },
    "desc.code.similar": {
        "nb": "List de eksisterende kodene som sier mest det samme som TEKST, den beste først, med "
        "poeng fra 0 til 100: felles innholdsord vektet etter hvor sjeldne de er i prosjektet, "
        "med synonymer, sammensetningsledd og bøyningsformer regnet med. En kode på eller over "
        "sammenslåingsgrensen sier det samme.",
        "en": "List the existing codes that say most nearly what TEXT says, best first, with a score "
        "from 0 to 100: shared content words weighted by how rare they are in the project, "
        "synonyms, compound parts and inflections counted. A code at or above the merge threshold"
        " says the same.",
    },
    "help.code.similar.text": {
        "nb": "utsagnet, f.eks. en kode du er i ferd med å skrive",
        "en": "the statement, e.g. a code you are about to write",
    },
    "help.code.similar.n": {"nb": "høyst N koder (standard 8)", "en": "at most N codes (default 8)"},
    "help.code.similar.json": {
        "nb": "skriv ut en JSON-liste med {statement, score, same, id, group, codings, shared}",
        "en": "print a JSON list of {statement, score, same, id, group, codings, shared}",
    },
    "help.codebook": {
        "nb": "importer eller eksporter en kodebok (.toml, .csv, .qdc, .qdpx)",
        "en": "import or export a codebook (.toml, .csv, .qdc, .qdpx)",
    },
    "desc.codebook": {
        "nb": "Kodebøker som TOML-filer med stabile id-er som er lette å sammenligne (formatet "
        "sdi-codebook/1): koder, kodegrupper, begreper, notater og, om du vil, kodinger forankret"
        " i sine eksakte ord. Etter filendelsen også CSV (kolonnene name, description, group, "
        "memo, id: det regneark og Taguette leser) og REFI-QDA (.qdc, eller kodene, kategoriene "
        "og settene i en .qdpx) for NVivo, ATLAS.ti, MAXQDA og QualCoder.",
        "en": "Codebooks as diff-friendly TOML files with stable ids (format sdi-codebook/1): codes, "
        "code groups, concepts, memos and, optionally, codings anchored by their exact words. By "
        "the file's extension also CSV (columns name, description, group, memo, id: what "
        "spreadsheets and Taguette read) and REFI-QDA (.qdc, or the codes, categories and Sets of"
        " a .qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder.",
    },
    "help.codebook.import": {
        "nb": "legg til en kodeboks grupper, koder, kodinger og begreper",
        "en": "add a codebook's groups, codes, codings and concepts",
    },
    "desc.codebook.import": {
        "nb": "Legg til det som er nytt i en kodebok (gjenkjent på id; en CSV-fils koder og grupper "
        "også på navn, en REFI-QDA-fils koder også på navn og plassering eller beskrivelse); det "
        "som finnes fra før, blir som det er. Én transaksjon: en feilaktig kodebok endrer "
        "ingenting.",
        "en": "Add what is new in a codebook (matched by id; a CSV's codes and groups also by name, a "
        "REFI-QDA file's codes also by name and place or description); existing objects are left "
        "as they are. One transaction: a bad codebook changes nothing.",
    },
    "help.codebook.export": {"nb": "skriv prosjektets kodebok", "en": "write the project's codebook"},
    "desc.codebook.export": {
        "nb": "Skriv prosjektets kodebok i fast rekkefølge (standard: codebooks/kodebok.toml); endelsen"
        " på FIL velger formatet: .toml, .csv, .qdc eller .qdpx. En CSV, .qdc eller .qdpx leses "
        "inn igjen og fjernes hvis den inneholder et ekte navn fra pseudonymnøkkelen.",
        "en": "Write the project's codebook in a stable order (default: codebooks/kodebok.toml); FILE's"
        " extension chooses the format: .toml, .csv, .qdc or .qdpx. A CSV, .qdc or .qdpx is read "
        "back and removed if it contains a real name from the pseudonym key.",
    },
    "help.codebook.exp.with_codings": {
        "nb": "ta med kodinger, forankret i ordene sine",
        "en": "include codings, anchored by their words",
    },
    "help.codebook.exp.replace_names": {
        "nb": "skriv ekte navn prosjektet kjenner, som pseudonymene sine i stedet for å avvise filen",
        "en": "write real names the project knows as their pseudonyms instead of refusing the file",
    },
    "help.codebook.exp.allow_names": {
        "nb": "behold filen selv om den inneholder ekte navn",
        "en": "keep the file even if it holds real names",
    },
    "help.cooccurrence": {
        "nb": "koder som forekommer sammen, med antall og Jaccard",
        "en": "codes that occur together, with counts and Jaccard",
    },
    "desc.cooccurrence": {
        "nb": "Par av koder (kodegrupper, begreper) som forekommer sammen: «turn» teller ytringene som "
        "er kodet med begge (Jaccard: delt på ytringene kodet med minst én av dem); «overlap» "
        "teller parene av kodinger der ordene overlapper (Jaccard: teksten kodet med begge delt "
        "på teksten kodet med minst én); «near» teller parene av ytringer, én med hver, høyst "
        "--within ytringer fra hverandre i samme transkripsjon (Jaccard: ytringene med den ene "
        "som ligger så nær den andre, delt på ytringene kodet med minst én).",
        "en": "Pairs of codes (code groups, concepts) that occur together: 'turn' counts the turns "
        "coded with both (Jaccard: over the turns coded with either); 'overlap' counts the pairs "
        "of codings whose words overlap (Jaccard: the text coded with both over the text coded "
        "with either); 'near' counts the pairs of turns, one with each, at most --within turns "
        "apart in one transcript (Jaccard: the turns of either with the other that near, over the"
        " turns coded with either).",
    },
    "help.cooccurrence.by": {
        "nb": "hva som regnes som sammen (standard: turn)",
        "en": "what counts as together (default: turn)",
    },
    "help.cooccurrence.within": {
        "nb": "antall ytringer imellom for --by near",
        "en": "turns apart for --by near",
    },
    "help.cooccurrence.top": {
        "nb": "antall par som skrives ut (0: alle; filer: alle)",
        "en": "pairs printed (0: all; files: all)",
    },
    "help.corpus.import": {
        "nb": "importer transkripsjoner (.md .txt .docx .vtt .srt)",
        "en": "import transcripts (.md .txt .docx .vtt .srt)",
    },
    "desc.corpus.import": {
        "nb": "Importer transkripsjonsfiler eller mapper (standard: corpus/). Uendrede filer hoppes "
        "over; en endret fil blir en ny versjon, og kodingene følger ordene sine. Hver fil "
        "importeres i sin egen transaksjon: en feilaktig fil rapporteres, og ingenting som "
        "allerede er lagret, endres.",
        "en": "Import transcript files or folders (default: corpus/). Unchanged files are skipped; a "
        "changed file becomes a new version and its codings follow their words. Each file is "
        "imported in its own transaction: a bad file is reported and nothing already stored "
        "changes.",
    },
    "help.corpus.paths": {
        "nb": "filer eller mapper i prosjektet",
        "en": "files or folders inside the project",
    },
    "help.corpus.quiet": {
        "nb": "skriv bare ut problemer og oppsummeringen",
        "en": "print only problems and the summary",
    },
    "help.db": {
        "nb": "oppgrader databaseskjemaet, eller kopier databasen til en annen motor",
        "en": "upgrade the database schema, or copy the database to another engine",
    },
    "desc.db": {
        "nb": "Prosjektdatabasen som helhet: oppdater skjemaet, eller kopier den til en tom SQLite-fil "
        "eller PostgreSQL-database.",
        "en": "The project database as a whole: bring its schema up to date, or copy it to an empty "
        "SQLite file or PostgreSQL database.",
    },
    "help.db.upgrade": {
        "nb": "migrer skjemaet til nyeste revisjon (med sikkerhetskopi først)",
        "en": "migrate the schema to the newest revision (a backup first)",
    },
    "desc.db.upgrade": {
        "nb": "Migrer databaseskjemaet til revisjonen denne sdi-versjonen venter, i én transaksjon: en "
        "oppgradering som feiler eller avbrytes, endrer ingenting. SQLite kopieres først til "
        ".sdi/backups/ (én kopi per revisjonstrinn, bare lesbar for eieren); PostgreSQL får en "
        "pg_dump der når klientverktøyene er installert, ellers gjelder serverens egne "
        "sikkerhetskopier. Å åpne et prosjekt gjør det samme automatisk.",
        "en": "Migrate the database schema to the revision this sdi expects, in one transaction: an "
        "upgrade that fails or is interrupted changes nothing. SQLite is copied to .sdi/backups/ "
        "first (one owner-only copy per revision step); PostgreSQL gets a pg_dump there when the "
        "client tools are installed, otherwise the server's own backups apply. Opening a project "
        "does the same automatically.",
    },
    "help.db.copy": {
        "nb": "kopier alle tabeller til en tom SQLite-fil eller PostgreSQL-database, kontrollert",
        "en": "copy every table to an empty SQLite file or PostgreSQL database, verified",
    },
    "desc.db.copy": {
        "nb": "Kopier hele lageret, med id-er, til en tom database (først migrert til nyeste skjema), "
        "bygg søkeindeksen på nytt, og kontroller hver tabell med antall rader og sjekksum. Et "
        "mål som ikke er tomt, avvises; en kopi som ikke stemmer, merkes som ubrukelig "
        "(avslutningskode 1). Prosjektet fortsetter å bruke sin egen database: pek database.url i"
        " sdi.toml mot kopien for å bytte. Hold passord utenfor filer: skriv ${NAME} i URL-en for"
        " en miljøvariabel, bruk env:NAME for en URL som ligger i sin helhet i én, eller bruk "
        "PGPASSWORD / ~/.pgpass.",
        "en": "Copy the whole store, ids included, to an empty database (migrated to the newest schema "
        "first), rebuild its search index, and verify every table by row count and checksum. A "
        "target that is not empty is refused; a copy that does not match is left marked unusable "
        "(exit 1). The project keeps using its own database: point database.url in sdi.toml at "
        "the copy to switch. Keep passwords out of files: write ${NAME} in the URL for an "
        "environment variable, use env:NAME for a URL kept wholly in one, or rely on PGPASSWORD /"
        " ~/.pgpass.",
    },
    "help.db.cp.to": {
        "nb": "postgresql+psycopg://bruker@vert/db, sqlite:///sti.sqlite, en filsti eller env:NAVN "
        "(relative stier regnes fra prosjektmappen)",
        "en": "postgresql+psycopg://user@host/db, sqlite:///path.sqlite, a file path, or env:NAME "
        "(relative paths are taken from the project folder)",
    },
    "help.export": {
        "nb": "skriv sitatsamlinger og rapporter til Word (exports/)",
        "en": "write quote sets to Word (exports/)",
    },
    "desc.export": {
        "nb": "Skriv analyseresultater til filer i exports/.",
        "en": "Write analysis results to files in exports/.",
    },
    "help.export.quotes": {"nb": "en sitatsamling som Word-dokument", "en": "a quote set as a Word document"},
    "desc.export.quotes": {
        "nb": "En sitatsamling som Word-dokument: «paper» setter sitatene under overskrifter etter "
        "begrep eller kodegruppe, med kildeangivelse; «poster» gir hver kategori av fokusgrupper "
        "en overskrift med N deltakere, et hovedsitat og sitatene som underbygger det.",
        "en": "A quote set as a Word document: 'paper' puts quotes under headings by concept or code "
        "group with attributions; 'poster' gives each focus-group category a heading with N "
        "participants, a headline quote and the supporting quotes.",
    },
    "help.export.quotes.set": {"nb": "sitatsamlingens navn eller id", "en": "quote set name or id"},
    "help.export.quotes.block": {
        "nb": "blokksitater i stedet for «…»-anførselstegn",
        "en": "block quotes instead of «…» quotation marks",
    },
    "help.export.quotes.appendix": {
        "nb": "legg ved den opprinnelige ordlyden for redigerte sitater",
        "en": "append the original wording of edited quotes",
    },
    "help.export.quotes.size": {"nb": "plakatformat (standard A1)", "en": "poster paper (default A1)"},
    "help.export.quotes.figure": {
        "nb": "en figur under plakatens felter",
        "en": "a figure under the poster's panels",
    },
    "help.export.quotes.output": {
        "nb": "fil (standard: exports/<samling>-<oppsett>.docx)",
        "en": "file (default: exports/<set>-<layout>.docx)",
    },
    "help.export.quotes.allow_names": {
        "nb": "behold filen selv om et ekte navn fra pseudonymlisten finnes i den",
        "en": "keep the file even if a real name from the pseudonym list is found in it",
    },
    "help.export.codebook": {
        "nb": "kodeboken som Word og/eller CSV",
        "en": "the codebook as Word and/or CSV",
    },
    "desc.export.codebook": {
        "nb": "Koder med beskrivelser, kodegruppe, antall kodinger, første og siste bruk — som "
        "Word-tabell (exports/kodebok.docx) og/eller CSV (exports/kodebok.csv).",
        "en": "Codes with descriptions, code group, number of codings, first and last use — as a Word "
        "table (exports/kodebok.docx) and/or CSV (exports/kodebok.csv).",
    },
    "help.export.codebook.allow_names": {
        "nb": "behold filer som inneholder ekte navn",
        "en": "keep files that contain real names",
    },
    "help.export.report": {"nb": "analyserapporten i Word", "en": "the analysis report in Word"},
    "desc.export.report": {
        "nb": "Begreper → kodegrupper → koder → sitater med antall, en tabell med kodegrupper × runder,"
        " begrepsnotater og notater, figurer (begrepskart, varmekart, kodinger per gruppe og "
        "runde), og de registrerte deduktive kontrollene som metodevedlegg "
        "(exports/analyserapport.docx).",
        "en": "Concepts → code groups → codes → quotes with counts, a table of code groups × stages, "
        "concept notes and memos, figures (concept map, heatmap, codings per group and stage), "
        "and the recorded deductive checks as a methods appendix (exports/analyserapport.docx).",
    },
    "help.export.report.no_figures": {
        "nb": "utelat figurene (raskere)",
        "en": "leave out the figures (faster)",
    },
    "help.export.report.allow_names": {
        "nb": "behold filen hvis den inneholder ekte navn",
        "en": "keep the file if it contains real names",
    },
}
