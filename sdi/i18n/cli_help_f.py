"""`--help` of the commands figure … status (`help.<command>…` one line, `desc.<command>…` its
description); see `cli_help`."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "help.search.filters": {"nb": "filtre", "en": "filters"},
    "desc.search.filters": {
        "nb": "snevre inn søket; store og små bokstaver er likegyldige; gjenta et valg for flere verdier",
        "en": "narrow the search; values ignore case; repeat an option for several values",
    },
    "help.search.group": {
        "nb": "fokusgruppe, f.eks. 'Barnehage Åsmark'",
        "en": "focus group, e.g. 'Barnehage Åsmark'",
    },
    "help.search.category": {
        "nb": "slags gruppe, f.eks. barnehage, skole",
        "en": "kind of group, e.g. barnehage, skole",
    },
    "help.search.site": {"nb": "sted (kommune)", "en": "site (municipality)"},
    "help.search.stage": {"nb": "rundenummer", "en": "stage number"},
    "help.search.role": {
        "nb": "talerens rolle, f.eks. 'pedagogisk leder'",
        "en": "speaker role, e.g. 'pedagogisk leder'",
    },
    "help.search.participant": {"nb": "deltakerens pseudonym", "en": "participant pseudonym"},
    "help.search.code": {
        "nb": "ytringer kodet med denne koden (utsagn eller id)",
        "en": "turns coded with this code (statement or id)",
    },
    "help.search.code_group": {
        "nb": "ytringer kodet med en kode i denne kodegruppen (navn eller id)",
        "en": "turns coded with a code in this code group (name or id)",
    },
    "help.figure": {
        "nb": "en figur (varmekart, begrepskart, stolper) som SVG eller PNG",
        "en": "a figure (heatmap, concept map, bars) as SVG or PNG",
    },
    "desc.figure": {
        "nb": "Tegn en figur til en plakat eller en artikkel: «heatmap» fargelegger en matrise (--rows,"
        " --columns, --measure som for `sdi matrix`); «concept-map» viser hvert begrep med sin "
        "kodegruppe og kodenes kodinger; «bars» viser kodingene per fokusgruppe og runde. Skrives"
        " til exports/ som SVG (standard) eller PNG.",
        "en": "Draw a figure for a poster or a paper: 'heatmap' colours a matrix (--rows, --columns, "
        "--measure as for `sdi matrix`); 'concept-map' shows each concept with its code group and"
        " the codes' codings; 'bars' shows the codings per focus group and stage. Written to "
        "exports/ as SVG (default) or PNG.",
    },
    "help.figure.output": {
        "nb": "filen (standard: exports/<figur>.<format>)",
        "en": "the file (default: exports/<figure>.<format>)",
    },
    "help.figure.allow_names": {
        "nb": "tegn den selv om den viser et ekte navn",
        "en": "draw it even if it shows a real name",
    },
    "help.keywords": {
        "nb": "særpregede ord per fokusgruppe, kategori, sted eller runde (log-likelihood)",
        "en": "distinctive words per focus group, category, site or stage (log-likelihood)",
    },
    "desc.keywords": {
        "nb": "List innholdsordene (lemmaene) hver del av materialet bruker mer enn resten av korpuset,"
        " rangert etter Dunnings log-likelihood G². Bare informantenes ytringer telles; stoppord "
        "og fyllord utelates. Leses fra lemmaene som ble lagret ved import.",
        "en": "List the content words (lemmas) each slice of the material uses more than the rest of "
        "the corpus, ranked by Dunning's log-likelihood G². Only informants' turns are counted; "
        "stop words and fillers are left out. Read from the lemmas stored at import.",
    },
    "help.keywords.by": {"nb": "del opp etter (standard: group)", "en": "slice by (default: group)"},
    "help.keywords.top": {"nb": "nøkkelord per del (standard 10)", "en": "keywords per slice (default 10)"},
    "help.keywords.min_count": {
        "nb": "minst N forekomster i delen (standard 5)",
        "en": "at least N occurrences in the slice (default 5)",
    },
    "help.matrix": {
        "nb": "koder, kodegrupper eller begreper × fokusgrupper, runder, roller …",
        "en": "codes, code groups or concepts × focus groups, stages, roles …",
    },
    "desc.matrix": {
        "nb": "En matrise med koder, kodegrupper eller begreper (rader) mot fokusgrupper, kategorier, "
        "steder, runder, transkripsjoner, talerroller eller deltakere (kolonner). Cellene teller "
        "kodinger, ytringer, talere (informanter som sa det) eller andelen av kolonnens "
        "informanter som sa det; summene telles uten dobbelttelling. --format csv|xlsx skriver en"
        " fil for R, SPSS eller Excel (xlsx: ett ark per mål, det valgte først). --stages viser "
        "for hver fokusgruppe hva som dukker opp i en runde som ikke var med i runden før, og "
        "omvendt.",
        "en": "A matrix of codes, code groups or concepts (rows) against focus groups, categories, "
        "sites, stages, transcripts, speaker roles or participants (columns). Cells count "
        "codings, turns, speakers (informants who said it) or the share of the column's "
        "informants who said it; totals are counted distinct. --format csv|xlsx writes a file for"
        " R, SPSS or Excel (xlsx: one sheet per measure, the chosen one first). --stages lists, "
        "per focus group, what appears in a stage that did not in the one before, and the "
        "reverse.",
    },
    "help.matrix.stages": {
        "nb": "sammenlign rundene i hver fokusgruppe",
        "en": "compare each focus group's stages",
    },
    "help.matrix.format": {"nb": "skriv ut (text) eller skriv en fil", "en": "print (text) or write a file"},
    "help.matrix.output": {
        "nb": "filen (standard: exports/<hva>.<format>)",
        "en": "the file (default: exports/<what>.<format>)",
    },
    "help.matrix.allow_names": {
        "nb": "behold en fil som inneholder ekte navn",
        "en": "keep a file that contains real names",
    },
    "help.nlp": {
        "nb": "språkpipelinen: evaluer den mot gulldata",
        "en": "the language pipeline: evaluate it on gold data",
    },
    "desc.nlp": {
        "nb": "Kommandoer for språkpipelinen som lemmatiserer, ordklassemerker og finner navn.",
        "en": "Commands about the language pipeline that lemmatises, tags and finds names.",
    },
    "help.nlp.evaluate": {
        "nb": "gi pipelinen poeng mot en CoNLL-U-fil (UPOS, lemmaer, NorNE-navnemerker)",
        "en": "score the pipeline against a CoNLL-U file (UPOS, lemmas, NorNE name tags)",
    },
    "desc.nlp.evaluate": {
        "nb": "Annoter hver setning i en CoNLL-U-fil slik sdi annoterer en ytring, og gi poeng: token, "
        "ordklasser (UPOS) og lemmaer som treffsikkerhet, med og uten å regne det som feil lemma "
        "for den (konvensjonen i UD 2.16); navngitte enheter (fra name=B-PER …-merker i MISC) som"
        " presisjon, dekning og F per type, per pseudonymiseringsslag og for navnefinneren i sdi "
        "anonymise. Bruker prosjektets pipeline med mindre --model angir en annen.",
        "en": "Annotate every sentence of a CoNLL-U file as sdi annotates a turn and score it: tokens, "
        "parts of speech (UPOS) and lemmas as accuracy, with and without counting det as a wrong "
        "lemma for den (UD 2.16's convention); named entities (from name=B-PER … tags in MISC) as"
        " precision, recall and F per type, per pseudonymisation kind, and for the name finder of"
        " sdi anonymise. Uses the project's pipeline unless --model names another.",
    },
    "help.nlp.evaluate.file": {"nb": "gulldata i CoNLL-U", "en": "gold data in CoNLL-U"},
    "help.nlp.evaluate.json": {"nb": "skriv ut poengene som JSON", "en": "print the scores as JSON"},
    "help.nlp.evaluate.model": {
        "nb": "en annen pipeline enn prosjektets: et modellnavn eller en mappe, nb_sdi (sdis egen) "
        "eller offline (oppslagspipelinen)",
        "en": "a pipeline other than the project's: a model name or folder, nb_sdi (sdi's own) or "
        "offline (the lookup pipeline)",
    },
    "help.nlp.reindex": {
        "nb": "annoter de lagrede transkripsjonene på nytt med pipelinen som er i bruk (etter at den er"
        " endret)",
        "en": "annotate the stored transcripts again with the pipeline in use (after it changed)",
    },
    "desc.nlp.reindex": {
        "nb": "Lemmatiser de lagrede transkripsjonene på nytt med språkpipelinen som er i bruk nå, og "
        "bygg søkeindeksen deres på nytt. Bare transkripsjoner indeksert av en annen pipeline tas"
        " med, med mindre --all. Tekst, ytringer og kodinger blir som de er; hver transkripsjon "
        "er én transaksjon.",
        "en": "Lemmatise the stored transcripts again with the language pipeline in use now and rebuild"
        " their search index. Only transcripts indexed by another pipeline are done, unless "
        "--all. Text, turns and codings stay as they are; each transcript is one transaction.",
    },
    "help.nlp.reindex.all": {
        "nb": "alle transkripsjoner, også de som allerede er oppdatert",
        "en": "every transcript, also those already current",
    },
    "help.nlp.reindex.quiet": {"nb": "ingen fremdriftslinjer", "en": "no progress lines"},
    "help.project.init": {
        "nb": "opprett et prosjekt (sdi.toml, corpus/, codebooks/, exports/)",
        "en": "create a project (sdi.toml, corpus/, codebooks/, exports/)",
    },
    "desc.project.init": {
        "nb": "Opprett en prosjektmappe med sdi.toml og mappene corpus/, codebooks/ og exports/. En "
        "eksisterende sdi.toml blir aldri overskrevet.",
        "en": "Create a project folder with sdi.toml and the corpus/, codebooks/ and exports/ folders. "
        "An existing sdi.toml is never overwritten.",
    },
    "help.project.directory": {"nb": "mappe (standard: .)", "en": "folder (default: .)"},
    "help.project.title": {
        "nb": "prosjekttittel (standard: mappenavnet)",
        "en": "project title (default: the folder name)",
    },
    "help.pseudonym": {
        "nb": "håndter pseudonymnøkkelen (ekte navn → pseudonymer)",
        "en": "manage the pseudonym key (real names → pseudonyms)",
    },
    "desc.pseudonym": {
        "nb": "Pseudonymnøkkelen knytter ekte navn og steder til pseudonymer. Den ligger i en egen fil "
        "som bare eieren kan lese (privacy.key_file, standard .sdi/pseudonymnokkel.toml), brukes "
        "på transkripsjonene ved import, og hver eksport kontrolleres mot den. Kjør `sdi import` "
        "etter å ha lagt til navn, så pseudonymiseres de lagrede transkripsjonene på nytt.",
        "en": "The pseudonym key maps real names and places to pseudonyms. It is kept in its own "
        "owner-only file (privacy.key_file, default .sdi/pseudonymnokkel.toml), applied to "
        "transcripts on import, and every export is checked against it. After adding names, run "
        "`sdi import` to pseudonymise the stored transcripts again.",
    },
    "help.pseudonym.add": {"nb": "legg til eller endre et navn", "en": "add or change a name"},
    "desc.pseudonym.add": {
        "nb": "Legg til eller endre ett navn i nøkkelen.",
        "en": "Add or change one name in the key.",
    },
    "help.pseudonym.add.name": {
        "nb": "det ekte navnet, slik det er skrevet i transkripsjonene",
        "en": "the real name, as written in transcripts",
    },
    "help.pseudonym.add.pseudonym": {
        "nb": "det som erstatter det, f.eks. \"[helsesykepleier]\"",
        "en": "what replaces it, e.g. \"[helsesykepleier]\"",
    },
    "help.pseudonym.list": {
        "nb": "hvor mange navn nøkkelen har, og hvor den ligger",
        "en": "how many names the key holds, and where it is",
    },
    "desc.pseudonym.list": {
        "nb": "Vis hvor nøkkelen ligger og hvor mange navn den har (--names for å skrive dem ut).",
        "en": "Show where the key is and how many names it holds (--names to print them).",
    },
    "help.pseudonym.listing.names": {"nb": "skriv ut navnene også", "en": "print the names too"},
    "help.refi": {
        "nb": "utveksling med NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA .qdpx/.qdc)",
        "en": "exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA .qdpx/.qdc)",
    },
    "desc.refi": {
        "nb": "REFI-QDA, utvekslingsstandarden for kvalitative analyseverktøy: et prosjekt (.qdpx) med "
        "transkripsjoner, deltakere, koder, kodegrupper, kodinger og notater, eller en kodebok "
        "(.qdc).",
        "en": "REFI-QDA, the exchange standard of qualitative analysis tools: a project (.qdpx) with "
        "transcripts, participants, codes, code groups, codings and memos, or a codebook (.qdc).",
    },
    "help.refi.export": {
        "nb": "skriv prosjektet (.qdpx) eller kodeboken (.qdc)",
        "en": "write the project (.qdpx) or its codebook (.qdc)",
    },
    "desc.refi.export": {
        "nb": "Skriv prosjektet som et REFI-QDA-prosjekt (standard: exports/<tittel>.qdpx), eller med "
        "--codebook-only kodene og kodegruppene (standard: exports/<tittel>.qdc). Filen leses inn"
        " igjen og fjernes hvis den inneholder et ekte navn fra pseudonymnøkkelen.",
        "en": "Write the project as a REFI-QDA project (default: exports/<title>.qdpx), or with "
        "--codebook-only its codes and code groups (default: exports/<title>.qdc). The file is "
        "read back and removed if it contains a real name from the pseudonym key.",
    },
    "help.refi.exp.codebook_only": {
        "nb": "bare koder og kodegrupper (.qdc)",
        "en": "only codes and code groups (.qdc)",
    },
    "help.refi.exp.output": {"nb": "filen som skal skrives", "en": "file to write"},
    "help.refi.exp.allow_names": {
        "nb": "behold en fil som inneholder ekte navn",
        "en": "keep a file that contains real names",
    },
    "help.refi.import": {
        "nb": "legg til et .qdpx-prosjekt eller en .qdc-kodebok fra et annet verktøy",
        "en": "add a .qdpx project or .qdc codebook from another tool",
    },
    "desc.refi.import": {
        "nb": "Legg til det som er nytt i en REFI-QDA-fil: transkripsjoner (koblet til eksisterende "
        "etter sti eller lik tekst), koder, sett som kodegrupper, kodinger, notater, kodere, "
        "deltakere, og sdis egne sitatsamlinger og nøkkelsitater. En kjent transkripsjon med "
        "andre ord blir sin neste versjon (kodingene følger ordene sine), eller, når filen kodet "
        "en eldre versjon, flyttes filens kodinger fram til den gjeldende teksten. Én "
        "transaksjon: en feilaktig fil endrer ingenting; å importere samme fil igjen legger ikke "
        "til noe.",
        "en": "Add what is new in a REFI-QDA file: transcripts (matched to existing ones by path or "
        "identical text), codes, sets as code groups, codings, memos, coders, participants, and "
        "sdi's own quote sets and key quotes. A known transcript with other words becomes its "
        "next version (codings follow their words), or, when the file coded an older version, the"
        " file's codings move forward to the current text. One transaction: a bad file changes "
        "nothing; importing the same file again adds nothing.",
    },
    "help.search": {
        "nb": "finn ytringer etter lemma, frase eller prefiks; --fuzzy for et halvt husket sitat",
        "en": "find turns by lemma, phrase or prefix; --fuzzy for a half-remembered quote",
    },
    "desc.search": {
        "nb": "Søk i transkripsjonene. Ord treffer alle bøyningsformer (barnehage finner barnehagen, "
        "barnehager, barnehagene); \"flere ord\" er en frase; -ord utelukker; pre* er et prefiks. "
        "Med --fuzzy er søket en halvt husket eller omskrevet setning, og de nærmeste setningene "
        "vises med poeng (0–100).",
        "en": "Search the transcripts. Words match every inflected form (barnehage finds barnehagen, "
        "barnehager, barnehagene); \"several words\" is a phrase; -word excludes; pre* is a prefix."
        " With --fuzzy the query is a half-remembered or paraphrased sentence, and the closest "
        "sentences are shown with a score (0–100).",
    },
    "help.search.query": {"nb": "det du leter etter", "en": "what to look for"},
    "help.search.fuzzy": {
        "nb": "finn setningene som ligner mest på søket",
        "en": "find the sentences most like the query",
    },
    "help.search.limit": {
        "nb": "høyst så mange treff (standard 20)",
        "en": "at most this many results (default 20)",
    },
    "help.show": {
        "nb": "skriv ut en transkripsjon med linjenumre og talere",
        "en": "print a transcript with line numbers and speakers",
    },
    "desc.show": {
        "nb": "Skriv ut en transkripsjon: kildelinje, taler (rolle) og ytringen. DOC er "
        "transkripsjonens id, stien, eller en entydig del av stien eller tittelen.",
        "en": "Print a transcript: source line, speaker (role) and the turn. DOC is the transcript's "
        "id, its path, or a unique part of its path or title.",
    },
    "help.show.doc": {
        "nb": "transkripsjonens id, sti eller en entydig del av sti/tittel",
        "en": "transcript id, path or unique part of its path/title",
    },
    "help.show.width": {
        "nb": "linjebredde (standard: terminalens)",
        "en": "wrap width (default: the terminal's)",
    },
    "help.status": {
        "nb": "prosjektet på et blikk, per fokusgruppe og runde",
        "en": "the project at a glance, per focus group and stage",
    },
    "desc.status": {
        "nb": "Vis transkripsjoner, ord, talere, kodet andel, koder, kodegrupper og begreper per "
        "fokusgruppe og runde.",
        "en": "Show transcripts, words, speakers, coded share, codes, code groups and concepts per "
        "focus group and stage.",
    },
}
