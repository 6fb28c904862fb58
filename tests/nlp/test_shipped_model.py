"""sdi's own pipeline as shipped in the package (sdi/nlp/model/nb_sdi), on sentences we wrote: parts of
speech, lemmas chosen by them, entities, the closeness check's «no verb», and a load that stays quick."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sdi.nlp.closeness import check_closeness
from sdi.nlp.pipeline import SHIPPED_DIR, SHIPPED_NAME, NlpPipeline, load_pipeline


@pytest.fixture(scope="module")
def ours(lemma_cache: Path) -> NlpPipeline:
    assert (SHIPPED_DIR / "config.cfg").is_file(), "the package lacks its pipeline: run `make model`"
    return load_pipeline(SHIPPED_NAME, lemma_cache)


def _tokens(nlp: NlpPipeline, text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.pos, t.lemma) for t in next(nlp.annotate([text])).tokens}


def test_it_loads_as_sdis_own_with_parts_of_speech_and_entities(ours: NlpPipeline) -> None:
    info = ours.info
    assert (info.name, info.kind, info.has_pos, info.has_entities) == ("nb_sdi", "shipped", True, True)
    size = sum(path.stat().st_size for path in SHIPPED_DIR.rglob("*") if path.is_file())
    assert size < 15_000_000


def test_parts_of_speech_choose_the_lemma(ours: NlpPipeline) -> None:
    found = _tokens(ours, "Barna leker i barnehagen hver dag.")
    assert found["Barna"][1] == "barn" and found["leker"] == ("VERB", "leke")  # even if read as a name
    assert _tokens(ours, "Kari leker i barnehagen.")["Kari"][1] == "Kari"
    assert _tokens(ours, "Vi så barna leke.")["barna"] == ("NOUN", "barn")
    assert found["barnehagen"] == ("NOUN", "barnehage")
    assert _tokens(ours, "Landet er stort.")["Landet"] == ("NOUN", "land")  # not the verb «lande»
    found = _tokens(ours, "Foreldrene fikk ikke vite noe før saken var sendt videre.")
    assert found["Foreldrene"] == ("NOUN", "forelder") and found["fikk"] == ("VERB", "få")
    assert found["saken"] == ("NOUN", "sak")  # the table alone says «sake»


def test_spoken_and_dialect_forms_keep_their_bokmal_lemmas(ours: NlpPipeline) -> None:
    found = _tokens(ours, "Eg veit ikkje ka dokker meiner om det.")
    lemmas = [found[word][1] for word in ("Eg", "veit", "ikkje", "ka", "dokker")]
    assert lemmas == ["jeg", "vite", "ikke", "hva", "dere"]


def test_entities_have_their_kinds(ours: NlpPipeline) -> None:
    text = "Kari Nordmann jobber i Tromsø og ringte Nav i februar."
    entities = {text[e.start : e.end]: e.label for e in next(ours.annotate([text])).entities}
    assert entities["Kari Nordmann"] == "PER" and entities["Tromsø"] in {"GPE_LOC", "LOC"}
    assert "februar" not in entities


def test_the_closeness_check_says_no_verb_with_parts_of_speech(ours: NlpPipeline) -> None:
    def warnings(code: str) -> list[str]:
        tokens = next(ours.annotate([code])).tokens
        return [w.kind for w in check_closeness(tokens, set(), set(), has_pos=ours.info.has_pos)]

    assert warnings("Samarbeid med helsestasjonen om oppfølging") == ["no_verb"]
    assert warnings("Vi ringer hjem til foreldrene med en gang") == []


def test_it_loads_in_a_fresh_process_without_training_code(lemma_cache: Path) -> None:
    code = (
        "import time\nt = time.perf_counter()\nfrom pathlib import Path\n"
        "from sdi.nlp.pipeline import load_pipeline\n"
        f"p = load_pipeline('nb_core_news_sm', Path({str(lemma_cache)!r}))\n"
        "print(p.info.kind, [t.lemma for t in next(p.annotate(['Barna leker.'])).tokens])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "shipped ['barn', 'leke', '.']"
