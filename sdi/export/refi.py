"""Writing REFI-QDA files from plain data: a `.qdc` codebook (codes and sets) or a `.qdpx` project (a zip of
`project.qde` and each transcript's plain text as `sources/<guid>.txt`), for NVivo, ATLAS.ti, MAXQDA and
QualCoder. Elements are written in the order the schemas demand and empty containers are left out (the
schemas forbid e.g. `<Sets/>`), so every file validates. The zip is byte-for-byte stable between exports of
the same project (fixed member times), which keeps re-exports diffable."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from sdi import __version__
from sdi.config.files import write_atomically
from sdi.interchange.refi import (
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiValue,
)

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"sdi {__version__}"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _clean(text: str) -> str:
    """Text XML can carry: control characters (a stray form feed from Word) are dropped, not refused."""
    return _NOT_XML.sub("", text)


def _stamp(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    value = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Writer:
    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def element(self, parent: etree._Element | None, local: str, /, **attributes: str | None) -> Any:
        tag = f"{{{self.namespace}}}{local}"
        values = {k: _clean(v) for k, v in attributes.items() if v is not None}
        if parent is None:
            return etree.Element(tag, values, nsmap={None: self.namespace})
        return etree.SubElement(parent, tag, values)

    def text(self, parent: etree._Element, name: str, value: str) -> None:
        if value:
            self.element(parent, name).text = _clean(value)

    def refs(self, parent: etree._Element, name: str, guids: tuple[str, ...]) -> None:
        for guid in guids:
            self.element(parent, name, targetGUID=guid)

    def codes(self, parent: etree._Element, codes: tuple[RefiCode, ...], *, notes: bool) -> None:
        """Codes nested under their parent, as they arrived (ours are flat)."""
        container = self.element(parent, "Codes")
        children: dict[str | None, list[RefiCode]] = {}
        known = {code.guid for code in codes}
        for code in codes:
            children.setdefault(code.parent if code.parent in known else None, []).append(code)

        def add(under: etree._Element, code: RefiCode) -> None:
            codable = "true" if code.codable else "false"
            element = self.element(under, "Code", guid=code.guid, name=code.name, isCodable=codable,
                                   color=code.color)  # fmt: skip
            self.text(element, "Description", code.description)
            if notes:
                self.refs(element, "NoteRef", code.notes)
            for child in children.get(code.guid, ()):
                add(element, child)

        for code in children.get(None, ()):
            add(container, code)

    def sets(self, parent: etree._Element, data: RefiProject, *, notes: bool) -> None:
        if not data.sets:
            return  # never an empty <Sets/>: the schemas require at least one Set
        container = self.element(parent, "Sets")
        for item in data.sets:
            element = self.element(container, "Set", guid=item.guid, name=item.name)
            self.text(element, "Description", item.description)
            for guid in item.codes:  # Codebook.xsd names the member `guid`, Project.xsd `targetGUID`
                self.element(element, "MemberCode", **{"targetGUID" if notes else "guid": guid})
            if notes:
                self.refs(element, "MemberNote", item.notes)

    def values(self, parent: etree._Element, values: tuple[RefiValue, ...]) -> None:
        for value in values:
            element = self.element(parent, "VariableValue")
            self.element(element, "VariableRef", targetGUID=value.variable)
            self.element(element, f"{value.kind}Value").text = _clean(value.value)

    def coding(self, parent: etree._Element, coding: RefiCoding) -> None:
        element = self.element(parent, "Coding", guid=coding.guid, creatingUser=coding.user,
                               creationDateTime=_stamp(coding.created))  # fmt: skip
        self.element(element, "CodeRef", targetGUID=coding.code)
        self.refs(element, "NoteRef", coding.notes)

    def selection(self, parent: etree._Element, selection: RefiSelection) -> None:
        first = selection.codings[0] if selection.codings else RefiCoding("", "")
        element = self.element(
            parent, "PlainTextSelection", guid=selection.guid, name=selection.name or None,
            startPosition=str(selection.start), endPosition=str(selection.end),
            creatingUser=first.user, creationDateTime=_stamp(first.created),
        )  # fmt: skip
        self.text(element, "Description", selection.description)
        for coding in selection.codings:
            self.coding(element, coding)
        self.refs(element, "NoteRef", selection.notes)

    def source(self, parent: etree._Element, source: RefiSource) -> None:
        element = self.element(parent, "TextSource", guid=source.guid, name=source.name,
                               plainTextPath=f"internal://{source.guid}.txt", creatingUser=source.user,
                               creationDateTime=_stamp(source.created))  # fmt: skip
        self.text(element, "Description", source.description)
        for selection in source.selections:
            self.selection(element, selection)
        self.refs(element, "NoteRef", source.notes)
        self.values(element, source.values)

    def note(self, parent: etree._Element, note: RefiNote) -> None:
        element = self.element(parent, "Note", guid=note.guid, name=note.name, creatingUser=note.user,
                               creationDateTime=_stamp(note.created))  # fmt: skip
        self.text(element, "Description", note.description)
        self.element(element, "PlainTextContent").text = _clean(note.text)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def codebook_xml(data: RefiProject) -> bytes:
    """A `.qdc` (Codebook.xsd): codes and sets only. Needs at least one code (the schema says so)."""
    if not data.codes:
        raise ValueError("a REFI-QDA codebook needs at least one code")  # not shown: the callers refuse first
    writer = _Writer(NS_CODEBOOK)
    root = writer.element(None, "CodeBook", origin=data.origin or ORIGIN)
    writer.codes(root, data.codes, notes=False)
    writer.sets(root, data, notes=False)
    return _bytes(root)


def project_xml(data: RefiProject) -> bytes:
    """`project.qde` (Project.xsd); each source's text is referenced as `internal://<guid>.txt`."""
    writer = _Writer(NS_PROJECT)
    root = writer.element(None, "Project", name=data.name or "sdi", origin=data.origin or ORIGIN,
                          creatingUserGUID=data.creator, creationDateTime=_stamp(data.created))  # fmt: skip
    if data.users:
        container = writer.element(root, "Users")
        for user in data.users:
            writer.element(container, "User", guid=user.guid, name=user.name or None)
    if data.codes:
        writer.codes(writer.element(root, "CodeBook"), data.codes, notes=True)
    if data.variables:
        container = writer.element(root, "Variables")
        for variable in data.variables:
            writer.element(container, "Variable", guid=variable.guid, name=variable.name,
                           typeOfVariable=variable.kind)  # fmt: skip
    if data.cases:
        container = writer.element(root, "Cases")
        for case in data.cases:
            element = writer.element(container, "Case", guid=case.guid, name=case.name or None)
            writer.text(element, "Description", case.description)
            writer.refs(element, "CodeRef", case.codes)
            writer.values(element, case.values)
            writer.refs(element, "SourceRef", case.sources)
            writer.refs(element, "SelectionRef", case.selections)
    if data.sources:
        container = writer.element(root, "Sources")
        for source in data.sources:
            writer.source(container, source)
    if data.notes:
        container = writer.element(root, "Notes")
        for note in data.notes:
            writer.note(container, note)
    writer.sets(root, data, notes=True)
    writer.refs(root, "NoteRef", data.project_notes)
    return _bytes(root)


