"""Norwegian stop words for spoken material: spaCy's `nb` list, adjusted for focus-group talk.

spaCy's list comes from news text, so it lacks dialect forms and fillers (`ikkje`, `eh`, `liksom`) and
counts some words as noise that are themes here (`saken`, `kontakt`, `tid`). The spaCy part is read
lazily: importing this module must not load spaCy.
"""

from __future__ import annotations

from functools import cache

from sdi.nlp.lexicon import words

# Dialect and Nynorsk function words, and the fillers and backchannels of transcribed speech.
SPOKEN: frozenset[str] = frozenset(
    words(
        """
        ikkje ikkj itj ittj berre bære bærre liksom lissom sånn sånne sånt altså eh ehm eeh ehh øh øhm hm hmm
        mm mmm mhm m åh ah aha oi ok okei jo da då eg æ je jæ mæ dæ sæ ka kva hæ heilt ho hu me dokker dokk
        dykk dåkker dei dæm døm kven kem kæm kor korleis koss kossen åssen kvifor korfor noko nokon nokre
        nåkka nån mykje mykkje meir sjølv sjøl òg åsså no te frå utan saman medan viss ein eit eitt deira
        hennar kjem vere vore fekk gjekk gjere gjer veit ska sku trur typ vel
        """
    )
)

# Bokmål function words the news-based list happens to miss.
FUNCTION: frozenset[str] = frozenset(
    words(
        """
        hva hvem hvor hvordan hvorfor hvilken hvilket hvilke hvis dersom fordi dere deres deg min mi mitt mine
        din di ditt dine vårt våre hverandre hver hvert ingenting kanskje egentlig faktisk ganske aldri
        alltid hit dit hos nei bør burde mest lite
        f.eks. bl.a. osv. dvs. ca. kl. mv. m.m. etc. evt. ev. pga. iht.
        """
    )
)

# Content words in spaCy's list that are themes in this kind of study, so they must stay searchable.
CONTENT: frozenset[str] = frozenset(
    words(
        """
        saken kamp kampen kroner poeng plass grunn land landet sted stedet mål runde kveld bris by laget
        leder mennesker personer folk kontakt tid ønsker kort
        """
    )
)


@cache
def stop_words() -> frozenset[str]:
    """The full lowercase stop list: spaCy's `nb` list read from its file, without importing spaCy (whose
    package start-up costs half a second a search would otherwise pay for one set of words)."""
    return frozenset((_spacy_stop_words() - CONTENT) | SPOKEN | FUNCTION)


def _spacy_stop_words() -> set[str]:
    """The words of `spacy/lang/nb/stop_words.py` (one string literal, split on white space), read as data;
    imported the ordinary way if that file is not where spaCy keeps it or not in that shape."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.origin is not None:
        try:
            tree = ast.parse((Path(spec.origin).parent / "lang" / "nb" / "stop_words.py").read_text("utf-8"))
        except (OSError, SyntaxError, ValueError):
            tree = None
        literals = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)] if tree else []
        texts = [value for value in literals if isinstance(value, str) and len(value.split()) > 100]
        if len(texts) == 1:
            return set(texts[0].split())
    from spacy.lang.nb.stop_words import STOP_WORDS

    return set(STOP_WORDS)


def is_stop(word: str, lemma: str = "") -> bool:
    """Whether a word (or its lemma: `ikkje` → `ikke`) carries no content of its own."""
    words = stop_words()
    return word.lower() in words or (bool(lemma) and lemma.lower() in words)
