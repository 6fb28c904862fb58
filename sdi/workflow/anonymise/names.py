"""`sdi anonymise`: find names left in the stored transcripts, propose pseudonyms, apply the accepted ones.

Called by the CLI (`sdi/cli/anonymise.py`) and the TUI review modal. Finding is read-only: the pipeline
annotates every turn, `sdi.nlp.names` picks the candidates, `sdi.nlp.replacement` proposes one pseudonym
per name. Applying writes the pseudonym key (owner-only, apart from the database) and rewrites every
transcript that holds an accepted name through `corpus_import.new_version` — the same path a changed file
takes on re-import, so codings follow their words — in one transaction. Archived versions, summaries, the
audit log, the undo history and the analysis texts are pseudonymised as well
(`sdi.workflow.anonymise.store`), so no accepted name is left anywhere in the store."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.config import ConfigError, load_config
from sdi.config.key import add_many_to_key, read_key, write_key
from sdi.ingest.pseudonymise import Pseudonymiser
from sdi.nlp.known_names import KnownNames
from sdi.nlp.names import (
    INSTITUTION,
    INSTITUTION_NOUNS,
    PERSON,
    PLACE,
    Mention,
    NameLists,
    common_word_test,
    find_mentions,
    gather,
    name_word_test,
    protected_spans,
)
from sdi.nlp.replacement import propose
from sdi.storage.models import (
    Document,
    FocusGroup,
    Participant,
    Utterance,
)
from sdi.workflow.anonymise.store import rewrite_document, scrub_history, scrub_log, scrub_text_fields
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project
from sdi.workflow.search import pipeline

LIST_KINDS = {"names": PERSON, "places": PLACE, "institutions": INSTITUTION}


@dataclass(frozen=True)
class Occurrence:
    """Where a name stands: the transcript's source path and the source line of the turn it is in."""

    source_path: str
    line: int

    def __str__(self) -> str:
        return f"{self.source_path}:{self.line}"


@dataclass(frozen=True)
class NameProposal:
    """A name found in the stored text, every place it occurs, and the pseudonym proposed for it."""

    name: str
    kind: str  # person | place | institution
    replacement: str
    variants: tuple[str, ...]  # other spellings that will be replaced too («Karri» for «Kari»)
    occurrences: tuple[Occurrence, ...]
    reused: bool  # the pseudonym comes from the key (or [pseudonyms])
    listed: bool  # the name comes from the key or a list in sdi.toml

    @property
    def count(self) -> int:
        return len(self.occurrences)


@dataclass(frozen=True)
class Decision:
    """What the researcher accepted: replace `name` (and its variants) by `replacement`."""

    name: str
    replacement: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnonymiseReport:
    names: int  # names written to the key
    documents: int  # transcripts given a new version
    replacements: int  # places in the current texts that were replaced
    flagged: int  # codings flagged by the re-anchoring (their words changed beyond the name)
    key_path: Path


@dataclass(frozen=True)
class _Turn:
    document_id: int
    start: int
    end: int
    line: int


def find_names(project: Project) -> list[NameProposal]:
    """Every candidate name in the stored transcripts with its proposed pseudonym, by first mention."""
    config = project.config
    with project.store.reading() as session:
        documents = session.execute(select(Document.id, Document.source_path, Document.text)).all()
        turns = _turns(session)
        skip = _skip_words(session, config.title, config.moderator_labels)
    lists = NameLists(names=_listed_names(project), skip=skip | frozenset(config.acronyms))
    nlp = pipeline(project)
    is_common, is_name = _word_tests()
    mentions: list[Mention] = []
    for document_id, source_path, text in documents:
        spans = [(t.start, t.end) for t in turns.get(document_id, [])]
        texts = [text[start:end] for start, end in spans]
        for (start, _end), turn_text, annotation in zip(spans, texts, nlp.annotate(texts), strict=True):
            found = find_mentions(
                source_path,
                turn_text,
                annotation,
                lists=lists,
                is_common=is_common,
                use_entities=nlp.info.has_entities,
                protected=protected_spans(turn_text),
                is_name=is_name,
            )
            mentions.extend(replace(m, start=m.start + start, end=m.end + start) for m in found)
    proposals = propose(gather(mentions, lists), config.pseudonyms)
    variants = {p.name: _variants(p.name, p.candidate.variants) for p in proposals}
    forms = {form: p.name for p in proposals for form in (p.name, *variants[p.name])}
    places = _occurrences(documents, turns, forms)
    return [
        NameProposal(
            p.name,
            p.candidate.kind,
            p.replacement,
            variants[p.name],
            tuple(places.get(p.name, ())),
            p.reused,
            p.candidate.listed,
        )
        for p in proposals
        if places.get(p.name)
    ]


def _variants(name: str, forms: Sequence[str]) -> tuple[str, ...]:
    """Spellings that the known-name matcher would not find as `name` itself («Karri»); the same name in
    another case, with soft hyphens or in the genitive («KARI», «Ka­ri», «Karis») needs no entry of its own."""
    same = KnownNames([name])
    return tuple(
        form for form in forms if not any(m.start == 0 and m.suffix_end == len(form) for m in same.find(form))
    )


def as_proposed(proposals: Sequence[NameProposal]) -> list[Decision]:
    """Accept every proposal as it stands."""
    return [Decision(p.name, p.replacement, p.variants) for p in proposals]


