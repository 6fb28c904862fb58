from sdi.nlp.quick_sentences import sentence_spans


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_split_on_end_marks() -> None:
    text = "Vi ringer hjem. Men ikke alltid! Hvorfor ikke? Det vet jeg ikke… Eh, nei."
    assert pieces(text) == [
        "Vi ringer hjem.",
        "Men ikke alltid!",
        "Hvorfor ikke?",
        "Det vet jeg ikke…",
        "Eh, nei.",
    ]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Vi møtes f.eks. kl. 14 på torsdager. Det gjelder bl.a. PPT og helsestasjonen."
    assert pieces(text) == [
        "Vi møtes f.eks. kl. 14 på torsdager.",
        "Det gjelder bl.a. PPT og helsestasjonen.",
    ]


def test_quotes_and_cues_start_a_new_sentence_and_offsets_shift() -> None:
    text = "Hun sa det. «Ingen visste noe.» (ler) Ja."
    spans = sentence_spans(text, offset=100)
    assert [text[s - 100 : e - 100] for s, e in spans] == ["Hun sa det.", "«Ingen visste noe.» (ler) Ja."]


def test_lowercase_after_full_stop_does_not_split() -> None:
    assert pieces("Det var 3. klasse. ja") == ["Det var 3. klasse. ja"]
