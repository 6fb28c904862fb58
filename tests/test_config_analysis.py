"""`[analysis]` in sdi.toml: the model's own terms and the interview guide for the closeness check."""

from pathlib import Path

import pytest

from sdi.config import ConfigError, load_config
from sdi.workflow.guide import read_guide
from tests.conftest import REPO


def write_config(root: Path, text: str) -> Path:
    (root / "sdi.toml").write_text(text, encoding="utf-8")
    return root


def test_model_terms_and_guide_are_read(tmp_path: Path) -> None:
    root = write_config(
        tmp_path, '[analysis]\nmodel_terms = ["Sammen  tidlig", "stafettlogg"]\nguide = "g.md"\n'
    )
    (root / "g.md").write_text("Hvordan brukes stafettloggen?\n", encoding="utf-8")
    config = load_config(root)
    assert config.model_terms == ("Sammen tidlig", "stafettlogg")
    assert read_guide(config) == "Hvordan brukes stafettloggen?\n"


def test_no_guide_is_no_text(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "[project]\n"))
    assert config.model_terms == () and read_guide(config) == ""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('model_terms = "modell"', "sdi.toml:3: 'analysis.model_terms' must be a list of strings, not str"),
        ("model_terms = [1, 2]", "sdi.toml:3: 'analysis.model_terms' must be a list of strings"),
        ('model_terms = ["modell", " "]', "sdi.toml:3: 'analysis.model_terms' must not hold empty strings"),
        ("guide = 3", "sdi.toml:3: 'analysis.guide' must be a path, not int"),
        ('gide = "x.md"', "sdi.toml:3: unknown key 'analysis.gide' (known: model_terms, guide)"),
    ],
)
def test_bad_analysis_keys_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    write_config(tmp_path, f"[project]\n[analysis]\n{body}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value).endswith(message)


def test_a_missing_guide_names_the_config_line(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, '[project]\n\n[analysis]\nguide = "borte.md"\n'))
    with pytest.raises(ConfigError, match=r"sdi\.toml:4: 'analysis\.guide': file not found: .*borte\.md"):
        read_guide(config)


def test_the_demo_names_its_guide_and_model_terms() -> None:
    config = load_config(REPO)
    assert "stafettlogg" in config.model_terms and "undringssamtale" in config.model_terms
    assert "stafettloggen" in read_guide(config)
