"""Figures from plain data: every kind as SVG and PNG, æøå drawn with a font that has them (no missing-glyph
warning), text as outlines in SVG, the same bytes for the same data, and every shown word listed for the
check for real names."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from sdi.export.figures import FONT, Bars, ConceptBox, ConceptMap, Heatmap, labels_of, render, write_figure

HEATMAP = Heatmap("Kodegrupper × fokusgruppe", ["Å vente til man er sikker", "Når stafettpinnen blir mistet"],
                  ["Barnehage Åsmark", "Skole Fjordvik", "Mellomledere oppvekst og helse Åsmark"],
                  [[3, 0, None], [1, 5, 2]], measure="kodinger")  # fmt: skip
SHARES = Heatmap("Andel", ["Ønsker ro"], ["Ledelse Fjordvik"], [[0.25]], percent=True)
CONCEPTS = ConceptMap("Begrepskart", [
    ConceptBox("Sikkerhetsventing", "Å vente til man er sikker", [("Venter til hun er sikker", 5)]),
    ConceptBox(None, "Restgruppe", [("Æsj, det er sårt", 1)]),
])  # fmt: skip
BARS = Bars("Kodinger per fokusgruppe og runde", ["Barnehage Åsmark", "Skole Fjordvik"],
            [("runde 1", [3, 4]), ("runde 2", [1, 0])])  # fmt: skip


def test_the_font_has_the_norwegian_letters() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(FONT, fallback_to_default=False)
    font = FT2Font(path)
    assert all(font.get_char_index(ord(letter)) for letter in "æøåÆØÅ«»–×…")


@pytest.mark.parametrize("figure", [HEATMAP, SHARES, CONCEPTS, BARS], ids=lambda f: f.kind)
def test_every_figure_as_svg_and_png(figure: object, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # «Glyph … missing from font(s)» would fail here
        svg = write_figure(tmp_path / "figur.svg", figure).read_text(encoding="utf-8")
        png = write_figure(tmp_path / "figur.png", figure).read_bytes()
    assert "<svg" in svg and "<path" in svg and "<text" not in svg  # letters as outlines: the same everywhere
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert render(figure, "svg") == render(figure, "svg")  # no date or random ids: diff-friendly


def test_a_figure_lists_every_word_it_shows() -> None:
    words = {text for _, text in labels_of(HEATMAP)}
    assert {"Kodegrupper × fokusgruppe", "Å vente til man er sikker", "Skole Fjordvik"} <= words
    assert ("concept", "Sikkerhetsventing") in labels_of(CONCEPTS)
    assert ("code", "Æsj, det er sårt") in labels_of(CONCEPTS)
    assert ("series", "runde 2") in labels_of(BARS)


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"figur\.jpg"):
        write_figure(tmp_path / "figur.jpg", BARS)
    assert not (tmp_path / "figur.jpg").exists()
