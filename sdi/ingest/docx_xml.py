"""The body of a Word file read as a stream: its paragraphs (text, leading bold runs, heading or not) and its
tables (cell texts by row), in time linear in the XML and memory of one paragraph or table at a time.

python-docx builds the whole document tree first (a 190 MB `document.xml` took 1.4 GB and eleven minutes),
so the transcript reader walks `word/document.xml` with lxml's `iterparse` instead, dropping each top-level
paragraph or table once it is read, and stops at `MAX_XML_BYTES` of XML or the file size limit of text.
What it reads is what python-docx reads (a test holds the two together): the body's own paragraphs and
tables (not those inside content controls or nested tables); a paragraph's runs and hyperlinks, with tabs,
line breaks and non-breaking hyphens as python-docx writes them; bold from a run's own `w:b` or its
character style; a paragraph's style name, the document's default paragraph style when it names none or an
unknown one; a cell spanning columns once, a cell continuing a vertical merge as the cell it continues.

Only the lxml parser is used, with no DTD, no entities and no network, its own limits on depth and node size
left on. Called by `sdi.ingest.docx_reader`."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lxml import etree

from sdi.i18n import Notice
from sdi.i18n.outside import archive_reason, xml_reason
from sdi.ingest.model import IngestError

MAX_XML_BYTES = 200 * 1024 * 1024  # of document.xml as it inflates, whatever the archive's headers say
MAX_STYLES_BYTES = 16 * 1024 * 1024
_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict Open XML
)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_FALSE = frozenset(("0", "false", "off"))


@dataclass(frozen=True, slots=True)
class DocxParagraph:
    text: str
    bold_prefix: str  # text of the leading bold run(s), "" if none
    heading: bool


@dataclass(frozen=True, slots=True)
class DocxBody:
    paragraphs: list[DocxParagraph]
    tables: list[list[list[str]]]  # table → row → the text of each cell (a spanning cell once)


# What reading a member of a damaged archive raises: zipfile's own errors, a broken deflate stream (zlib),
# a member cut short (EOF), an unknown compression method (NotImplementedError) or encryption (RuntimeError).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
            etree.LxmlError)  # fmt: skip


class _TooLarge(Exception):
    pass


def read_body(path: Path, archive: zipfile.ZipFile, max_text: int) -> DocxBody:
    """The paragraphs and tables of the main document in `archive` (already checked by `check_archive`).
    Anything unreadable, or more than `MAX_XML_BYTES` of XML or `max_text` characters, is an IngestError."""
    document = "word/document.xml"
    body = DocxBody([], [])
    size = 0
    try:  # every read of a member may meet a damaged zip: a bad header, a broken deflate stream, encryption
        document = _main_part(archive)
        tags = _Tags(_namespace(archive, document))
        styles = _Styles(_styles_xml(archive, document), tags)
        with archive.open(document) as raw:
            for kind, item in _body_items(_Capped(raw, MAX_XML_BYTES), tags, styles):
                if kind == "p":
                    body.paragraphs.append(item)
                    size += len(item.text)
                else:
                    body.tables.append(item)
                    size += sum(len(cell) for row in item for cell in row)
                if size > max_text:
                    raise IngestError(path, Notice("ingest.docx.too_much_text", limit=max_text))
    except _TooLarge:
        raise IngestError(path, Notice("ingest.docx.inflates", part=document, limit=MAX_XML_BYTES)) from None
    except etree.XMLSyntaxError as exc:
        reason = xml_reason(str(exc.msg))  # libxml2 may end a message with a line break
        raise IngestError(path, Notice("ingest.docx.bad_xml", part=document, reason=reason)) from None
    except KeyError:
        raise IngestError(path, Notice("ingest.docx.missing", part=document)) from None
    except _DAMAGED as exc:
        raise IngestError(path, Notice("ingest.docx.damaged", reason=archive_reason(exc))) from None
    return body


class _Capped:
    """A stream that refuses to give more than `limit` bytes."""

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        self._raw, self._left = raw, limit

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size if size is not None and size >= 0 else 1 << 16)
        self._left -= len(data)
        if self._left < 0:
            raise _TooLarge
        return data


class _Tags:
    """The element names of one WordprocessingML namespace."""

    def __init__(self, namespace: str) -> None:
        w = f"{{{namespace}}}"
        self.w = w
        self.body, self.p, self.r, self.t, self.tbl = f"{w}body", f"{w}p", f"{w}r", f"{w}t", f"{w}tbl"
        self.tr, self.tc, self.hyperlink = f"{w}tr", f"{w}tc", f"{w}hyperlink"
        self.tab, self.br, self.cr = f"{w}tab", f"{w}br", f"{w}cr"
        self.no_break_hyphen, self.ptab = f"{w}noBreakHyphen", f"{w}ptab"
        self.ppr, self.pstyle, self.rpr, self.rstyle = f"{w}pPr", f"{w}pStyle", f"{w}rPr", f"{w}rStyle"
        self.b, self.val, self.type = f"{w}b", f"{w}val", f"{w}type"
        self.tcpr, self.grid_span, self.vmerge = f"{w}tcPr", f"{w}gridSpan", f"{w}vMerge"
        self.trpr, self.grid_before = f"{w}trPr", f"{w}gridBefore"
        self.style, self.style_id = f"{w}style", f"{w}styleId"
        self.name, self.default = f"{w}name", f"{w}default"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _read_small(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        with archive.open(name) as handle:
            data = handle.read(limit + 1)
    except KeyError:
        return None
    return data if len(data) <= limit else None


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (word/document.xml in every Word file)."""
    for target in _targets(archive, "_rels/.rels", "/officeDocument", ""):
        if target in archive.NameToInfo:
            return target
    return "word/document.xml"


