"""Reading REFI-QDA files — `.qdc` codebooks, `.qdpx` projects, what NVivo, ATLAS.ti, MAXQDA and QualCoder
exchange — into plain data. They come from other machines, so the reader is defensive: no DTD (so no
external entities, no entity bombs), no network, bounded sizes, no zip member outside the archive; anything
wrong is one IngestError naming the file. What real tools write is accepted: either namespace or none,
nested codes (flattened, each keeping its parent and whether it is codable), an empty `<Sets/>`, missing
optional attributes, annotations as notes holding a selection (QualCoder). Text positions are read in the
unit the file turns out to use (`refi_positions`) and handed on as indexes into the Python string."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from sdi.i18n import Notice
from sdi.i18n.outside import archive_reason, os_reason
from sdi.ingest import limits, refi_positions
from sdi.ingest.model import IngestError
from sdi.ingest.refi_archive import MAX_FILE_BYTES, check_members, parse_xml, read_member, safe_member
from sdi.interchange.refi import (
    GUID_PATTERN,
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiUser,
    RefiValue,
    RefiVariable,
    refi_guid,
)

__all__ = [  # the plain data lives in sdi.interchange.refi; callers may keep importing it from here
    "RefiCase", "RefiCode", "RefiCoding", "RefiNote", "RefiProject", "RefiSelection", "RefiSet",
    "RefiSource", "RefiUser", "RefiValue", "RefiVariable", "read_refi", "refi_guid",
]  # fmt: skip

_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_VALUE_KINDS = {"TextValue": "Text", "BooleanValue": "Boolean", "IntegerValue": "Integer",
                "FloatValue": "Float", "DateValue": "Date", "DateTimeValue": "DateTime"}  # fmt: skip


def read_refi(path: Path) -> RefiProject:
    """Read a `.qdpx` (zip) or a REFI XML file (`.qdc`, `.qde`); any problem is one IngestError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            zipped = path.suffix.lower() == ".qdpx" or handle.read(4) == b"PK\x03\x04"
            handle.seek(0)
            data = b"" if zipped else handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(path, Notice("refi_file.unreadable", reason=os_reason(exc))) from None
    if zipped:
        return _read_archive(path, size)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(path, Notice("refi_file.file_too_large", size=size))
    return _Reader(path, "", None).project(parse_xml(path, data, ""))


def _read_archive(path: Path, size: int) -> RefiProject:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_members(path, size, infos)
            files = {info.filename.replace("\\", "/").lower(): info for info in infos if not info.is_dir()}
            qde = sorted(n for n in files if "/" not in n and n.endswith(".qde"))
            if not qde:
                raise IngestError(path, Notice("refi_file.no_qde"))
            main = files["project.qde" if "project.qde" in qde else qde[0]]

            def load(reference: str) -> bytes | None:
                wanted = reference.replace("\\", "/").lower()
                found = files.get(f"sources/{wanted}") or files.get(wanted)
                return read_member(archive, found, path) if found is not None else None

            root = parse_xml(path, read_member(archive, main, path), main.filename)
            return _Reader(path, main.filename, load).project(root)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            OSError, struct.error) as exc:  # fmt: skip
        raise IngestError(path, Notice("refi_file.damaged_archive", reason=archive_reason(exc))) from None


def _local(element: object) -> str:
    tag = getattr(element, "tag", None)  # comments and processing instructions have no str tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) in names)


def _text(element: etree._Element, name: str) -> str:
    child = next(_children(element, name), None)
    return "".join(child.itertext()) if child is not None else ""


