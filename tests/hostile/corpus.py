"""Our corpus of hostile input, written by code (nothing large is committed): each case puts files into a
project (and may break its `sdi.toml`), names the command a careless or malicious user would run, and says
what must come of it — the exit code, and the one line that names the file (and line).

The cases are the ones issue 17 found running away or ending in a traceback, and their near relations."""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEAD = '+++\ngroup = "Fjordvik barnehage"\nstage = 1\n+++\n\n'
REFUSED_IMPORT = 1  # `sdi import` with a file that failed
REFUSED = 2  # any other command refused with `sdi: feil: …`
QDC = "urn:QDA-XML:codebook:1.0"

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    command: tuple[str, ...]
    exit_code: int
    line: str  # a regular expression the one stderr line must match (it names the file, and the line)
    refused: bool = True  # the store must be as it was; else the input is accepted and stored


def write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def transcript(body: str, name: str = "corpus/fiendtlig.md", head: str = HEAD) -> Setup:
    def setup(root: Path) -> None:
        write(root, name, head + body)

    return setup


def config_url(url: str) -> Setup:
    def setup(root: Path) -> None:
        config = root / "sdi.toml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace('url = ""', f'url = "{url}"', 1), encoding="utf-8")

    return setup


def config_append(extra: str) -> Setup:
    def setup(root: Path) -> None:
        with (root / "sdi.toml").open("a", encoding="utf-8") as out:
            out.write(extra)

    return setup


def config_patterns(patterns: str) -> Setup:
    def setup(root: Path) -> None:
        config = root / "sdi.toml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("patterns = []", f"patterns = {patterns}", 1), encoding="utf-8")

    return setup


