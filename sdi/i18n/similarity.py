"""Strings of the similarity engine's faces: why two statements were matched, `sdi code similar`, and the
fuzzy search's "nothing matched well"."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "sim.kind.same": {"nb": "samme ord", "en": "same word"},
    "sim.kind.synonym": {"nb": "synonym", "en": "synonym"},
    "sim.kind.stem": {"nb": "samme stamme", "en": "same stem"},
    "sim.kind.head": {"nb": "sammensetning", "en": "compound"},
    "sim.kind.modifier": {"nb": "sammensetning", "en": "compound"},
    "sim.kind.shared-modifier": {"nb": "samme forledd", "en": "same first part"},
    "sim.kind.shared-head": {"nb": "samme etterledd", "en": "same head"},
    "sim.kind.typo": {"nb": "skrivemåte", "en": "spelling"},
    "sim.shared": {"nb": "felles: {words}", "en": "shared: {words}"},
    "sim.nothing_shared": {"nb": "ingen felles innholdsord", "en": "no content word shared"},
    "sim.same": {"nb": "sier det samme", "en": "says the same"},
    "sim.no_match": {
        "nb": "Ingen setning ligner godt nok på «{query}» (grense {floor:.0f}). Prøv færre eller andre ord.",
        "en": "No sentence is close enough to «{query}» (threshold {floor:.0f}). Try fewer or other words.",
    },
    "sim.no_codes": {"nb": "Prosjektet har ingen koder ennå.", "en": "The project has no codes yet."},
    "sim.no_similar": {
        "nb": "Ingen kode ligner på «{text}».",
        "en": "No code is like «{text}».",
    },
    "sim.header": {
        "nb": "Koder som ligner (≥ {threshold:.0f}: sier det samme)",
        "en": "Similar codes (≥ {threshold:.0f}: says the same)",
    },
}