def _targets(archive: zipfile.ZipFile, rels: str, kind: str, base: str) -> Iterator[str]:
    data = _read_small(archive, rels, MAX_STYLES_BYTES)
    if data is None:
        return
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError):
        return
    for relation in root.iter(_REL):
        if (relation.get("Type") or "").endswith(kind) and relation.get("TargetMode") != "External":
            target = relation.get("Target") or ""
            absolute = target.startswith("/")
            yield target.lstrip("/") if absolute else posixpath.normpath(posixpath.join(base, target))


def _namespace(archive: zipfile.ZipFile, document: str) -> str:
    """The WordprocessingML namespace the main part is written in (transitional, or strict)."""
    with archive.open(document) as handle:
        head = handle.read(4096)
    return next((namespace for namespace in _NAMESPACES if namespace.encode() in head), _NAMESPACES[0])


def _styles_xml(archive: zipfile.ZipFile, document: str) -> Any:
    folder, name = posixpath.split(document)
    for target in _targets(archive, posixpath.join(folder, "_rels", f"{name}.rels"), "/styles", folder):
        data = _read_small(archive, target, MAX_STYLES_BYTES)
        if data is not None:
            try:
                return etree.fromstring(data, _parser())
            except (etree.XMLSyntaxError, ValueError):
                return None
    return None


class _Styles:
    """Paragraph style names (for headings) and character styles' bold, by style id, with the defaults."""

    def __init__(self, root: Any, tags: _Tags) -> None:
        self._tags = tags
        self._names: dict[tuple[str, str], str] = {}
        self._bold: dict[str, bool | None] = {}
        self._default: dict[str, str] = {}
        self._default_bold: bool | None = None
        if root is None:
            return
        for style in root.iter(tags.style):
            kind = style.get(tags.type) or "paragraph"
            ident = style.get(tags.style_id) or ""
            name_element = style.find(tags.name)
            name = (name_element.get(tags.val) or "") if name_element is not None else ""
            bold = _bold_of(style.find(tags.rpr), tags)
            self._names.setdefault((kind, ident), name)
            if kind == "character":
                self._bold.setdefault(ident, bold)
            if _on(style.get(tags.default)):
                self._default[kind] = name  # the last default of a type counts, as in python-docx
                if kind == "character":
                    self._default_bold = bold

    def paragraph_name(self, ident: str | None) -> str:
        if ident is not None and ("paragraph", ident) in self._names:
            return self._names[("paragraph", ident)]
        return self._default.get("paragraph", "")

    def character_bold(self, ident: str | None) -> bool | None:
        if ident is not None and ident in self._bold:
            return self._bold[ident]
        return self._default_bold


def _on(value: str | None) -> bool:
    return value is not None and value not in _FALSE


