"""`sdi anonymise` on the demo corpus: names the demo's sdi.toml would have replaced are left in (the
lines naming them are taken out of [pseudonyms]), found with file:line, reviewed through the review file,
applied, and gone from the store; a broken review file is one error line naming the file and line."""

from __future__ import annotations

import shutil
import stat
import tomllib
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import open_project
from tests.conftest import REPO, dump_store

LEFT_IN = ('"Emil"', '"Gunn Elin"', '"Holmen"')


@pytest.fixture
def demo_with_names(tmp_path: Path) -> Path:
    """Four demo transcripts imported with three of the invented real names left in."""
    root = tmp_path / "demo"
    (root / "corpus" / "fjordvik").mkdir(parents=True)
    for name in ("barnehage-1.md", "barnehage-2.md", "ledelse-1.md", "skole-1.md"):
        shutil.copy(REPO / "corpus" / "fjordvik" / name, root / "corpus" / "fjordvik" / name)
    lines = (REPO / "sdi.toml").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(LEFT_IN)]
    (root / "sdi.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    project = open_project(root, coder="demo", exact=True)
    try:
        assert not import_paths(project, []).failed
    finally:
        project.close()
    return root


def test_lists_reviews_and_applies_on_the_demo_corpus(
    demo_with_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(demo_with_names)
    assert main(["--project", root, "anonymise"]) == 0
    out = capsys.readouterr().out
    assert "Emil" in out and "Gunn Elin" in out and "Holmen" in out
    assert "corpus/fjordvik/barnehage-1.md:128" in out  # the turn that names Emil
    assert "[barn]" not in out.split("\n", 1)[1]  # names the key already replaced are not candidates

    assert main(["--project", root, "anonymise", "--write-review"]) == 0
    review = demo_with_names / ".sdi" / "anonymisering.toml"
    assert stat.S_IMODE(review.stat().st_mode) == 0o600
    text = review.read_text(encoding="utf-8")
    start = text.index('name = "Gunn Elin"')
    text = text[:start] + text[start:].replace('replacement = "', 'replacement = "[helsesykepleier]" #', 1)
    start = text.index('name = "Holmen"')
    text = text[:start] + text[start:].replace("accept = true", "accept = false", 1)  # rejected
    review.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", root, "anonymise", "--apply", "--review", str(review)]) == 0
    assert "navn lagt i nøkkelen" in capsys.readouterr().out

    project = open_project(demo_with_names, exact=True)
    try:
        stored = dump_store(project)
        key = project.config.pseudonyms
    finally:
        project.close()
    assert "Emil" not in stored and "Gunn Elin" not in stored
    assert "på Holmen" in stored and "Holmen" not in key
    assert key["Gunn Elin"] == "[helsesykepleier]"
    assert "[helsesykepleier]" in stored

    assert main(["--project", root, "anonymise", "--write-review"]) == 0  # a second round
    again = tomllib.loads(review.read_text(encoding="utf-8"))["name"]
    holmen = next(entry for entry in again if entry["name"] == "Holmen")
    assert holmen["accept"] is False  # the researcher's rejection is remembered
    assert not any(entry["name"] in ("Emil", "Gunn Elin") for entry in again)


def test_a_broken_review_file_is_one_line_naming_file_and_line(
    demo_with_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = demo_with_names / "review.toml"
    review.write_text('[[name]]\nname = "Emil"\nreplacement = ""\n', encoding="utf-8")
    before = dump_store_of(demo_with_names)
    assert main(["--project", str(demo_with_names), "anonymise", "--apply", "--review", str(review)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"sdi: feil: {review}:1: «Emil» trenger en erstatning som ikke er tom"
    review.write_text('[[name]]\nname = "Emil\n', encoding="utf-8")
    assert main(["--project", str(demo_with_names), "anonymise", "--apply", "--review", str(review)]) == 2
    assert f"sdi: feil: {review}:2: ugyldig TOML i gjennomgangsfilen" in capsys.readouterr().err
    assert dump_store_of(demo_with_names) == before
    assert not (demo_with_names / ".sdi" / "pseudonymnokkel.toml").exists()


def dump_store_of(root: Path) -> str:
    project = open_project(root, exact=True)
    try:
        return dump_store(project)
    finally:
        project.close()
