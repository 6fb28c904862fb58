"""Strings of the language-pipeline commands: `sdi nlp evaluate` and `sdi reindex`."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "eval.pipeline": {"nb": "Pipeline: {description}", "en": "Pipeline: {description}"},
    "eval.file": {
        "nb": "Fil: {path} — {sentences} setninger, {tokens} ord og tegn",
        "en": "File: {path} — {sentences} sentences, {tokens} tokens",
    },
    "eval.measure": {"nb": "Mål", "en": "Measure"},
    "eval.score": {"nb": "Treff", "en": "Score"},
    "eval.tokens": {"nb": "Tokenisering", "en": "Tokens"},
    "eval.upos": {"nb": "Ordklasse (UPOS)", "en": "Part of speech (UPOS)"},
    "eval.no_pos": {
        "nb": "(pipelinen merker ikke ordklasser)",
        "en": "(the pipeline tags no parts of speech)",
    },
    "eval.lemma": {"nb": "Lemma", "en": "Lemma"},
    "eval.lemma_det": {"nb": "Lemma, det godtatt for den", "en": "Lemma, det accepted for den"},
    "eval.entities": {"nb": "Navngitte enheter (NorNE-typer)", "en": "Named entities (NorNE types)"},
    "eval.kinds": {
        "nb": "Navngitte enheter som person / sted / institusjon",
        "en": "Named entities as person / place / institution",
    },
    "eval.names": {
        "nb": "Navnefinneren i sdi anonymise (enheter og regler)",
        "en": "The name finder of sdi anonymise (entities and rules)",
    },
    "eval.type": {"nb": "Type", "en": "Type"},
    "eval.gold": {"nb": "Fasit", "en": "Gold"},
    "eval.found": {"nb": "Funnet", "en": "Found"},
    "eval.precision": {"nb": "Presisjon", "en": "Precision"},
    "eval.recall": {"nb": "Dekning", "en": "Recall"},
    "eval.f": {"nb": "F", "en": "F"},
    "eval.span_recall": {"nb": "Dekket (uansett type)", "en": "Covered (any kind)"},
    "eval.no_entities": {
        "nb": "Filen har ingen navnemerker (name=B-PER i MISC): navn er ikke målt.",
        "en": "The file has no name tags (name=B-PER in MISC): names are not scored.",
    },
    "eval.speed": {
        "nb": "Lastet på {load} s; {rate} ord per sekund.",
        "en": "Loaded in {load} s; {rate} words per second.",
    },
    "eval.note": {
        "nb": "Et ord teller bare når pipelinen deler teksten akkurat som fasiten; tegnsetting har seg selv "
        "som lemma ($. i NDT leses som .).",
        "en": "A word counts only where the pipeline splits the text exactly as the gold does; punctuation "
        "is its own lemma (NDT's $. is read as .).",
    },
    # sdi reindex
    "reindex.start": {
        "nb": "Indekserer {turns} ytringer i {documents} transkripsjoner på nytt med {pipeline} …",
        "en": "Re-indexing {turns} turns in {documents} transcripts with {pipeline} …",
    },
    "reindex.progress": {
        "nb": "  {done}/{documents} transkripsjoner, {turns} ytringer",
        "en": "  {done}/{documents} transcripts, {turns} turns",
    },
    "reindex.done": {
        "nb": "Ferdig: {turns} ytringer indeksert på nytt på {seconds} s.",
        "en": "Done: {turns} turns re-indexed in {seconds} s.",
    },
    "reindex.hint": {
        "nb": "{documents} transkripsjoner er indeksert med en annen pipeline enn {pipeline}: kjør "
        "`sdi reindex` så søket bruker de samme lemmaene overalt.",
        "en": "{documents} transcripts were indexed with another pipeline than {pipeline}: run `sdi reindex` "
        "so search uses the same lemmas everywhere.",
    },
    "reindex.nothing": {"nb": "Ingen transkripsjoner å indeksere.", "en": "No transcripts to index."},
    "reindex.current": {
        "nb": "Alle transkripsjoner er allerede indeksert med {pipeline} (bruk --all for å gjøre det "
        "likevel).",
        "en": "Every transcript is already indexed with {pipeline} (use --all to do it anyway).",
    },
}