def _datetime(value: str | None) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat((value or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _color(value: str | None) -> str | None:
    """#RGB or #RRGGBB as #RRGGBB; anything else is dropped (a colour is never worth refusing a file)."""
    value = (value or "").strip()
    if not _COLOR.match(value):
        return None
    return "#" + "".join(ch * 2 for ch in value[1:]) if len(value) == 4 else value


class _Reader:
    """Walks one parsed document; `load` resolves `internal://` paths inside a .qdpx."""

    def __init__(self, path: Path, member: str, load: Callable[[str], bytes | None] | None) -> None:
        self.path, self.member, self.load = path, member, load
        self.warnings: list[str] = []
        self.whole: dict[str, tuple[RefiSelection, ...]] = {}  # source GUID → its whole-source coding
        self.seen: set[tuple[str, str]] = set()  # (element, GUID) of codes, sources, sets and notes so far

    def fail(self, message: Notice, element: object) -> IngestError:
        line = getattr(element, "sourceline", None)
        if self.member:
            return IngestError(self.path, Notice("refi_file.member_line", member=self.member, line=line,
                                                 message=message))  # fmt: skip
        return IngestError(self.path, message, line)

    def guid(self, element: etree._Element, attribute: str = "guid", required: bool = True) -> str | None:
        raw = (element.get(attribute) or "").strip()
        if not raw:
            if required:
                raise self.fail(
                    Notice("refi_file.no_attribute", element=_local(element), attribute=attribute), element
                )
            return None
        match = GUID_PATTERN.match(raw)
        # Not a GUID (some tools write their own ids): derive one, so references still line up.
        return match.group(1).lower() if match else refi_guid("foreign", raw)

    def unique(self, element: etree._Element) -> str:
        """The element's GUID, refused when an element of its kind had it already: REFI-QDA GUIDs name one
        thing each, and two codes (or sources) under one GUID could only be stored as one."""
        guid = self.guid(element) or ""
        if (_local(element), guid) in self.seen:
            raise self.fail(Notice("refi_file.duplicate_guid", element=_local(element), guid=guid), element)
        self.seen.add((_local(element), guid))
        return guid

    def refs(self, element: etree._Element, name: str) -> tuple[str, ...]:
        """Target GUIDs of references (a .qdc's MemberCode says `guid`, everything else `targetGUID`)."""
        refs = [(r, "targetGUID" if r.get("guid") is None else "guid") for r in _children(element, name)]
        return tuple(guid for ref, attribute in refs if (guid := self.guid(ref, attribute)))

    def project(self, root: etree._Element) -> RefiProject:
        kind = _local(root)
        if kind not in ("Project", "CodeBook"):
            raise self.fail(Notice("refi_file.root", element=kind or "?"), root)
        codebook = root if kind == "CodeBook" else next(_children(root, "CodeBook"), None)
        codes: list[RefiCode] = []
        for codes_element in _children(codebook, "Codes") if codebook is not None else ():
            self.codes(codes_element, None, codes)
        sets = tuple(
            RefiSet(self.unique(s), s.get("name") or "", _text(s, "Description"),
                    self.refs(s, "MemberCode"), self.refs(s, "MemberNote"), self.refs(s, "MemberSource"))
            for sets_element in _children(root, "Sets") for s in _children(sets_element, "Set")
        )  # fmt: skip
        if kind == "CodeBook":
            return RefiProject(root.get("name") or "", root.get("origin") or "", (), tuple(codes), sets,
                               warnings=tuple(self.warnings))  # fmt: skip
        users = tuple(
            RefiUser(self.guid(u) or "", u.get("name") or u.get("id") or "")
            for group in _children(root, "Users") for u in _children(group, "User")
        )  # fmt: skip
        variables = tuple(
            RefiVariable(self.guid(v) or "", v.get("name") or "", v.get("typeOfVariable") or "Text")
            for group in _children(root, "Variables") for v in _children(group, "Variable")
        )  # fmt: skip
        cases = tuple(
            RefiCase(self.guid(c) or "", c.get("name") or "", _text(c, "Description"), self.values(c),
                     self.refs(c, "SourceRef"), self.refs(c, "SelectionRef"), self.refs(c, "CodeRef"))
            for group in _children(root, "Cases") for c in _children(group, "Case")
        )  # fmt: skip
        sources = tuple(
            source for group in _children(root, "Sources") for element in group
            if (source := self.source(element)) is not None
        )  # fmt: skip
        notes = tuple(
            RefiNote(self.unique(n), n.get("name") or "", self.content(n) or "", _text(n, "Description"),
                     self.guid(n, "creatingUser", False), _datetime(n.get("creationDateTime")),
                     tuple(self.raw_selection(x, None) for x in _children(n, "PlainTextSelection")),
                     path=n.get("plainTextPath") is not None)
            for group in _children(root, "Notes") for n in _children(group, "Note")
        )  # fmt: skip
        origin = root.get("origin") or ""
        sources, notes, choice = self.place(origin, sources, notes)
        return RefiProject(
            root.get("name") or "", origin, users, tuple(codes), sets, variables, cases,
            sources, notes, self.refs(root, "NoteRef"), tuple(self.warnings), choice.summary,
            _text(root, "Description"), _datetime(root.get("creationDateTime")),
            self.guid(root, "creatingUserGUID", False),
        )  # fmt: skip

    def place(self, origin: str, sources: tuple[RefiSource, ...], notes: tuple[RefiNote, ...]
              ) -> tuple[tuple[RefiSource, ...], tuple[RefiNote, ...], refi_positions.Choice]:  # fmt: skip
        """Positions as string indexes, in the reading that fits the file; what fits no text is skipped."""
        owner = {note: source.guid for source in sources for note in source.notes}
        if len(sources) == 1:
            owner = {note.guid: sources[0].guid for note in notes} | owner
        annotated: dict[str, list[RefiSelection]] = {}
        for note in notes:
            if note.selections and note.guid in owner:
                annotated.setdefault(owner[note.guid], []).extend(note.selections)
        choice = refi_positions.choose(origin, (
            (s.text, [(x.start, x.end) for x in (*s.selections, *annotated.get(s.guid, ()))]) for s in sources
        ))  # fmt: skip
        if not choice.fits:
            self.warnings.append(Notice("refi_file.positions_unsure", summary=choice.summary))
        readers = {s.guid: choice.reader(s.text) for s in sources}

        def placed(selections: tuple[RefiSelection, ...], source: RefiSource) -> list[RefiSelection]:
            found = []
            for selection in selections:
                span = readers[source.guid].span(selection.start, selection.end)
                if span is None:
                    self.warnings.append(Notice("refi_file.selection_skipped", start=selection.start,
                                                end=selection.end, source=source.name))  # fmt: skip
                    continue
                found.append(replace(selection, start=span[0], end=span[1]))
            return found

        by_guid = {s.guid: s for s in sources}
        sources = tuple(replace(s, selections=(*placed(s.selections, s), *self.whole.get(s.guid, ())))
                        for s in sources)  # fmt: skip
        notes = tuple(
            replace(n, selections=tuple(placed(n.selections, by_guid[owner[n.guid]])), source=owner[n.guid])
            if n.selections and n.guid in owner else replace(n, selections=())
            for n in notes
        )  # fmt: skip
        return sources, notes, choice

    def codes(self, parent: etree._Element, parent_guid: str | None, out: list[RefiCode]) -> None:
        """Flatten nested codes in document order; each child remembers its parent."""
        for element in _children(parent, "Code"):
            guid = self.unique(element)
            name = " ".join((element.get("name") or "").split())
            description, notes = _text(element, "Description"), self.refs(element, "NoteRef")
            if len(name) > limits.MAX_STATEMENT:
                name, description = self.shortened(name, description, element)
            codable = (element.get("isCodable") or "true").strip().lower() not in ("false", "0")
            out.append(RefiCode(guid, name, description, _color(element.get("color")), parent_guid, notes,
                                codable))  # fmt: skip
            self.codes(element, guid, out)

    def shortened(self, name: str, description: str, element: etree._Element) -> tuple[str, str]:
        """A code name longer than a statement may be (NVivo and ATLAS.ti allow any length): cut after a word
        with «…», the whole name kept first in the description, and a warning — nothing lost in silence."""
        cut = name[: limits.MAX_STATEMENT - 1]
        if " " in cut and not name[limits.MAX_STATEMENT - 1].isspace():
            cut = cut[: cut.rindex(" ")]
        short = cut.rstrip() + "…"
        line = getattr(element, "sourceline", None) or "?"
        self.warnings.append(Notice("refi_file.long_code_name", line=line, start=name[:40], length=len(name),
                                    limit=limits.MAX_STATEMENT))  # fmt: skip
        return short, name + ("\n\n" + description if description else "")

    def values(self, element: etree._Element) -> tuple[RefiValue, ...]:
        found = []
        for value in _children(element, "VariableValue"):
            ref = next(_children(value, "VariableRef"), None)
            if ref is None:
                raise self.fail(
                    Notice("refi_file.without", element="VariableValue", reference="VariableRef"), value
                )
            typed = next(_children(value, *_VALUE_KINDS), None)
            if typed is not None:
                found.append(RefiValue(self.guid(ref, "targetGUID") or "", "".join(typed.itertext()).strip(),
                                       _VALUE_KINDS[_local(typed)]))  # fmt: skip
        return tuple(found)

    def content(self, element: etree._Element) -> str | None:
        """The plain text of a source or note: inline, or a file inside the archive."""
        inline = next(_children(element, "PlainTextContent"), None)
        if inline is not None:
            return "".join(inline.itertext())
        reference = (element.get("plainTextPath") or "").strip()
        if not reference.lower().startswith("internal://"):
            return None
        name = reference[len("internal://") :].lstrip("/")
        if not safe_member(name):
            raise self.fail(Notice("refi_file.text_path", path=reference), element)
        data = self.load(name) if self.load is not None else None
        if data is None:
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise self.fail(
                Notice("refi_file.not_utf8", source=element.get("name") or name), element
            ) from None

    def source(self, element: etree._Element) -> RefiSource | None:
        kind = _local(element)
        if kind != "TextSource":
            if kind:
                label = element.get("name") or ""
                self.warnings.append(Notice("refi_file.not_text", kind=kind, source=label))
            return None
        guid = self.unique(element)
        name = element.get("name") or guid
        text = self.content(element)
        if text is None:
            self.warnings.append(Notice("refi_file.text_missing", source=name))
            return None
        selections = tuple(self.raw_selection(s, name) for s in _children(element, "PlainTextSelection"))
        whole = self.codings(element, None)
        if whole and text:  # a coding of the whole source: placed already, added after the others
            self.whole[guid] = (RefiSelection(refi_guid("whole", guid), 0, len(text), name, codings=whole),)
        user, created = self.guid(element, "creatingUser", False), _datetime(element.get("creationDateTime"))
        return RefiSource(guid, name, text, _text(element, "Description"), selections,
                          self.values(element), self.refs(element, "NoteRef"), user, created)  # fmt: skip

    def raw_selection(self, selection: etree._Element, source: str | None) -> RefiSelection:
        """A selection with its positions as the file wrote them (`place` turns them into indexes)."""
        start, end = self.position(selection, "startPosition"), self.position(selection, "endPosition")
        user = self.guid(selection, "creatingUser", False)  # the codings' author when they name none
        ident, label = self.guid(selection) or "", selection.get("name") or ""
        codings = self.codings(selection, user) if source is not None else ()
        return RefiSelection(ident, start, end, label, codings, self.refs(selection, "NoteRef"),
                             _text(selection, "Description"))  # fmt: skip

    def position(self, element: etree._Element, attribute: str) -> int:
        raw = (element.get(attribute) or "").strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", raw):
            wrong = Notice("refi_file.not_whole", element=_local(element), attribute=attribute, value=raw[:9])
            raise self.fail(wrong, element)
        return int(raw)

    def codings(self, element: etree._Element, user: str | None) -> tuple[RefiCoding, ...]:
        found = []
        for coding in _children(element, "Coding"):
            ref = next(_children(coding, "CodeRef"), None)
            if ref is None:
                raise self.fail(Notice("refi_file.without", element="Coding", reference="CodeRef"), coding)
            found.append(RefiCoding(
                self.guid(coding) or "", self.guid(ref, "targetGUID") or "",
                self.guid(coding, "creatingUser", False) or user, _datetime(coding.get("creationDateTime")),
                self.refs(coding, "NoteRef"),
            ))  # fmt: skip
        return tuple(found)
