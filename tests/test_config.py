from pathlib import Path

import pytest

from sdi.config import ConfigError, find_project, load_config
from sdi.workflow.project import init_project


def write_config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sdi.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_valid_config_is_loaded(tmp_path: Path) -> None:
    root = write_config(
        tmp_path,
        """
[project]
title = "Tidlig innsats i Åsmark"
language = "en"

[speakers]
moderator = ["Intervjuer"]
patterns = ['^(?P<label>Informant \\d+) - (?P<text>.*)$']

[pseudonyms]
"Kari Nordmann" = "[helsesykepleier]"
""",
    )
    config = load_config(root)
    assert config.title == "Tidlig innsats i Åsmark"
    assert config.language == "en"
    assert config.moderator_labels == ("Intervjuer",)
    assert config.pseudonyms == {"Kari Nordmann": "[helsesykepleier]"}
    assert config.nlp_model == "nb_core_news_sm"
    assert config.resolved_database_url() == f"sqlite:///{root.resolve()}/.sdi/sdi.sqlite"


def test_relative_sqlite_url_is_taken_from_the_project(tmp_path: Path) -> None:
    root = write_config(tmp_path, '[database]\nurl = "sqlite:///data/a.sqlite"\n')
    assert load_config(root).resolved_database_url() == f"sqlite:///{root.resolve()}/data/a.sqlite"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[project]\ntitle = "x"\n\n[nlp]\nmodel = "nb"\nmodle = "x"\n', 6, ["nlp.modle", "unknown key"]),
        ("[project]\ntitle = 3\n", 2, ["project.title", "string", "int"]),
        ('[project]\ntitle = "x"\n[speakers]\nmoderator = "Moderator"\n', 4, ["speakers.moderator", "list"]),
        ('[project]\ntitle = "x"\n\n[projcet]\nlanguage = "nb"\n', 4, ["projcet", "unknown key"]),
        ('[project]\ntitle = "x\n', 2, ["invalid TOML"]),
        ('[project]\nlanguage = "de"\n', 2, ["project.language", "nb, en"]),
        ('[speakers]\npatterns = ["(?P<navn>x)"]\n', 2, ["speakers.patterns", "(?P<label>"]),
        ('[speakers]\npatterns = ["(unclosed"]\n', 2, ["bad regular expression"]),
        ('[pseudonyms]\n"Kari" = 5\n', 2, ["pseudonyms.Kari"]),
        ('[privacy]\nnames = "Kari"\n', 2, ["privacy.names", "list of strings"]),
        ('[privacy]\nplaces = ["Holmen", 3]\n', 2, ["privacy.places", "list of strings"]),
    ],
)
def test_invalid_config_names_file_key_and_line(
    tmp_path: Path, text: str, line: int, words: list[str]
) -> None:
    root = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    message = str(caught.value)
    assert message.startswith(f"{root.resolve() / 'sdi.toml'}:{line}: "), message
    for word in words:
        assert word in message


def test_config_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sdi.toml").write_bytes(b'[project]\ntitle = "\xe6\xf8\xe5"\n')
    with pytest.raises(ConfigError, match=r"sdi.toml:2: not UTF-8"):
        load_config(tmp_path)


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path)


def test_project_is_found_from_a_subfolder(tmp_path: Path) -> None:
    root = write_config(tmp_path, "[project]\n")
    sub = root / "corpus" / "fjordvik"
    sub.mkdir(parents=True)
    assert find_project(sub) == root.resolve()
    with pytest.raises(ConfigError, match=r"no sdi\.toml"):
        find_project(tmp_path.parent)


def test_repository_demo_config_is_valid() -> None:
    config = load_config(Path(__file__).resolve().parent.parent)
    assert config.pseudonyms["Gunn Elin"] == "[helsesykepleier]"
    assert "Moderator" in config.moderator_labels


def test_privacy_lists_are_read_by_kind(tmp_path: Path) -> None:
    text = '[privacy]\nnames = ["Kari", " "]\nplaces = ["Holmen"]\ninstitutions = ["Lia skole"]\n'
    config = load_config(write_config(tmp_path, text))
    assert config.privacy_lists == {"names": ("Kari",), "places": ("Holmen",), "institutions": ("Lia skole",)}


def test_a_written_out_database_password_is_refused_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "studie"
    init_project(root, "Studie")
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('url = ""', 'url = "postgresql+psycopg://kari:hemmelig@server/studie"'))
    line = next(n for n, row in enumerate(config.read_text().splitlines(), 1) if row.startswith("url ="))
    with pytest.raises(ConfigError) as raised:
        load_config(root)
    assert f"sdi.toml:{line}" in str(raised.value) and "${NAME}" in str(raised.value)
    assert "hemmelig" not in str(raised.value).replace("'database.url' holds", "")


