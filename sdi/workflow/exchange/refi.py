"""REFI-QDA exchange (`sdi refi export`): the project as plain data for `sdi.export.refi`; importing is in
`refi_import`, which shares the names and markers below. Written so that other tools keep what they can:

- code groups → Sets *and* non-codable parent codes (categories: what QualCoder and MAXQDA show as groups),
  the concept riding in the description; codes nested in their group's category;
- transcripts → TextSources (metadata and attributes as variables), text positions in Unicode characters;
- participants → Cases, and each participant also a code with the Case's GUID (NVivo's and QualCoder's way
  of marking speakers) that codes their turns, in a folder of its own; the Case points at it (CodeRef) and
  at the turns (SelectionRef). No uncoded selections: other tools turn those into empty annotations, and
  non-speech cues are found again on import by the rule every format follows;
- codings → selections with one Coding; memos → Notes (NoteRef where the schema has one), and a code's
  memos also in its `<Description>`, a coding's in its selection's, because that is where QualCoder looks;
- coders → Users; every element that can say who made it and when says so (QualCoder requires it).

A Set cannot hold selections, so a quote (of a quote set, or a concept's key quote) is a Note on the quoted
passage, listed in order by a Set. Only the current text of a transcript goes out: a source has one text.
GUIDs come from our ids, so re-exports are stable."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest import refi as qda
from sdi.ingest.refi import RefiProject, RefiSource, RefiValue, refi_guid
from sdi.interchange.refi import GUID_NAMESPACE
from sdi.nlp.known_names import KnownNames, pseudonymise_path
from sdi.storage.models import (
    Code,
    CodeGroup,
    Coder,
    Coding,
    Concept,
    Document,
    FocusGroup,
    Memo,
    Participant,
    QuoteSet,
    Stage,
    Utterance,
)
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.refi_identity import join_memos
from sdi.workflow.project import Project

# key → (bokmål name, English name, REFI type); recognised on import by GUID, then by either name.
VARIABLES = {
    "group": ("Fokusgruppe", "Focus group", "Text"), "site": ("Sted", "Site", "Text"),
    "category": ("Kategori", "Category", "Text"), "stage": ("Runde", "Stage", "Integer"),
    "date": ("Dato", "Date", "Date"), "path": ("Kildefil", "Source file", "Text"),
    "pseudonym": ("Pseudonym", "Pseudonym", "Text"), "role": ("Rolle", "Role", "Text"),
    "service": ("Tjeneste", "Service", "Text"), "moderator": ("Moderator", "Moderator", "Boolean"),
}  # fmt: skip
CONCEPT_PATTERN = re.compile(r"(?:\A|\n\n)\[(?:Begrep|Concept)\] ([^\n]*)\n?(.*)\Z", re.DOTALL)
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")  # ours may carry alpha: dropped
TEXTS = {"nb": {"concept": "[Begrep] ", "parent": "Underkode av «{}».", "set": "Sett",
                "quote_set": "[Sitatsett]", "quote": "Sitat {} – {}", "key_quote": "[Nøkkelsitat] {} – {}",
                "cue": "[Ikke-tale]", "category": "Underkategori av «{}».", "participants": "[Deltakere]",
                "participants_about": "Deltakernes taleturer: hver kode er en deltaker (samme GUID som "
                                      "deltakerens Case) og koder deltakerens turer."},
         "en": {"concept": "[Concept] ", "parent": "Subcode of «{}».", "set": "Set",
                "quote_set": "[Quote set]", "quote": "Quote {} – {}", "key_quote": "[Key quote] {} – {}",
                "cue": "[Non-speech]", "category": "Subcategory of «{}».", "participants": "[Participants]",
                "participants_about": "The participants' turns: each code is a participant (the same GUID "
                                      "as the participant's Case) and codes their turns."}}  # fmt: skip
# Our own markers, recognised on import in either language.
QUOTE_SET_PATTERN = re.compile(r"\A\[(?:Sitatsett|Quote set)\]\n?(.*)\Z", re.DOTALL)
KEY_QUOTE_PATTERN = re.compile(r"\A\[(?:Nøkkelsitat|Key quote)\] ")
CUE_MARKERS = frozenset(texts["cue"] for texts in TEXTS.values())
PARTICIPANT_FOLDERS = frozenset(texts["participants"] for texts in TEXTS.values())


def derived_guid(kind: str, uid: str) -> str:
    """A GUID of its own for a second element made from one object (a group's category beside its Set)."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{uid}"))


@dataclass
class _Quoting:
    """Quote sets and key quotes as REFI notes: a note per quote (its display text; the researcher's note
    on it as the description), pointed at by the coded passage's selection (NoteRef) and listed in order
    by a Set — a quote set's own, or the Set of the concept's code group."""

    on_coding: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: list[qda.RefiNote] = field(default_factory=list)
    on_group: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    sets: list[qda.RefiSet] = field(default_factory=list)


def _quoting(session: Session, texts: dict[str, str], user: dict[int, str]) -> _Quoting:
    found = _Quoting()
    exported = {c.id: c for c in session.scalars(select(Coding).where(Coding.end > Coding.start))}
    texts_of = dict(session.execute(select(Document.id, Document.text)).all())

    def words(coding: Coding) -> str:
        return texts_of[coding.document_id][coding.start : coding.end]

    for quote_set in session.scalars(select(QuoteSet).order_by(QuoteSet.id)):
        members = []
        for number, quote in enumerate(quote_set.quotes, start=1):
            coding = exported.get(quote.coding_id)
            if coding is None:  # an emptied coding has no selection to hang the quote on
                continue
            guid = refi_guid("quote", quote.uid)
            found.notes.append(qda.RefiNote(guid, texts["quote"].format(number, quote_set.name),
                                            quote.display_text or words(coding), quote.note,
                                            user.get(coding.coder_id or 0), quote.created_at))  # fmt: skip
            found.on_coding[coding.id].append(guid)
            members.append(guid)
        description = "\n".join(filter(None, [texts["quote_set"], quote_set.description]))
        found.sets.append(qda.RefiSet(refi_guid("quote-set", quote_set.uid), quote_set.name, description,
                                      (), tuple(members)))  # fmt: skip
    for concept in session.scalars(select(Concept).order_by(Concept.id)):
        for number, key in enumerate(concept.key_quotes, start=1):
            coding = exported.get(key.coding_id)
            if coding is None:
                continue
            guid = refi_guid("key-quote", f"{concept.uid}:{coding.uid}")
            found.notes.append(qda.RefiNote(guid, texts["key_quote"].format(number, concept.name),
                                            words(coding), "", user.get(coding.coder_id or 0),
                                            coding.created_at))  # fmt: skip
            found.on_coding[coding.id].append(guid)
            found.on_group[concept.group_id].append(guid)
    return found


def _values(pairs: list[tuple[str, object]]) -> tuple[RefiValue, ...]:
    """Variable values for (key, value) pairs: our fixed variables by key, the rest as text attributes."""
    found = []
    for key, value in pairs:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value or "").strip()
        if text:
            ours = key in VARIABLES
            found.append(RefiValue(refi_guid("variable" if ours else "attribute", key), text,
                                   VARIABLES[key][2] if ours else "Text"))  # fmt: skip
    return tuple(found)


