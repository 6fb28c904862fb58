"""Lemma accuracy on a hand-made gold sample of spoken Norwegian from school and kindergarten talk.

Written for this test (not taken from a corpus): `form/lemma`, or just `form` when the lemma is the
lowercased form. Lemmas follow the Norwegian UD treebank: object pronouns → subject form, comparatives →
positive, participles → infinitive; dialect and Nynorsk words → their Bokmål lemma.
"""

from __future__ import annotations

from sdi.nlp.pipeline import NlpPipeline

GOLD = """
Eg/jeg trur/tro at foreldrene/forelder ikkje/ikke alltid veit/vite kva/hva barnehagen/barnehage gjer/gjøre .
Vi hadde/ha et/en møte med læreren/lærer hans i forrige uke , og det gikk/gå egentlig veldig bra .
Men altså , sånn som det er/være nå så får/få vi ikke snakket/snakke med helsesykepleieren/helsesykepleier
  før det har/ha skjedd/skje noe/noen .
Ho/hun ringte/ringe meg/jeg på jobben/jobb og sa/si at jenta/jente var/være lei seg .
Det er/være jo lærerne/lærer i skolen/skole som ser/se ungene/unge hver dag .
Stafettloggen/stafettlogg er/være et/en godt/god verktøy , men den blir/bli ikkje/ikke brukt/bruke nok .
Vi må/måtte bli flinkere/flink til å ta tak i bekymringene/bekymring tidlig .
Eg/jeg har/ha berre/bare vore/være med på to foreldresamtaler/foreldresamtale i år .
Ka/hva skal/skulle me/vi gjere/gjøre når mora/mor ikkje/ikke kjem/komme på møtene/møte ?
Barnevernet/barnevern og PPT sitter/sitte med mye informasjon som vi ikke får/få tilgang til .
Dokker/dere må/måtte jo huske at det er/være barna/barn det handler/handle om .
Jeg visste/vite ikke at saken/sak var/være sendt/sende videre til kommunen/kommune .
Det tok/ta lang tid før tjenestene/tjeneste begynte/begynne å samarbeide ordentlig .
Heime/hjemme hos oss/vi snakker/snakke vi mykje/mye om korleis/hvordan ungane/unge har/ha det
  på skulen/skole .
Hun sa/si at det var/være vanskelig å få med seg alt/all som skjedde/skje i klassen/klasse .
Eh , vi prøvde/prøve liksom å ha faste/fast møter/møte med de andre/annen instansene/instans .
Han skriver/skrive alltid meldinger/melding i appen/app , men foreldrene/forelder leser/lese dem/de sjelden .
Mm , det er/være òg/også viktig at barnehagelærerne/barnehagelærer føler/føle seg trygge/trygg .
Rektor mente/mene at vi burde ha sendt/sende en bekymringsmelding mye tidligere/tidlig .
Assistentene/assistent i avdelingen/avdeling merket/merke at gutten/gutt trakk/trekke seg unna de andre/annen
  barna/barn .
Det handler/handle mye om tillit mellom hjemmet/hjem og barnehagen/barnehage , tenker/tenke jeg .
Noen ganger/gang føles/føle det som om vi sitter/sitte med ansvaret/ansvar alene .
Kommunen/kommune har/ha laget/lage nye/ny rutiner/rutine for overgangen/overgang fra barnehage til skole .
Ho/hun fortalte/fortelle at familien/familie hadde/ha flyttet/flytte hit i fjor .
Vi trenger/trenge kortere/kort ventetid og bedre/god oppfølging av barna/barn .
Ja , og så må/måtte vi huske å dokumentere alt/all i systemet/system .
"""

# Measured 0.993 (298 of 300 words) when the sample was written; the floor leaves a little headroom.
MIN_ACCURACY = 0.97


def gold_sentences() -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    for line in GOLD.replace("\n  ", " ").strip().splitlines():
        pairs = []
        for item in line.split():
            form, _, lemma = item.partition("/")
            pairs.append((form, lemma or form.lower()))
        sentences.append(pairs)
    return sentences


def score(pipeline: NlpPipeline) -> tuple[int, int, list[str]]:
    """(right, scored, misses) over word tokens; punctuation is not scored."""
    sentences = gold_sentences()
    right = scored = 0
    misses: list[str] = []
    texts = [" ".join(form for form, _ in pairs) for pairs in sentences]
    for pairs, annotation in zip(sentences, pipeline.annotate(texts), strict=True):
        tokens = annotation.tokens
        assert [t.text for t in tokens] == [form for form, _ in pairs], "tokenisation must match the gold"
        for token, (form, gold) in zip(tokens, pairs, strict=True):
            if not any(ch.isalpha() for ch in form):
                continue
            scored += 1
            if token.lemma.lower() == gold:
                right += 1
            else:
                misses.append(f"{form}: {token.lemma} (gold {gold})")
    return right, scored, misses


def test_gold_sample_is_big_enough() -> None:
    words = sum(1 for pairs in gold_sentences() for form, _ in pairs if form.isalpha())
    assert words >= 150


def test_offline_lemma_accuracy_on_spoken_norwegian(offline: NlpPipeline) -> None:
    right, scored, misses = score(offline)
    assert right / scored >= MIN_ACCURACY, misses
