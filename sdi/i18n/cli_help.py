"""The command line's own words: what argparse says (`argparse.*`: usage, headings, its error sentences),
metavars (`meta.*`) and the top-level help, said by `sdi.cli.language` in the project's language. The help
of each command (`help.*`, `desc.*`) is in `cli_help_a` (agreement … export) and `cli_help_f` (figure …)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "argparse.usage": {"nb": "bruk: ", "en": "usage: "},
    "argparse.positional": {"nb": "posisjonsargumenter", "en": "positional arguments"},
    "argparse.options": {"nb": "valg", "en": "options"},
    "argparse.help": {"nb": "vis denne hjelpeteksten og avslutt", "en": "show this help and exit"},
    "argparse.version": {
        "nb": "vis programmets versjonsnummer og avslutt",
        "en": "show program's version number and exit",
    },
    "argparse.required": {
        "nb": "følgende argumenter mangler: {names}",
        "en": "the following arguments are required: {names}",
    },
    "argparse.unrecognized": {"nb": "ukjente argumenter: {names}", "en": "unrecognized arguments: {names}"},
    "argparse.argument": {"nb": "argument {name}: {message}", "en": "argument {name}: {message}"},
    "argparse.invalid_choice": {
        "nb": "ugyldig valg: {value} (velg blant {choices})",
        "en": "invalid choice: {value} (choose from {choices})",
    },
    "argparse.expected_one": {"nb": "venter ett argument", "en": "expected one argument"},
    "argparse.expected_at_most_one": {
        "nb": "venter høyst ett argument",
        "en": "expected at most one argument",
    },
    "argparse.expected_at_least_one": {
        "nb": "venter minst ett argument",
        "en": "expected at least one argument",
    },
    "argparse.expected_n": {"nb": "venter {count} argumenter", "en": "expected {count} arguments"},
    "argparse.invalid_value": {
        "nb": "ugyldig verdi for {type}: {value}",
        "en": "invalid {type} value: {value}",
    },
    "argparse.not_allowed_with": {
        "nb": "kan ikke brukes sammen med {name}",
        "en": "not allowed with argument {name}",
    },
    "argparse.one_required": {
        "nb": "ett av argumentene {names} må være med",
        "en": "one of the arguments {names} is required",
    },
    "argparse.ambiguous": {
        "nb": "tvetydig valg: {option} kan være {matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "argparse.ignored_explicit": {
        "nb": "overflødig verdi ignorert: {value}",
        "en": "ignored explicit argument {value}",
    },
    "argparse.not_whole": {"nb": "ikke et heltall: {value}", "en": "not a whole number: {value}"},
    "argparse.out_of_range": {
        "nb": "må være fra {low} til {high}, ikke {value}",
        "en": "must be from {low} to {high}, not {value}",
    },
    "cli.error": {"nb": "feil", "en": "error"},
    "cli.interrupted": {
        "nb": "sdi: avbrutt; alt som er lagret så langt, beholdes",
        "en": "sdi: interrupted; everything committed so far is kept",
    },
    "meta.dir": {"nb": "MAPPE", "en": "DIR"},
    "meta.name": {"nb": "NAVN", "en": "NAME"},
    "meta.command": {"nb": "KOMMANDO", "en": "COMMAND"},
    "meta.action": {"nb": "HANDLING", "en": "ACTION"},
    "meta.what": {"nb": "HVA", "en": "WHAT"},
    "meta.value": {"nb": "VERDI", "en": "VALUE"},
    "meta.id": {"nb": "ID", "en": "ID"},
    "meta.path": {"nb": "STI", "en": "PATH"},
    "meta.url": {"nb": "URL", "en": "URL"},
    "meta.file": {"nb": "FIL", "en": "FILE"},
    "meta.n": {"nb": "N", "en": "N"},
    "meta.text": {"nb": "TEKST", "en": "TEXT"},
    "meta.set": {"nb": "SITATSETT", "en": "QUOTE_SET"},
    "meta.kind": {"nb": "SLAG", "en": "KIND"},
    "meta.title": {"nb": "TITTEL", "en": "TITLE"},
    "meta.pseudonym": {"nb": "PSEUDONYM", "en": "PSEUDONYM"},
    "meta.words": {"nb": "ORD", "en": "WORDS"},
    "meta.transcript": {"nb": "TRANSKRIPSJON", "en": "TRANSCRIPT"},
    "help.main.project": {
        "nb": "prosjektmappe (standard: nærmeste mappe med sdi.toml her eller over)",
        "en": "project folder (default: the nearest folder with sdi.toml at or above the cwd)",
    },
    "help.main.coder": {
        "nb": "hvem som koder (standard: SDI_CODER, sdi.toml, brukernavnet)",
        "en": "who is coding (default: SDI_CODER, sdi.toml, login)",
    },
    "desc.sdi": {
        "nb": "Terminalarbeidsbenk for stegvis-deduktiv induksjon (SDI) på transkripsjoner fra fokusgrupper.",
        "en": "Terminal workbench for stepwise-deductive induction (SDI) on focus-group transcripts.",
    },
    "epilog.sdi": {
        "nb": "Uten kommando åpner sdi arbeidsbenken (eller skriver ut status når den ikke kjører i en "
        "terminal).",
        "en": "Without a command, sdi opens the workbench (or prints the status when not in a terminal).",
    },
}