def _stamp(*stamps: dt.datetime | None) -> dt.datetime | None:
    return next((stamp for stamp in stamps if stamp is not None), None)


def gather_refi(project: Project, *, codebook_only: bool = False) -> RefiProject:
    """The project as REFI plain data: codes and groups only, or everything (never the pseudonym key)."""
    texts = TEXTS.get(project.config.language, TEXTS["nb"])
    with project.store.reading() as session:
        memos = list(session.scalars(select(Memo).order_by(Memo.id)))
        attached: dict[tuple[str, int | None], list[Memo]] = defaultdict(list)
        for memo in memos:
            attached[(memo.target_type, memo.target_id)].append(memo)

        def notes(*targets: tuple[str, int | None]) -> tuple[str, ...]:
            return tuple(refi_guid("memo", m.uid) for target in targets for m in attached.get(target, ()))

        def memo_texts(*targets: tuple[str, int | None]) -> list[str]:
            return [m.text for target in targets for m in attached.get(target, ())]

        code_rows = list(session.scalars(select(Code).order_by(Code.statement, Code.id)))
        code_guid = {c.id: refi_guid("code", c.uid) for c in code_rows}
        colors = {c.id: c.color[:7] if c.color and _HEX.match(c.color) else None for c in code_rows}
        group_rows = list(session.scalars(select(CodeGroup).order_by(CodeGroup.is_rest, CodeGroup.position)))
        # from the Set's GUID, not our id: a copy imported from the file writes the same GUIDs again
        category = {g.id: derived_guid("category", refi_guid("group", g.uid)) for g in group_rows}
        codes = [qda.RefiCode(code_guid[c.id], c.statement,
                              join_memos(c.description, memo_texts(("code", c.id))), colors[c.id],
                              category.get(c.group_id or 0), notes(("code", c.id)))
                 for c in code_rows]  # fmt: skip
        members: dict[int | None, list[str]] = defaultdict(list)
        for code in sorted(code_rows, key=lambda c: (c.position, c.id)):
            members[code.group_id].append(code_guid[code.id])
        concepts = {c.group_id: c for c in session.scalars(select(Concept))}
        sets, categories = [], []
        for group in group_rows:
            description, concept = group.description, concepts.get(group.id)
            if concept is not None:  # one to one with its group: it rides in the Set's description
                part = "\n".join(filter(None, [f"{texts['concept']}{concept.name}", concept.definition]))
                description = f"{description}\n\n{part}" if description else part
            targets = (("code_group", group.id), ("concept", concept.id if concept else 0))
            sets.append(qda.RefiSet(refi_guid("group", group.uid), group.name, description,
                                    tuple(members[group.id]), notes(*targets)))  # fmt: skip
            categories.append(qda.RefiCode(category[group.id], group.name,
                                           join_memos(description, memo_texts(*targets)), codable=False))
        if codebook_only:
            if not codes:
                raise WorkflowError(key="exchange.refi_no_codes")
            return RefiProject(project.config.title, codes=(*categories, *codes), sets=tuple(sets))
        coders = list(session.scalars(select(Coder).order_by(Coder.id)))
        user = {c.id: refi_guid("coder", c.uid) for c in coders}
        users = [qda.RefiUser(user[c.id], c.name) for c in coders]
        if not users:  # someone wrote the file: the coder exporting it
            users = [qda.RefiUser(derived_guid("coder-name", project.coder_name), project.coder_name)]
        first_user = users[0].guid
        quoting = _quoting(session, texts, user)
        group_guid = {refi_guid("group", g.uid): g.id for g in group_rows}
        sets = [replace(s, notes=(*s.notes, *quoting.on_group.get(group_guid[s.guid], ()))) for s in sets]
        codings: dict[int, list[Coding]] = defaultdict(list)
        for c in session.scalars(select(Coding).where(Coding.end > Coding.start).order_by(Coding.id)):
            codings[c.document_id].append(c)
        turns: dict[int, list[Utterance]] = defaultdict(list)
        for turn in session.scalars(select(Utterance).where(Utterance.participant_id.is_not(None))
                                    .order_by(Utterance.document_id, Utterance.seq)):  # fmt: skip
            turns[turn.document_id].append(turn)
        spoken: dict[int | None, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        people = {p.id: refi_guid("participant", p.uid) for p in session.scalars(select(Participant))}
        sources, attributes = [], set()
        known = project.config.known_names
        in_paths = KnownNames(known, loose=True)  # no known name in a file name either
        for document, stage, focus_group in session.execute(
            select(Document, Stage, FocusGroup).join(Stage, Stage.id == Document.stage_id)
            .join(FocusGroup, FocusGroup.id == Stage.group_id).order_by(FocusGroup.name, Stage.number)
        ).all():  # fmt: skip
            guid, text = refi_guid("document", document.uid), document.text
            selections = [qda.RefiSelection(
                refi_guid("selection", c.uid), c.start, c.end, " ".join(text[c.start : c.end].split())[:80],
                (qda.RefiCoding(refi_guid("coding", c.uid), code_guid[c.code_id], user.get(c.coder_id or 0),
                                c.created_at, notes(("coding", c.id))),),
                tuple(quoting.on_coding.get(c.id, ())),  # the quotes made of this passage
                "\n\n".join(memo_texts(("coding", c.id))),  # where QualCoder reads a coding's memo
            ) for c in codings[document.id]]  # fmt: skip
            for turn in turns[document.id]:  # a speaker's turn, coded by the participant's own code
                turn_guid = refi_guid("turn", f"{document.uid}:{turn.seq}")
                spoken[turn.participant_id][guid].append(turn_guid)
                coding = qda.RefiCoding(derived_guid("turn-coding", f"{guid}:{turn.seq}"),
                                        people[turn.participant_id or 0], first_user, document.created_at)
                selections.append(qda.RefiSelection(turn_guid, turn.start, turn.end, turn.speaker, (coding,),
                                                    notes(("utterance", turn.id))))  # fmt: skip
            path = pseudonymise_path(document.source_path, in_paths, known)
            attributes |= set(document.attributes or {})
            pairs = [("group", focus_group.name), ("site", focus_group.site),
                     ("category", focus_group.category), ("stage", stage.number), ("date", stage.date),
                     ("path", path),
                     *sorted((document.attributes or {}).items())]  # fmt: skip
            sources.append(RefiSource(
                guid, document.title or path, text, stage.summary,
                tuple(sorted(selections, key=lambda s: (s.start, -s.end))), _values(pairs),
                notes(("document", document.id), ("stage", stage.id)), first_user, document.created_at,
            ))  # fmt: skip
        cases, speakers = [], []
        for person, group_name in session.execute(
            select(Participant, FocusGroup.name).join(FocusGroup).order_by(FocusGroup.name, Participant.id)
        ).all():  # fmt: skip
            attributes |= set(person.attributes)
            own = spoken.get(person.id, {})
            pairs = [("group", group_name), ("pseudonym", person.pseudonym), ("role", person.role),
                     ("service", person.service), ("moderator", person.is_moderator),
                     *sorted(person.attributes.items())]  # fmt: skip
            guid, name = people[person.id], f"{person.pseudonym} ({group_name})"
            if own:
                speakers.append(qda.RefiCode(guid, name, parent=derived_guid("participants", "folder")))
            cases.append(qda.RefiCase(
                guid, name, "", _values(pairs), tuple(own),
                tuple(turn for found in own.values() for turn in found), (guid,) if own else (),
            ))  # fmt: skip
        if speakers:
            speakers.insert(0, qda.RefiCode(derived_guid("participants", "folder"), texts["participants"],
                                            texts["participants_about"], codable=False))  # fmt: skip
        col = 0 if project.config.language == "nb" else 1
        variables = [qda.RefiVariable(refi_guid("variable", k), v[col], v[2]) for k, v in VARIABLES.items()]
        variables += [
            qda.RefiVariable(refi_guid("attribute", k), k) for k in sorted(attributes) if k not in VARIABLES
        ]
        refi_notes = tuple(qda.RefiNote(refi_guid("memo", m.uid), m.title, m.text, "",
                                        user.get(m.author_id or 0, first_user), m.created_at)
                           for m in memos)  # fmt: skip
        refi_notes += tuple(replace(n, user=n.user or first_user) for n in quoting.notes)
        started = min((c.created_at for c in coders), default=None)
    return RefiProject(
        project.config.title, "", tuple(users), (*categories, *codes, *speakers), (*sets, *quoting.sets),
        tuple(variables) if sources or cases else (), tuple(cases), tuple(sources), refi_notes,
        notes(("project", None)), created=started, creator=first_user,
    )  # fmt: skip
