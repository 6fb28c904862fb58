"""The hostile-file guards of the REFI-QDA reader (`sdi.ingest.refi`): XML parsed without entities, DTDs or
huge trees, and a .qdpx archive's members checked before any is read — no path out of the archive, no member
or total over its limit, no zip bomb — each refusal one IngestError naming the file and the member."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from sdi.i18n import Notice
from sdi.i18n.outside import xml_reason
from sdi.ingest.model import IngestError

MAX_FILE_BYTES = 256 * 1024 * 1024  # one XML file or archive member
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # uncompressed/compressed; text and XML stay far below it


def parse_xml(path: Path, data: bytes, member: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        reason = xml_reason(str(exc.msg))  # libxml2 may end a message with a line break
        if member:
            raise IngestError(path, _in(member, Notice("refi_file.not_well_formed_at", reason=reason,
                                                       line=exc.lineno))) from None  # fmt: skip
        raise IngestError(path, Notice("refi_file.not_well_formed", reason=reason), exc.lineno) from None
    except (ValueError, etree.LxmlError) as exc:
        raise IngestError(path, _in(member, Notice("refi_file.unreadable_xml", reason=exc))) from None
    info = root.getroottree().docinfo if root is not None else None
    if info is None or info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise IngestError(path, _in(member, Notice("refi_file.doctype")))
    return root


def _in(member: str, message: Notice) -> Notice:
    """`message` about one member of a .qdpx archive, naming it; as it is for a lone XML file."""
    return Notice("refi_file.in_member", member=member, message=message) if member else message


def safe_member(name: str) -> bool:
    """Relative, inside the archive: no absolute path, drive letter, NUL or '..' part."""
    absolute = name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name)
    return bool(name) and not absolute and "\x00" not in name and ".." not in re.split(r"[\\/]", name)


def check_members(path: Path, size: int, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse the whole archive for one member that climbs out of it or would inflate absurdly."""
    if size > MAX_TOTAL_BYTES or len(infos) > MAX_MEMBERS:
        raise IngestError(path, Notice("refi_file.project_too_large", size=size, files=len(infos)))
    total = 0
    for info in infos:
        if not safe_member(info.filename):
            raise IngestError(path, Notice("refi_file.member_outside", member=info.filename))
        total += info.file_size
        if info.file_size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise IngestError(
                path, Notice("refi_file.member_too_large", member=info.filename, size=info.file_size)
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise IngestError(
                path, Notice("refi_file.member_ratio", member=info.filename, ratio=f"{ratio:.0f}")
            )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(MAX_FILE_BYTES + 1)  # headers can lie: never read past the limit
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(path, Notice("refi_file.member_too_large_read", member=info.filename))
    return data
