from sdi.i18n import LANGUAGES, catalogue, t


def test_every_string_exists_in_every_language() -> None:
    missing = [key for key, entry in catalogue().items() for lang in LANGUAGES if not entry.get(lang)]
    assert missing == []


def test_placeholders_are_the_same_in_every_language() -> None:
    import string

    for key, entry in catalogue().items():
        fields = {
            lang: {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in LANGUAGES
        }
        assert fields["nb"] == fields["en"], key


def test_language_is_chosen() -> None:
    assert t("codes", "nb") == "Koder"
    assert t("codes", "en") == "Codes"
    assert t("import_summary", "en", files=2, imported=1, updated=0, unchanged=1, failed=0).startswith(
        "2 files"
    )
