"""Refusals of the workflow (`sdi.workflow.errors.WorkflowError` raised with a key), said in either language.

The English text is also what `str(error)` gives, so logs and tests read the same sentence."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # the things a refusal can name
    "error.what.code": {"nb": "kode", "en": "code"},
    "error.what.code_group": {"nb": "kodegruppe", "en": "code group"},
    "error.what.coding": {"nb": "koding", "en": "coding"},
    "error.what.concept": {"nb": "begrep", "en": "concept"},
    "error.what.memo": {"nb": "notat", "en": "memo"},
    "error.what.quote": {"nb": "sitat", "en": "quote"},
    "error.what.quote_set": {"nb": "sitatsamling", "en": "quote set"},
    "error.what.transcript": {"nb": "transkripsjon", "en": "transcript"},
    "error.missing": {
        "nb": "finner ingen {what} med id {ident} (slettet i mellomtiden?)",
        "en": "no {what} with id {ident}",
    },
    "error.stale": {
        "nb": "«{name}» ({what}) er endret{by} siden du åpnet visningen; den er lastet på nytt – prøv igjen",
        "en": "the {what} «{name}» was changed{by} since you opened it; it has been reloaded, try again",
    },
    "error.stale_by": {"nb": " av {who}", "en": " by {who}"},
    "error.history.undo": {
        "nb": "kan ikke angre: {table} {row} er endret{by} etter «{label}»",
        "en": "cannot undo: {table} {row} has changed{by} since «{label}»",
    },
    "error.history.redo": {
        "nb": "kan ikke gjøre om: {table} {row} er endret{by} etter «{label}»",
        "en": "cannot redo: {table} {row} has changed{by} since «{label}»",
    },
    "error.history.undo_refers": {
        "nb": "kan ikke angre «{label}»: {what} {row}, lagt til eller endret{by} etterpå, bygger på det",
        "en": "cannot undo «{label}»: {what} {row}, added or changed{by} since, builds on it",
    },
    "error.history.redo_refers": {
        "nb": "kan ikke gjøre om «{label}»: {what} {row}, lagt til eller endret{by} etterpå, bygger på det",
        "en": "cannot redo «{label}»: {what} {row}, added or changed{by} since, builds on it",
    },
    "error.history.undo_gone": {
        "nb": "kan ikke angre «{label}»: {what} {row} er slettet{by} etterpå",
        "en": "cannot undo «{label}»: {what} {row} was deleted{by} since",
    },
    "error.history.redo_gone": {
        "nb": "kan ikke gjøre om «{label}»: {what} {row} er slettet{by} etterpå",
        "en": "cannot redo «{label}»: {what} {row} was deleted{by} since",
    },
    "error.history.clash": {
        "nb": "kan ikke angre eller gjøre om «{label}»: det kolliderer med senere arbeid ({detail})",
        "en": "cannot undo or redo «{label}»: it clashes with later work ({detail})",
    },
    # codes and codings
    "error.code.statement_needed": {
        "nb": "en kode trenger et utsagn (en kort setning med informantenes egne ord)",
        "en": "a code needs a statement (a short sentence in the informants' words)",
    },
    "error.code.statement_short": {"nb": "en kode trenger et utsagn", "en": "a code needs a statement"},
    "error.code.transcript_changed": {
        "nb": "«{title}» er endret{by} siden du markerte teksten (versjon {seen} → {now}), og ordene "
        "«{words}» står ikke lenger der; ingenting ble kodet – marker på nytt",
        "en": "«{title}» was changed{by} since you selected the text (version {seen} → {now}) and the words "
        "«{words}» are no longer there; nothing was coded – select again",
    },
    "error.code.span_outside": {
        "nb": "utsnittet {start}–{end} ligger utenfor transkripsjonen (0–{length})",
        "en": "span {start}–{end} is outside the transcript (0–{length})",
    },
    "error.code.no_words": {
        "nb": "utsnittet har ingen ord fra noen ytring",
        "en": "the span holds no words of any turn",
    },
    "error.code.either": {
        "nb": "kod et utsnitt enten med en kode som finnes eller med et nytt utsagn",
        "en": "code a span with either an existing code or a new statement",
    },
    "error.code.quoted": {
        "nb": "sitert i {names}; fjern sitatene først",
        "en": "quoted in {names}; remove the quotes first",
    },
    # code groups and concepts
    "error.group.name_needed": {"nb": "en kodegruppe trenger et navn", "en": "a code group needs a name"},
    "error.group.exists": {
        "nb": "det finnes allerede en kodegruppe som heter «{name}»",
        "en": "there is already a code group called «{name}»",
    },
    "error.group.rest_exists": {
        "nb": "prosjektet har allerede en restgruppe",
        "en": "the project already has a rest group",
    },
    "error.group.codes_gone": {
        "nb": "noen av kodene finnes ikke lenger",
        "en": "some of the codes no longer exist",
    },
    "error.group.has_concept": {
        "nb": "«{group}» bærer begrepet «{concept}»; slett begrepet først",
        "en": "«{group}» carries the concept «{concept}»; delete the concept first",
    },
    "error.concept.name_needed": {"nb": "et begrep trenger et navn", "en": "a concept needs a name"},
    "error.concept.exists": {
        "nb": "«{group}» har allerede et begrep (ett begrep per kodegruppe)",
        "en": "«{group}» already has a concept (one concept per code group)",
    },
    "error.concept.outside": {
        "nb": "kodingene {outside} hører ikke til kodegruppen «{group}»",
        "en": "codings {outside} are not in the group «{group}»",
    },
    "error.coder.name_needed": {"nb": "en koder trenger et navn", "en": "a coder needs a name"},
    # quotes, checks, memos
    "error.quote.no_set": {
        "nb": "ingen sitatsamling «{reference}» (sitatsamlinger: {names})",
        "en": "no quote set '{reference}' (quote sets: {names})",
    },
    "error.quote.name_needed": {"nb": "en sitatsamling trenger et navn", "en": "a quote set needs a name"},
    "error.quote.set_exists": {
        "nb": "det finnes allerede en sitatsamling som heter «{name}»",
        "en": "there is already a quote set called «{name}»",
    },
    "error.quote.already": {
        "nb": "det sitatet er allerede i «{name}»",
        "en": "that quote is already in «{name}»",
    },
    "error.check.target": {
        "nb": "kan ikke registrere en kontroll på «{target}»",
        "en": "cannot record a check on '{target}'",
    },
    "error.check.empty": {
        "nb": "skriv hva som ble kontrollert (f.eks. «kodene lest mot utsnittene, 3 omdøpt»)",
        "en": "say what was checked (e.g. 'codes re-read against passages, 3 renamed')",
    },
    "error.memo.no_group": {
        "nb": "ingen fokusgruppe eller runde heter «{name}»",
        "en": "no focus group or stage is called '{name}'",
    },
    "error.memo.target": {
        "nb": "et notat kan ikke festes til «{target}»",
        "en": "a memo cannot be attached to '{target}'",
    },
}
