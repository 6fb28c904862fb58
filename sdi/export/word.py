"""Quote sets to Word (python-docx), for papers and posters.

Uses Word's own styles (Title, Heading 1–2, Quote, Intense Quote, Caption) so authors can restyle the
document in Word instead of fighting direct formatting. Attributions carry role, group, site, stage only.
Every document is A4 in the project's language with the project's properties (`sdi.export.docx_layout`); the
poster layout is in `sdi.export.poster`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = {
    "nb": {"ungrouped": "Uten kodegruppe", "appendix": "Vedlegg: opprinnelig ordlyd", "edited": "Redigert",
           "original": "Opprinnelig", "participants": "N={n}", "quotes": "sitater"},
    "en": {"ungrouped": "Not grouped", "appendix": "Appendix: original wording", "edited": "Edited",
           "original": "Original", "participants": "N={n}", "quotes": "quotes"},
}  # fmt: skip
OPEN, CLOSE = "«", "»"


@dataclass(frozen=True)
class WordQuote:
    """One quote as the document shows it."""

    text: str  # the display version
    original: str  # as transcribed
    edited: bool
    attribution: str  # role, group, site, stage
    heading: str | None  # concept or code group it belongs under (paper layout)
    category: str  # focus-group category (poster layout)


def new_document(  # type: ignore[no-untyped-def]
    title: str, description: str, *, author: str = "", language: str = "nb", size: str = "A4",
    landscape: bool = False,
):  # fmt: skip
    """A document with the page, language and properties set, opening with its title (and description)."""
    from docx import Document

    from sdi.export.docx_layout import prepare

    document = Document()
    prepare(document, title=title, author=author, language=language, size=size, landscape=landscape)
    document.add_paragraph(title, style="Title")
    if description:
        document.add_paragraph(description)
    return document


def _quote(document, quote: WordQuote, *, block: bool, headline: bool = False) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    text = quote.text if block else f"{OPEN}{quote.text}{CLOSE}"
    paragraph = document.add_paragraph(style="Intense Quote" if headline else "Quote")
    run = paragraph.add_run(text)
    if headline:
        run.font.size = Pt(20)
    caption = document.add_paragraph(style="Caption")
    role, _, rest = quote.attribution.partition(", ")
    caption.add_run("— ")
    caption.add_run(role).bold = True
    if rest:
        caption.add_run(f", {rest}")


def _appendix(document, quotes: Sequence[WordQuote], labels: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    edited = [q for q in quotes if q.edited]
    if not edited:
        return
    document.add_heading(labels["appendix"], level=1)
    for number, quote in enumerate(edited, start=1):
        document.add_paragraph(
            f"{number}. {labels['edited']}: {OPEN}{quote.text}{CLOSE}", style="List Number"
        )
        document.add_paragraph(f"{labels['original']}: {OPEN}{quote.original}{CLOSE}", style="List Continue")
        document.add_paragraph(f"— {quote.attribution}", style="Caption")


def write_paper(
    path: Path, title: str, description: str, quotes: Sequence[WordQuote], *, language: str = "nb",
    block: bool = False, appendix: bool = False, author: str = "",
) -> Path:  # fmt: skip
    """Quotes under headings by concept/code group (in the set's order), each with its attribution."""
    labels = LABELS.get(language, LABELS["nb"])
    document = new_document(title, description, author=author, language=language)
    order: list[str] = []
    by_heading: dict[str, list[WordQuote]] = {}
    for quote in quotes:
        heading = quote.heading or labels["ungrouped"]
        if heading not in by_heading:
            order.append(heading)
            by_heading[heading] = []
        by_heading[heading].append(quote)
    for heading in order:
        document.add_heading(heading, level=1)
        for quote in by_heading[heading]:
            _quote(document, quote, block=block)
    if appendix:
        _appendix(document, quotes, labels)
    return save_document(document, path)


def write_poster(path: Path, title: str, quotes: Sequence[WordQuote], participants: dict[str, int],
                 **options: Any) -> Path:  # fmt: skip
    """The poster layout (`sdi.export.poster.write_poster`: A1 landscape, one panel per category)."""
    from sdi.export.poster import write_poster as write

    return write(path, title, quotes, participants, **options)


def save_document(document, path: Path) -> Path:  # type: ignore[no-untyped-def]
    import io

    from sdi.config.files import write_atomically

    buffer = io.BytesIO()
    document.save(buffer)
    return write_atomically(path, buffer.getvalue())
