"""spaCy is imported without its CLI (a load-time saving); the real CLI is still there for whoever asks."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from sdi.nlp.spacy_import import import_spacy
spacy = import_spacy()
print("spacy.cli" in sys.modules, "weasel" in sys.modules)
nlp = spacy.blank("nb")
print([t.text for t in nlp("Vi ringer hjem.")])
import spacy.cli
print(callable(spacy.cli.download), import_spacy() is spacy)
"""


def test_spacy_without_its_cli_then_the_real_cli() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines == ["False False", "['Vi', 'ringer', 'hjem', '.']", "True True"]