def test_the_database_password_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "studie"
    init_project(root, "Studie")
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('url = ""', 'url = "postgresql+psycopg://kari:${SDI_DB_PASSWORD}@server/studie"')
    )
    monkeypatch.setenv("SDI_DB_PASSWORD", "p@ss/ord")
    assert load_config(root).resolved_database_url() == "postgresql+psycopg://kari:p%40ss%2Ford@server/studie"
    monkeypatch.delenv("SDI_DB_PASSWORD")
    with pytest.raises(ConfigError, match=r"sdi\.toml:\d+: 'database.url' needs the environment variable"):
        load_config(root).resolved_database_url()
    config.write_text(text.replace('url = ""', 'url = "${SDI_DATABASE_URL}"'))
    monkeypatch.setenv("SDI_DATABASE_URL", "postgresql+psycopg://kari@server/studie")  # password: ~/.pgpass
    assert load_config(root).resolved_database_url() == "postgresql+psycopg://kari@server/studie"


def test_expand_url_quotes_a_value_inside_a_url_and_keeps_a_whole_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdi.config.url import expand_url

    monkeypatch.setenv("PW", "p@ss/ord")
    monkeypatch.setenv("WHOLE", "postgresql+psycopg://kari:x%40y@server/db")
    refuse = KeyError
    assert expand_url("postgresql+psycopg://kari:${PW}@server/db", tmp_path, refuse) == (
        "postgresql+psycopg://kari:p%40ss%2Ford@server/db"
    )
    assert expand_url("${WHOLE}", tmp_path, refuse) == "postgresql+psycopg://kari:x%40y@server/db"
    assert expand_url("sqlite:///copy.sqlite", tmp_path, refuse) == f"sqlite:///{tmp_path / 'copy.sqlite'}"
    with pytest.raises(KeyError, match="NOT_SET"):
        expand_url("postgresql://kari:${NOT_SET}@server/db", tmp_path, refuse)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://kari:hemme/lig@server/studie",  # a raw '/' in the password
        "postgresql+psycopg://kari:p?ss#x@server/studie",
        "postgresql+psycopg://kari@server/studie?password=hemmelig",
        "postgresql+psycopg://server/studie?user=kari&PASSWORD=hemmelig",
        "postgresql+psycopg://kari@server/studie?sslpassword=hemmelig",
        "postgresql+psycopg://kari@/studie?host=/run/pg&password=hemmelig",
        "postgresql+psycopg://kari@server/studie?options=x&dsn=host%3Ds%20password%3Dhemmelig",
    ],
)
def test_a_password_anywhere_sqlalchemy_reads_one_is_refused(tmp_path: Path, url: str) -> None:
    from sdi.config.url import written_password

    assert written_password(url) is not None
    root = tmp_path / "studie"
    init_project(root, "Studie")
    config = root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('url = ""', f'url = "{url}"'))
    line = next(n for n, row in enumerate(config.read_text().splitlines(), 1) if row.startswith("url ="))
    with pytest.raises(ConfigError, match=rf"sdi\.toml:{line}: 'database.url' holds a password"):
        load_config(root)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "postgresql+psycopg://kari@server/studie",
        "postgresql+psycopg://kari:${PW}@server/studie",
        "postgresql+psycopg://kari@server/studie?password=${PW}&sslmode=require",
        "postgresql+psycopg://kari@server/studie?passfile=/home/kari/.pgpass",
        "sqlite:///data/studie.sqlite",
        "${SDI_DATABASE_URL}",
    ],
)
def test_urls_without_a_written_password_pass(url: str) -> None:
    from sdi.config.url import written_password

    assert written_password(url) is None


@pytest.mark.parametrize("key_file", ["pseudonymnokkel.toml", "corpus/nokkel.toml", "../nokkel.toml",
                                      "/tmp/nokkel.toml", ".sdi/../nokkel.toml", ".sdi"])  # fmt: skip
def test_the_key_file_must_stay_in_the_state_folder_or_the_user_config(tmp_path: Path, key_file: str) -> None:
    root = tmp_path / "studie"
    init_project(root, "Studie")
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8").replace(
        'key_file = ".sdi/pseudonymnokkel.toml"', f'key_file = "{key_file}"'
    )
    config.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("key_file ="))
    with pytest.raises(ConfigError, match=rf"sdi\.toml:{line}: 'privacy.key_file' must be inside"):
        load_config(root)


def test_the_key_file_may_live_in_the_user_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdi.config.key import add_to_key

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root = tmp_path / "studie"
    init_project(root, "Studie")
    config = root / "sdi.toml"
    outside = tmp_path / "config" / "sdi" / "studie-nokkel.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'key_file = ".sdi/pseudonymnokkel.toml"', f'key_file = "{outside}"'), encoding="utf-8")  # fmt: skip
    add_to_key(load_config(root), "Kari Nordmann", "[helsesykepleier]")
    assert load_config(root).pseudonyms == {"Kari Nordmann": "[helsesykepleier]"}
    assert outside.stat().st_mode & 0o077 == 0
