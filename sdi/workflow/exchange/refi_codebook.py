"""The codebook part of a REFI-QDA import (`refi_import` runs it inside its transaction): the file's codes,
categories and Sets as codes and code groups.

- A code that is not codable (QualCoder's and MAXQDA's categories) is a code group; a category inside a
  category is a group of its own that says whose part it is. Codes take the group of their nearest category.
- A codable code inside another is flattened, and its description says whose subcode it is.
- A code that is a participant (a Case points at it, or has its GUID, as NVivo writes speakers) is no code:
  its codings are that participant's turns. Our own folder of such codes is no group.
- A Set of codes is a code group (a Set and a category of the same name are the same group); a Set of only
  documents (MAXQDA's document sets) is an attribute of those transcripts; an empty Set is nothing.
- Codes and groups already in the project are recognised (`refi_identity`) and left as the researchers
  have them; only new codes join a group."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest.refi import RefiCode, RefiProject, RefiSet, refi_guid
from sdi.storage.models import Code, CodeGroup, Concept, Document
from sdi.workflow.code_group import REST_GROUP_NAME
from sdi.workflow.exchange.refi import CONCEPT_PATTERN, PARTICIPANT_FOLDERS
from sdi.workflow.exchange.refi_identity import CodeMatcher, CodingIndex, norm, split_memos
from sdi.workflow.exchange.refi_quotes import QuoteParts


class CodebookPart:
    """Mixed into `refi_import._Importer`, whose state it uses."""

    session: Session
    data: RefiProject
    parts: QuoteParts
    texts: dict[str, str]
    coder: int
    report: Any
    codes: dict[str, Code]
    new_codes: set[str]
    groups: dict[str, CodeGroup]
    documents: dict[str, Document]
    targets: dict[str, tuple[str, Any]]
    code_memos: list[tuple[Code, list[str]]]
    group_memos: list[tuple[CodeGroup, list[str]]]
    spans: CodingIndex

    def add(self, row: Any) -> Any:
        raise NotImplementedError

    def classify(self) -> None:
        """Which of the file's codes are participants, folders of participants, categories or codes."""
        by_guid = {code.guid: code for code in self.data.codes}
        cases = {case.guid for case in self.data.cases}
        self.case_codes: dict[str, str | None] = {
            code: case.guid for case in self.data.cases for code in case.codes
        }
        self.case_codes |= {guid: guid for guid in by_guid if guid in cases}
        children: dict[str | None, list[RefiCode]] = {}
        for code in self.data.codes:
            children.setdefault(code.parent, []).append(code)
        self.folders = {
            code.guid for code in self.data.codes if not code.codable and (
                code.name in PARTICIPANT_FOLDERS  # ours, also when a tool dropped the Cases
                or ((kids := children.get(code.guid, [])) and all(k.guid in self.case_codes for k in kids)))
        }  # fmt: skip
        for folder in self.folders:  # a participant's code whose Case went missing: turns all the same
            orphans = [kid.guid for kid in children.get(folder, []) if kid.guid not in self.case_codes]
            self.case_codes |= dict.fromkeys(orphans)
        self.categories = [c for c in self.data.codes if not c.codable and c.guid not in self.folders]
        self.category_of: dict[str, RefiCode | None] = {}
        for code in self.data.codes:
            parent = by_guid.get(code.parent or "")
            while parent is not None and parent.codable:
                parent = by_guid.get(parent.parent or "")
            outside = parent is None or parent.guid in self.folders
            self.category_of[code.guid] = None if outside else parent

    def import_groups(self) -> None:
        """Categories and Sets of codes as code groups, matched by GUID, then by name."""
        existing = {refi_guid("group", g.uid): g for g in self.session.scalars(select(CodeGroup))}
        by_name = {norm(group.name): group for group in existing.values()}
        has_rest = any(group.is_rest for group in existing.values())
        # Sets first: a group keeps the GUID of its Set, its category (ours) is matched by name
        items = [(s.guid, s.name, s.description, "") for s in self.parts.groups if s.codes]
        for code in self.categories:
            outer = self.category_of.get(code.guid)
            note = self.texts["category"].format(outer.name) if outer is not None else ""
            items.append((code.guid, code.name, code.description, note))
        for position, (guid, raw_name, raw_description, note) in enumerate(items, start=1):
            name = " ".join(raw_name.split())[:300] or f"{self.texts['set']} {guid[:8]}"
            group = existing.get(guid) or by_name.get(norm(name))
            description, memos = split_memos(raw_description)
            if group is None:
                match = CONCEPT_PATTERN.search(description)
                own = description[: match.start()] if match else description
                rest, has_rest = name == REST_GROUP_NAME and not has_rest, has_rest or name == REST_GROUP_NAME
                own = "\n\n".join(filter(None, [own.strip(), note]))
                group = existing[guid] = by_name[norm(name)] = self.add(CodeGroup(
                    uid=guid, name=name, description=own, position=position, is_rest=rest
                ))  # fmt: skip
                self.report.groups += 1
                if match and match.group(1).strip():
                    self.session.add(Concept(group_id=group.id, name=match.group(1).strip()[:300],
                                             definition=match.group(2).strip()))  # fmt: skip
                    self.report.concepts += 1
            else:
                self.report.skipped += 1
            self.groups[guid] = group
            self.group_memos.append((group, memos))
        for item in self.parts.groups:
            if not item.codes:
                if not item.sources and not item.notes:
                    self.report.warnings.append(f"set «{item.name}» skipped: it holds nothing")
                continue
            group = self.groups[item.guid]
            self.targets |= {note: ("code_group", group) for note in item.notes
                             if note not in self.targets and note not in self.parts.notes}  # fmt: skip

    def import_codes(self) -> None:
        """Codable codes: recognised ones kept as they are, new ones added in their group."""
        rows = list(self.session.scalars(select(Code)))
        matcher = CodeMatcher(rows, {c.id: refi_guid("code", c.uid) for c in rows})
        parents = {code.guid: code for code in self.data.codes if code.codable}
        evidence = self.evidence()
        span_codes = self.spans.span_codes()
        in_set = {guid: s.name for s in self.parts.groups for guid in s.codes}
        ways: Counter[str] = Counter()
        for position, item in enumerate(self.data.codes, start=1):
            if not item.codable or item.guid in self.case_codes:
                continue
            category = self.category_of.get(item.guid)
            place = category.name if category is not None else in_set.get(item.guid)
            code, way = matcher.match(item.guid, item.name, place, item.description,
                                      evidence.get(item.guid, ()), span_codes)  # fmt: skip
            description, memos = split_memos(item.description)
            if code is None:
                parent = parents.get(item.parent or "")  # a codable code holding it: flattened, noted
                nested = self.texts["parent"].format(parent.name) if parent is not None else ""
                group = self.groups.get(category.guid) if category is not None else None
                code = Code(
                    uid=item.guid, statement=(item.name or item.guid[:8])[:1000], color=item.color,
                    description="\n\n".join(filter(None, [description, nested])), author_id=self.coder,
                    position=position, group_id=group.id if group is not None else None,
                )  # fmt: skip
                self.session.add(code)
                self.new_codes.add(item.guid)
                self.report.codes += 1
            else:
                ways[way] += way != "GUID"  # by GUID is no news: it is ours
                self.report.skipped += 1
                if way in ("beskrivelse", "kodinger") and norm(code.statement) != norm(item.name):
                    self.report.warnings.append(f"kode «{item.name}» i fila er «{code.statement}» her (samme "
                                                f"{way}); navnet her er beholdt")  # fmt: skip
            self.codes[item.guid] = code
            self.code_memos.append((code, memos))
            self.targets |= {note: ("code", code) for note in item.notes if note not in self.targets}
        self.report.recognised = +ways
        self.session.flush()

    def evidence(self) -> dict[str, list[tuple[int, int, int]]]:
        """Each file code's codings as (transcript, start, end), where the file coded our current text."""
        found: dict[str, list[tuple[int, int, int]]] = {}
        for source in self.data.sources:
            document = self.documents[source.guid]
            if document.text != source.text:
                continue
            for selection in source.selections:
                for coding in selection.codings:
                    found.setdefault(coding.code, []).append((document.id, selection.start, selection.end))
        return found

    def join_sets(self) -> None:
        """New codes that no category placed join the group of the first Set that lists them."""
        for item in self.parts.groups:
            group = self.groups.get(item.guid)
            for order, guid in enumerate(item.codes, start=1):
                code = self.codes.get(guid)
                if group is None or code is None or guid not in self.new_codes or code.group_id is not None:
                    continue
                code.group_id, code.position = group.id, order
        self.session.flush()

    def document_sets(self, sets: list[RefiSet]) -> None:
        """A Set of documents only: each member transcript gets an attribute named after the Set."""
        for item in sets:
            if item.codes or not item.sources:
                continue
            name = " ".join(item.name.split())[:200] or item.guid[:8]
            for guid in item.sources:
                document = self.documents.get(guid)
                if document is not None and (document.attributes or {}).get(name) != "true":
                    document.attributes = {**(document.attributes or {}), name: "true"}
                    self.report.attributes += 1
        self.session.flush()
