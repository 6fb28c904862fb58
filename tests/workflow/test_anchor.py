"""Re-anchoring: codings follow their words when a transcript is edited."""

from sdi.workflow.anchor import anchor_for, reanchor

OLD = (
    "Moderator sa velkommen.\n"
    "Vi venter med å ringe hjem til vi er helt sikre, altså.\n"
    "Stafettloggen blir liggende i en perm.\n"
)
PHRASE = "venter med å ringe hjem til vi er helt sikre"


def relocate(new: str, phrase: str = PHRASE):  # type: ignore[no-untyped-def]
    start = OLD.index(phrase)
    place = reanchor(OLD, new, [anchor_for(OLD, start, start + len(phrase))])[0]
    return place, new[place.start : place.end]


def test_unchanged_text_keeps_offsets() -> None:
    place, words = relocate(OLD)
    assert (place.status, words) == ("ok", PHRASE)


def test_insert_before_moves_the_span() -> None:
    new = OLD.replace(
        "Moderator sa velkommen.", "Moderator sa velkommen, og (pause) takket alle for at de kom."
    )
    place, words = relocate(new)
    assert place.status == "moved"
    assert words == PHRASE


def test_delete_before_moves_the_span() -> None:
    new = OLD.replace("Moderator sa velkommen.\n", "")
    place, words = relocate(new)
    assert (place.status, words, place.start) == ("moved", PHRASE, new.index(PHRASE))


def test_insert_inside_keeps_the_span_and_flags_it() -> None:
    new = OLD.replace("ringe hjem", "ringe hjem, eh, til foreldrene,")
    place, words = relocate(new)
    assert place.status == "changed"
    assert words == "venter med å ringe hjem, eh, til foreldrene, til vi er helt sikre"


def test_delete_inside_shrinks_the_span_and_flags_it() -> None:
    new = OLD.replace(" helt sikre", " sikre")
    place, words = relocate(new)
    assert place.status == "changed"
    assert words == "venter med å ringe hjem til vi er sikre"


def test_deleted_words_are_orphaned_not_dropped() -> None:
    new = OLD.replace("Vi venter med å ringe hjem til vi er helt sikre, altså.\n", "")
    place, words = relocate(new)
    assert place.status == "orphaned"
    assert words == ""
    assert place.start == new.index("Stafettloggen")


def test_repeated_phrase_is_resolved_by_context() -> None:
    text = "ja, altså, ja. Noe annet her. ja, altså, ja. Og mer."
    second = text.index("ja, altså", 5)
    new = "Innledning. " + text
    place = reanchor(text, new, [anchor_for(text, second, second + 9)])[0]
    assert place.start == new.index("ja, altså", 20)


def test_span_ending_mid_word_is_kept() -> None:
    phrase = "Stafettlogg"
    new = "Ny linje først.\n" + OLD
    place, words = relocate(new, phrase)
    assert (place.status, words) == ("moved", phrase)