def qdpx_bytes(data: RefiProject) -> bytes:
    """The whole `.qdpx`: fixed member times and order, so the same project always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        members = [("project.qde", project_xml(data))]
        members += [(f"sources/{s.guid}.txt", s.text.encode("utf-8")) for s in data.sources]
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def write_qdc(data: RefiProject, path: Path) -> Path:
    return write_atomically(path, codebook_xml(data))


def write_qdpx(data: RefiProject, path: Path) -> Path:
    return write_atomically(path, qdpx_bytes(data))


def refi_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every piece of text in a written `.qdc` or `.qdpx`: each attribute value and text of
    every element of its XML and each line of every source text in the zip — all the file holds, not only what
    one reader shows, so the pseudonym check sees whatever another tool might."""
    if not zipfile.is_zipfile(path):
        return _xml_texts(path.name, path.read_bytes())
    found: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            content = archive.read(member)
            if member.lower().endswith((".qde", ".qdc", ".xml")):
                found += _xml_texts(member, content)
            else:
                text = content.decode("utf-8", errors="replace")
                found += [(f"{member} line {n}", line) for n, line in enumerate(text.splitlines(), start=1)]
    return found


def _xml_texts(member: str, content: bytes) -> list[tuple[str, str]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    root = etree.fromstring(content, parser)
    found: list[tuple[str, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction
            continue
        name = etree.QName(element).localname
        where = f"{member} {name} {element.get('guid', '')}".rstrip()
        found += [(f"{where} {attribute}", value) for attribute, value in element.attrib.items()]
        lines = (element.text or "").splitlines()
        found += [(f"{where} line {n}", line) for n, line in enumerate(lines, start=1) if line.strip()]
    return found