def both(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for one in setups:
            one(root)

    return setup


def file(name: str, content: Callable[[], str | bytes]) -> Setup:
    def setup(root: Path) -> None:
        write(root, name, content())

    return setup


# ---- the files


def star_runs() -> str:
    """Long runs of `**` and `[(` in a turn: spaCy's suffix splitting was quadratic on them (8 KB: 25 s)."""
    return HEAD + "Kari: Det var " + "**" * 15_000 + " og så " + "[(" * 15_000 + " slutt.\nOla: Ja.\n"


def many_participants(count: int) -> str:
    people = "".join(f'[[participants]]\nlabel = "P{i}"\n' for i in range(count))
    return f'+++\ngroup = "Mange"\nstage = 1\n{people}+++\n\nP1: hei\n'


def nested_toml(depth: int) -> str:
    return "[" * depth + "]" * depth


def docx_package(document_xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


def docx_body(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return f'<w:document xmlns:w="{w}"><w:body>{"".join(paragraphs)}</w:body></w:document>'.encode()


def docx_of_markup() -> bytes:
    """30 MB of XML holding 400 short turns, each paragraph padded with 75 KB of empty formatted runs (the
    shape of a document full of revision marks): python-docx builds it all into a tree first."""
    rng = random.Random(3)
    run = '<w:r><w:rPr><w:rFonts w:ascii="F{}"/></w:rPr></w:r>'
    turns = [
        "<w:p>" + "".join(run.format(rng.randrange(10**6)) for _ in range(1500))
        + f"<w:r><w:t>{'Moderator' if i % 5 == 0 else 'FB1'}: setning {i}.</w:t></w:r></w:p>"
        for i in range(400)
    ]  # fmt: skip
    return docx_package(docx_body(turns))


def docx_bomb() -> bytes:
    """60 MB of one repeated paragraph, deflated to next to nothing."""
    paragraph = "<w:p><w:r><w:t>FB1: ja</w:t></w:r></w:p>"
    return docx_package(docx_body([paragraph * 1_500_000]))


def vtt_long_hour() -> str:
    return "WEBVTT\n\n" + "9" * 5000 + ":00:00.000 --> 00:00:02.000\n<v Kari>hei\n"


def vtt_long_voice() -> str:
    return "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v " + "A" * 300 + ">hei\n"


JAPANESE = "司会者: 今日は。\n参加者A: はい、大事です。\n"
RUSSIAN = "Ведущий: Спасибо, что пришли.\nАнна: Да.\n"


def star_free(encoding: str) -> bytes:
    """An ordinary short transcript in `encoding`."""
    return (HEAD + "Kari: Det var sånn på møtet, ærlig talt.\nOla: Ja.\n").encode(encoding)


def codebook(statement: str) -> str:
    return f'format = "sdi-codebook/1"\n\n[[codes]]\nid = "k1"\nstatement = "{statement}"\n'


def qdpx_with_source(text: str) -> bytes:
    project = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="stor" '
        'origin="test"><Sources><TextSource guid="6f1b2c3d-1111-4222-8333-944455566677" name="stor-kilde">'
        f"<PlainTextContent>{text}</PlainTextContent></TextSource></Sources></Project>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
    return out.getvalue()


def entity_bomb() -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&lol2;"/></Codes></CodeBook>'
    )


def long_words(length: int) -> str:
    """`length` characters of long Norwegian words (few tokens keep the case quick; chosen at random, so the
    file does not compress like a zip bomb)."""
    rng = random.Random(11)
    vocabulary = ("samarbeidsmøtene", "helsesøstertjenesten", "barnehagelærerne", "foreldresamtalene",
                  "stafettloggen", "bekymringsmeldingen", "oppvekstsektoren", "tverrfaglig")  # fmt: skip
    words: list[str] = []
    size = 0
    while size < length:
        words.append(rng.choice(vocabulary))
        size += len(words[-1]) + 1
    return " ".join(words)


def long_turn() -> str:
    """One turn of more than 1,000,000 characters (spaCy's own limit; it used to fail with E088)."""
    return HEAD + "Kari: " + long_words(1_050_000) + "\nOla: Ja.\n"


def zip_of(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx_truncated() -> bytes:
    """A Word file cut off in the middle, as an interrupted download leaves it."""
    whole = docx_package(docx_body(["<w:p><w:r><w:t>FB1: ja, det var sånn</w:t></w:r></w:p>"] * 200))
    return whole[: len(whole) // 2]


def docx_damaged_header() -> bytes:
    """A Word file whose main part's local header is overwritten (the zip's directory still names it)."""
    whole = bytearray(docx_package(docx_body(["<w:p><w:r><w:t>FB1: ja</w:t></w:r></w:p>"] * 20)))
    at = whole.rindex(b"PK\x03\x04", 0, whole.index(b"word/document.xml"))
    whole[at : at + 4] = b"\x00\x00\x00\x00"
    return bytes(whole)


def qdc_nested(depth: int) -> str:
    code = '<Code guid="6f1b2c3d-1111-4222-8333-{:012d}" name="k" isCodable="true">'
    codes = "".join(code.format(i) for i in range(depth)) + "</Code>" * depth
    return f'<?xml version="1.0"?>\n<CodeBook xmlns="{QDC}"><Codes>{codes}</Codes></CodeBook>'


def config_replace(content: Callable[[], str | bytes]) -> Setup:
    def setup(root: Path) -> None:
        write(root, "sdi.toml", content())

    return setup


def config_edit(old: str, new: str) -> Setup:
    def setup(root: Path) -> None:
        config = root / "sdi.toml"
        text = config.read_text(encoding="utf-8")
        assert old in text, old
        config.write_text(text.replace(old, new, 1), encoding="utf-8")

    return setup


IMPORT = ("import", "--quiet")

CASES: tuple[Case, ...] = (
    # what hung
    Case("markdown-runs-of-stars-and-brackets", file("corpus/stjerner.md", star_runs), IMPORT, 0,
         r"^$", refused=False),
    Case("front-matter-100000-participants", file("corpus/deltakere.md", lambda: many_participants(100_000)),
         IMPORT, REFUSED_IMPORT, r"corpus/deltakere\.md:1: metadatablokken er [\d,]+ byte; høyst 1048576"),
    Case("front-matter-2000-participants", file("corpus/deltakere.md", lambda: many_participants(2_000)),
         IMPORT, REFUSED_IMPORT,
         r"corpus/deltakere\.md:4: metadatablokken: 2000 deltakere er oppgitt; høyst 1000"),
    Case("docx-30-mb-of-markup", file("corpus/markering.docx", docx_of_markup), IMPORT, 0, r"^$",
         refused=False),
    Case("docx-zip-bomb", file("corpus/bombe.docx", docx_bomb), IMPORT, REFUSED_IMPORT,
         r"corpus/bombe\.docx: utrygg \.docx: .*komprimeringsforhold"),
    Case("speaker-pattern-catastrophic-backtracking",
         both(config_patterns("['^(?P<label>(a|aa)+)$']"), transcript("Kari: hei\n")), IMPORT, REFUSED,
         r"sdi\.toml:\d+: 'speakers\.patterns': .*\(katastrofal tilbakesporing\)"),
    Case("speaker-pattern-runs-away-on-a-line",
         both(config_patterns("['^Informant (?P<label>(a|aa)+)$']"),
              transcript("Kari: hei\nInformant " + "a" * 60 + "!\n")), IMPORT, REFUSED_IMPORT,
         r"corpus/fiendtlig\.md:7: talermønsteret .* fra sdi\.toml brukte mer enn"),
    # what ended in a traceback
    Case("codebook-nested-too-deep",
         file("codebooks/dyp.toml", lambda: 'format = "sdi-codebook/1"\nx = ' + nested_toml(5_000) + "\n"),
         ("codebook", "import", "codebooks/dyp.toml"), REFUSED,
         r"codebooks/dyp\.toml:2: ugyldig TOML: nøstet dypere enn 32 nivåer"),
    Case("config-nested-too-deep", config_append("\nx = " + "{a=" * 3000 + "1" + "}" * 3000),
         ("status",), REFUSED, r"sdi\.toml:\d+: ugyldig TOML: nøstet dypere enn 32 nivåer"),
    Case("config-dotted-key-of-20000-parts", config_append("\nx" + ".x" * 20_000 + ' = "y"\n'),
         ("status",), REFUSED, r"sdi\.toml:\d+: ugyldig TOML: en nøkkel med mer enn 32 punktdeler"),
    Case("config-number-of-5000-digits", config_append("\nx = " + "9" * 5000 + "\n"),
         ("status",), REFUSED, r"sdi\.toml:\d+: ugyldig TOML: et tall for langt til å leses"),
    Case("front-matter-nested-too-deep",
         transcript("Kari: hei\n", head='+++\ngroup = "G"\nx = ' + nested_toml(3_000) + "\n+++\n"),
         IMPORT, REFUSED_IMPORT, r"corpus/fiendtlig\.md:3: ugyldig TOML i metadatablokken: nøstet dypere"),
    Case("database-url-garbage", config_url("garbage"), ("status",), REFUSED,
         r"sdi\.toml:\d+: 'database\.url': dette er ingen databaseadresse"),
    Case("database-url-leading-space", config_url(" sqlite:///annen.sqlite"), ("status",), REFUSED,
         r"sdi\.toml:\d+: 'database\.url': adressen begynner eller slutter med et mellomrom"),
    Case("database-url-unknown-driver", config_url("oracle+oracledb://kari@tjener/studie"), ("status",),
         REFUSED, r"sdi\.toml:\d+: 'database\.url': sdi bruker SQLite eller PostgreSQL, ikke oracle"),
    Case("database-url-driver-not-installed", config_url("postgresql+psycopg2://kari@tjener/studie"),
         ("status",), REFUSED,
         r"sdi\.toml:\d+: 'database\.url': driveren psycopg2 for postgresql er ikke installert"),
    Case("database-url-in-memory", config_url("sqlite:///:memory:"), ("import", "--quiet"), REFUSED,
         r"sdi\.toml:\d+: 'database\.url': en SQLite-database i minnet glemmer alt"),
    Case("database-url-port-not-a-number", config_url("postgresql+psycopg://kari@[::1/studie"), ("status",),
         REFUSED, r"sdi\.toml:\d+: 'database\.url': porten i adressen er ikke et tall"),
    Case("stage-too-large-for-sqlite",
         transcript("Kari: hei\n", head='+++\ngroup = "G"\nstage = 9223372036854775808\n+++\n'),
         IMPORT, REFUSED_IMPORT,
         r"corpus/fiendtlig\.md:3: metadatablokken: 'stage' må være et helt tall fra 1"),
    Case("turn-over-a-million-characters", file("corpus/lang.md", long_turn), IMPORT, 0, r"^$",
         refused=False),
    Case("refi-source-over-a-million-characters",
         file("stor.qdpx", lambda: qdpx_with_source(long_words(1_050_000))),
         ("refi", "import", "stor.qdpx"), 0, r"^$", refused=False),
    Case("code-statement-over-1000-characters", file("codebooks/lang.toml", lambda: codebook("ord " * 400)),
         ("codebook", "import", "codebooks/lang.toml"), REFUSED,
         r"codebooks/lang\.toml:4: kode k1: utsagnet er 1599 tegn lang; høyst 1000 tegn lagres"),
    Case("codebook-csv-code-over-1000-characters",
         file("codebooks/lang.csv", lambda: "name,group\nkort,G\n" + "ord " * 300 + ",G\n"),
         ("codebook", "import", "codebooks/lang.csv"), REFUSED,
         r"codebooks/lang\.csv:3: koden er 1199 tegn lang; høyst 1000 tegn lagres"),
    Case("codebook-group-name-over-300-characters",
         file("codebooks/gruppe.toml", lambda: 'format = "sdi-codebook/1"\n\n[[groups]]\nid = "g1"\nname = "'
              + "navn " * 80 + '"\n'),
         ("codebook", "import", "codebooks/gruppe.toml"), REFUSED,
         r"codebooks/gruppe\.toml:4: gruppe g1: navnet er 399 tegn lang; høyst 300 tegn lagres"),
    # near relations
    Case("subtitle-hour-of-5000-digits", file("corpus/time.vtt", vtt_long_hour), IMPORT, REFUSED_IMPORT,
         r"corpus/time\.vtt:3: feil i tidslinjen"),
    Case("subtitle-voice-of-300-characters", file("corpus/stemme.vtt", vtt_long_voice), IMPORT,
         REFUSED_IMPORT, r"corpus/stemme\.vtt:3: talerens merkelapp er 300 tegn lang; høyst 200"),
    Case("title-of-600-characters",
         transcript("Kari: hei\n", head=f'+++\ntitle = "{"t" * 600}"\nstage = 1\n+++\n'), IMPORT,
         REFUSED_IMPORT,
         r"corpus/fiendtlig\.md:2: metadatablokken: «title» er 600 tegn lang; høyst 500"),
    Case("codebook-csv-field-of-200-kb", file("codebooks/stor.csv", lambda: "name\n" + "x" * 200_000 + "\n"),
         ("codebook", "import", "codebooks/stor.csv"), REFUSED, r"codebooks/stor\.csv: kan ikke leses"),
    Case("refi-codebook-entity-bomb", file("kodebok.qdc", entity_bomb), ("refi", "import", "kodebok.qdc"),
         REFUSED, r"kodebok\.qdc: intet XML-dokument, eller en DOCTYPE"),
    Case("binary-file-named-markdown", file("corpus/binær.md", lambda: bytes(range(256)) * 64), IMPORT,
         REFUSED_IMPORT, r"corpus/binær\.md: binærfil, ikke en transkripsjon"),
    Case("markdown-over-the-size-limit",
         file("corpus/diger.md", lambda: HEAD + ("Kari: " + "ord " * 1000 + "\n") * 13_500), IMPORT,
         REFUSED_IMPORT, r"corpus/diger\.md: fila er for stor \(\d+ byte; grensen er 52428800 byte\)"),
    # unknown or damaged encodings
    Case("encoding-utf-8-mark-then-latin-1",
         file("corpus/feil.md", lambda: codecs.BOM_UTF8 + star_free("latin-1")),
         IMPORT, REFUSED_IMPORT, r"corpus/feil\.md: ikke gyldig utf-8-sig selv om fila begynner med"),
    Case("encoding-utf-16-of-odd-length",
         file("corpus/feil.md", lambda: codecs.BOM_UTF16_LE + star_free("utf-16-le") + b"x"), IMPORT,
         REFUSED_IMPORT, r"corpus/feil\.md: ikke gyldig utf-16 selv om fila begynner med et"),
    Case("encoding-utf-32-without-a-mark", file("corpus/feil.md", lambda: star_free("utf-32-le")), IMPORT,
         REFUSED_IMPORT, r"corpus/feil\.md: binærfil, ikke en transkripsjon"),
    Case("encoding-shift-jis",
         file("corpus/feil.txt", lambda: (HEAD + JAPANESE).encode("shift_jis")),
         IMPORT, REFUSED_IMPORT, r"corpus/feil\.txt: ukjent tegnkoding: teksten ser ut til å være Shift-JIS"),
    Case("encoding-windows-1251",
         file("corpus/feil.md", lambda: (HEAD + RUSSIAN).encode("cp1251")), IMPORT,
         REFUSED_IMPORT, r"corpus/feil\.md: ukjent tegnkoding: teksten ser ut til å være Windows-1251"),
    Case("encoding-ebcdic", file("corpus/feil.txt", lambda: star_free("cp500")), IMPORT, REFUSED_IMPORT,
         r"corpus/feil\.txt: binærfil, ikke en transkripsjon"),
    Case("codebook-in-utf-16", file("codebooks/k.toml", lambda: codebook("hei").encode("utf-16")),
         ("codebook", "import", "codebooks/k.toml"), REFUSED, r"codebooks/k\.toml: ikke UTF-8-tekst"),
    Case("codebook-csv-binary", file("codebooks/k.csv", lambda: bytes(range(256)) * 4),
         ("codebook", "import", "codebooks/k.csv"), REFUSED,
         r"codebooks/k\.csv: ikke UTF-8- eller Windows-1252-tekst"),
    # malformed files
    Case("docx-that-is-text", file("corpus/tekst.docx", lambda: HEAD + "Kari: hei\n"), IMPORT, REFUSED_IMPORT,
         r"corpus/tekst\.docx: uleselig \.docx: ikke en gyldig Word-fil"),
    Case("docx-cut-in-half", file("corpus/halv.docx", docx_truncated), IMPORT, REFUSED_IMPORT,
         r"corpus/halv\.docx: uleselig \.docx: ikke en gyldig Word-fil"),
    Case("docx-with-a-damaged-member-header", file("corpus/skadet.docx", docx_damaged_header), IMPORT,
         REFUSED_IMPORT, r"corpus/skadet\.docx: uleselig \.docx: skadet \(zip-arkivet er skadet\)$"),
    Case("docx-without-its-document", file("corpus/tom.docx", lambda: zip_of({"word/styles.xml": "<x/>"})),
         IMPORT, REFUSED_IMPORT, r"corpus/tom\.docx: uleselig \.docx: word/document\.xml mangler"),
    Case("docx-of-malformed-xml",
         file("corpus/rot.docx", lambda: docx_package(b"<w:document><w:body><w:p>")), IMPORT,
         REFUSED_IMPORT, r"corpus/rot\.docx: uleselig \.docx: word/document\.xml er ikke gyldig XML"),
    Case("refi-codebook-malformed-xml",
         file("kodebok.qdc", lambda: f'<?xml version="1.0"?><CodeBook xmlns="{QDC}"><Codes><Code'),
         ("refi", "import", "kodebok.qdc"), REFUSED, r"kodebok\.qdc:1: ikke velformet XML"),
    Case("refi-codebook-nested-3000-deep", file("kodebok.qdc", lambda: qdc_nested(3_000)),
         ("codebook", "import", "kodebok.qdc"), REFUSED,
         r"kodebok\.qdc:\d+: ikke velformet XML: Excessive depth"),
    Case("refi-project-not-a-zip", file("prosjekt.qdpx", lambda: b"PK\x03\x04" + b"\x00" * 200),
         ("refi", "import", "prosjekt.qdpx"), REFUSED, r"prosjekt\.qdpx: ikke et lesbart \.qdpx-arkiv"),
    Case("refi-project-without-its-project",
         file("prosjekt.qdpx", lambda: zip_of({"Sources/a.txt": "hei"})), ("refi", "import", "prosjekt.qdpx"),
         REFUSED, r"prosjekt\.qdpx: "),
    Case("codebook-malformed-toml",
         file("codebooks/k.toml", lambda: 'format = "sdi-codebook/1"\n[[codes]\nid = "k1"\n'),
         ("codebook", "import", "codebooks/k.toml"), REFUSED,
         r"codebooks/k\.toml:2: ugyldig TOML: «]]» mangler på slutten av overskriften"),
    Case("codebook-binary", file("codebooks/k.toml", lambda: bytes(range(256))),
         ("codebook", "import", "codebooks/k.toml"), REFUSED, r"codebooks/k\.toml: ikke UTF-8-tekst"),
    Case("front-matter-malformed-toml",
         transcript("Kari: hei\n", head='+++\ngroup = "G\nstage = 1\n+++\n'), IMPORT, REFUSED_IMPORT,
         r"corpus/fiendtlig\.md:2: ugyldig TOML i metadatablokken: ulovlig tegn '\\n' \(kolonne \d+\)"),
    # a broken sdi.toml
    Case("config-malformed-toml", config_append("\n[project\n"), ("status",), REFUSED,
         r"sdi\.toml:\d+: ugyldig TOML: «project» står to ganger$"),
    Case("config-binary", config_replace(lambda: bytes(range(256))), ("status",), REFUSED,
         r"sdi\.toml:2: ikke UTF-8-tekst"),
    Case("config-pattern-not-a-list", config_edit("patterns = []", 'patterns = "Kari"'), IMPORT, REFUSED,
         r"sdi\.toml:\d+: «speakers\.patterns» må være en liste med tekster, ikke str"),
    Case("config-pattern-not-a-regular-expression", config_patterns("['(?P<label>[a-']"), IMPORT, REFUSED,
         r"sdi\.toml:\d+: .*speakers\.patterns"),
)  # fmt: skip