def apply_decisions(project: Project, decisions: Sequence[Decision]) -> AnonymiseReport:
    """Write the accepted names to the key and pseudonymise the stored text, all or nothing.

    The database changes and the key file are written inside one transaction: the key is written last,
    just before the commit, and put back as it was if the commit fails."""
    mapping = _mapping(decisions)
    if not mapping:
        raise WorkflowError(key="anon.nothing_accepted")
    pseudonymiser = Pseudonymiser(mapping)
    key_path = project.config.key_path
    before = read_key(key_path)
    existed = key_path.exists()
    documents = replaced = flagged = 0
    try:
        with project.store.transaction() as session:
            for document in session.scalars(select(Document).order_by(Document.id)):
                edits = pseudonymiser.spans(document.text)
                if edits:
                    documents += 1
                    replaced += len(edits)
                    flagged += rewrite_document(project, session, document, pseudonymiser, edits)
                scrub_history(session, document, pseudonymiser)  # the version just archived too
            scrub_text_fields(session, pseudonymiser)
            scrub_log(session, pseudonymiser)
            project.record(
                session,
                "anonymise",
                "project",
                None,
                f"anonymiserte {replaced} steder i {documents} transkripsjoner",  # never the names
                undoable=False,
                names=len(mapping),
                documents=documents,
                replacements=replaced,
            )
            session.flush()
            add_many_to_key(project.config, mapping)
    except BaseException:
        _restore_key(key_path, before, existed)
        raise
    project.config = load_config(project.root)  # exports now guard against the new names too
    project.store.checkpoint()
    return AnonymiseReport(len(mapping), documents, replaced, flagged, key_path)


# ---- applying ---------------------------------------------------------------------------------------------


def _mapping(decisions: Sequence[Decision]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for decision in decisions:
        name, replacement = " ".join(decision.name.split()), decision.replacement.strip()
        if not name or not replacement:
            raise WorkflowError(key="anon.needs_both", name=decision.name)
        for form in (name, *decision.variants):
            form = " ".join(form.split())
            if form and form != name + "s":
                mapping[form] = replacement
    for form, replacement in mapping.items():
        if Pseudonymiser({form: "x"}).spans(replacement):
            raise WorkflowError(key="anon.pseudonym_holds_name", replacement=replacement)
    return mapping


def _restore_key(path: Path, before: dict[str, str], existed: bool) -> None:
    try:
        if existed:
            write_key(path, before)
        else:
            path.unlink(missing_ok=True)
    except (OSError, ConfigError):
        pass  # the key has the new names too: harmless, the next import applies them


# ---- finding ----------------------------------------------------------------------------------------------


def _turns(session: Session) -> dict[int, list[_Turn]]:
    turns: dict[int, list[_Turn]] = {}
    rows = session.execute(
        select(Utterance.document_id, Utterance.start, Utterance.end, Utterance.line).order_by(
            Utterance.document_id, Utterance.start
        )
    )
    for document_id, start, end, line in rows:
        turns.setdefault(document_id, []).append(_Turn(document_id, start, end, line))
    return turns


def _skip_words(session: Session, title: str, moderators: Sequence[str]) -> frozenset[str]:
    """The project's own names: groups, sites, categories, participant pseudonyms and the study's title."""
    words: set[str] = set(moderators)
    for name, site, category in session.execute(
        select(FocusGroup.name, FocusGroup.site, FocusGroup.category)
    ):
        words.update(f"{name} {site} {category}".split())
    words.update(
        word for (pseudonym,) in session.execute(select(Participant.pseudonym)) for word in pseudonym.split()
    )
    words.update(title.replace("«", " ").replace("»", " ").split())
    return frozenset(word.strip(".,:;–-") for word in words if word[:1].isupper())


def _listed_names(project: Project) -> dict[str, str]:
    """Names the researcher already knows, with their kind: the key and [pseudonyms], then the lists."""
    names: dict[str, str] = {}
    for name in project.config.pseudonyms:
        last = name.split()[-1].lower()
        names[" ".join(name.split())] = INSTITUTION if last in INSTITUTION_NOUNS else PERSON
    for table, kind in LIST_KINDS.items():
        for name in project.config.privacy_lists.get(table, ()):
            names[" ".join(name.split())] = kind
    return names


def _word_tests() -> tuple[Callable[..., bool], Callable[[str], bool]]:
    """`is_common(word)` and `is_name(word)`, both read from the lemma table."""
    from sdi.nlp.lemmatizer import lemmatizer
    from sdi.nlp.lexicon import DIALECT

    lemmas = lemmatizer()
    return common_word_test(lemmas.table.get, DIALECT, lemmas.guess), name_word_test(lemmas.table.get)


def _occurrences(
    documents: Sequence[tuple[int, str, str]], turns: dict[int, list[_Turn]], forms: dict[str, str]
) -> dict[str, list[Occurrence]]:
    """Every place a name (or a variant) stands, found the way `apply` will replace it."""
    if not forms:
        return {}
    names = sorted(set(forms.values()))
    finder = Pseudonymiser({form: f"#{names.index(name)}#" for form, name in forms.items()})
    found: dict[str, list[Occurrence]] = {}
    for document_id, source_path, text in documents:
        doc_turns = turns.get(document_id, [])
        starts = [t.start for t in doc_turns]
        for start, _end, marker in finder.spans(text):
            index = bisect_right(starts, start) - 1
            turn = doc_turns[index] if index >= 0 else None
            line = turn.line if turn else 1  # the turn's line: wrapped lines are joined in the stored text
            name = names[int(marker.split("#")[1])]
            found.setdefault(name, []).append(Occurrence(source_path, line))
    return found