def _bold_of(rpr: Any, tags: _Tags) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(tags.b)
    if element is None:
        return None
    value = element.get(tags.val)
    return True if value is None else value not in _FALSE


def _body_items(stream: _Capped, tags: _Tags, styles: _Styles) -> Iterator[tuple[str, Any]]:
    """("p", DocxParagraph) and ("tbl", rows) for each paragraph and table directly in the body, in order;
    each is dropped from memory once read."""
    events = etree.iterparse(
        stream, events=("end",), tag=(tags.p, tags.tbl), resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=False,
    )  # fmt: skip
    for _event, element in events:
        parent = element.getparent()
        if parent is None or parent.tag != tags.body:
            continue  # in a table, content control or text box: read with what holds it, or not at all
        if element.tag == tags.p:
            yield "p", _paragraph(element, tags, styles)
        else:
            yield "tbl", _table(element, tags)
        element.clear()
        while element.getprevious() is not None:
            del parent[0]


def _run_text(run: Any, tags: _Tags) -> str:
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == tags.t:
            parts.append(child.text or "")
        elif tag in (tags.tab, tags.ptab):
            parts.append("\t")
        elif tag == tags.br:
            parts.append("\n" if (child.get(tags.type) or "textWrapping") == "textWrapping" else "")
        elif tag == tags.cr:
            parts.append("\n")
        elif tag == tags.no_break_hyphen:
            parts.append("-")
    return "".join(parts)


def _paragraph_text(paragraph: Any, tags: _Tags) -> str:
    parts: list[str] = []
    for child in paragraph:
        if child.tag == tags.r:
            parts.append(_run_text(child, tags))
        elif child.tag == tags.hyperlink:
            parts.extend(_run_text(run, tags) for run in child if run.tag == tags.r)
    return "".join(parts)


def _paragraph(paragraph: Any, tags: _Tags, styles: _Styles) -> DocxParagraph:
    bold: list[str] = []
    for run in paragraph:
        if run.tag != tags.r:
            continue
        text = _run_text(run, tags)
        if (not text.strip() and not bold) or _run_bold(run, tags, styles):
            bold.append(text)
        else:
            break
    ppr = paragraph.find(tags.ppr)
    pstyle = ppr.find(tags.pstyle) if ppr is not None else None
    name = styles.paragraph_name(pstyle.get(tags.val) if pstyle is not None else None)
    heading = name.lower().startswith(("heading", "title", "overskrift", "tittel"))
    return DocxParagraph(_paragraph_text(paragraph, tags), "".join(bold), heading)


def _run_bold(run: Any, tags: _Tags, styles: _Styles) -> bool:
    rpr = run.find(tags.rpr)
    if _bold_of(rpr, tags):
        return True
    rstyle = rpr.find(tags.rstyle) if rpr is not None else None
    return bool(styles.character_bold(rstyle.get(tags.val) if rstyle is not None else None))


def _table(table: Any, tags: _Tags) -> list[list[str]]:
    """Cell texts row by row: a cell spanning grid columns once; a cell continuing a vertical merge as the
    text of the cell it continues (empty when there is none above)."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid offset → text of the cell starting there in the row above
    for row in table:
        if row.tag != tags.tr:
            continue
        offset = _int(row.find(f"{tags.trpr}/{tags.grid_before}"), tags, 0)
        cells: list[str] = []
        here: dict[int, str] = {}
        for cell in row:
            if cell.tag != tags.tc:
                continue
            tcpr = cell.find(tags.tcpr)
            span = max(_int(tcpr.find(tags.grid_span) if tcpr is not None else None, tags, 1), 1)
            merge = tcpr.find(tags.vmerge) if tcpr is not None else None
            if merge is not None and (merge.get(tags.val) or "continue") == "continue":
                text = above.get(offset, "")
            else:
                text = "\n".join(_paragraph_text(p, tags) for p in cell if p.tag == tags.p)
            cells.append(text)
            here[offset] = text
            offset += span
        rows.append(cells)
        above = here
    return rows


def _int(element: Any, tags: _Tags, default: int) -> int:
    value = element.get(tags.val) if element is not None else None
    try:
        return int(value) if value is not None and len(value) < 9 else default
    except ValueError:
        return default
