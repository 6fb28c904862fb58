"""Deterministic generator of realistic Norwegian focus-group transcripts for benchmarks.

It recombines the turns of our own demo corpus (written for this project) into new transcripts: new group
names, shuffled turns, varied speakers, front matter as researchers write it. Same seed, same files."""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABEL = re.compile(r"^([A-Z]{1,2}[A-Z0-9]*\d|Moderator): (.*)$")
SITES = ("Fjordvik", "Åsmark", "Nordlia", "Sandvær", "Bjørkely", "Storås", "Elvetun", "Haugsbygd")
CATEGORIES = ("Barnehage", "Skole", "Mellomledere", "Ledelse")
ROLES = ("Pedagogisk leder", "Barnehagelærer", "Kontaktlærer", "Spesialpedagog", "Helsesykepleier", "Styrer")


def corpus_turns() -> tuple[list[str], list[str]]:
    """(informant turns, moderator turns) from the demo corpus, each a whole turn on one line."""
    informants: list[str] = []
    moderator: list[str] = []
    for path in sorted((REPO / "corpus").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("+++", 2)[2]
        current: list[str] | None = None
        for line in body.splitlines():
            match = LABEL.match(line)
            if match:
                current = moderator if match.group(1) == "Moderator" else informants
                current.append(match.group(2))
            elif line.strip() and current is not None and not line.startswith("#"):
                current[-1] += " " + line.strip()
    return informants, moderator


def transcript(
    rng: random.Random, number: int, words: int, informants: list[str], moderator: list[str]
) -> str:
    site = SITES[number % len(SITES)]
    category = CATEGORIES[(number // len(SITES)) % len(CATEGORIES)]
    stage = number // (len(SITES) * len(CATEGORIES)) + 1
    group = f"{category} {site} {number // (len(SITES) * len(CATEGORIES) * 9) + 1}"
    people = [f"P{i}" for i in range(1, rng.randint(4, 8) + 1)]
    lines = [
        "+++",
        f'title = "Fokusgruppe {number}"',
        f'group = "{group}"',
        f'site = "{site}"',
        f'category = "{category}"',
        f"stage = {stage}",
        f"date = 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "",
        "[[participants]]",
        'label = "Moderator"',
        "moderator = true",
    ]
    for person in people:
        lines += ["", "[[participants]]", f'label = "{person}"', f'role = "{rng.choice(ROLES)}"']
    lines += ["+++", "", f"# Fokusgruppe {number}", ""]
    count = 0
    while count < words:
        if rng.random() < 0.15:
            speaker, turn = "Moderator", rng.choice(moderator)
        else:
            speaker, turn = rng.choice(people), rng.choice(informants)
        lines += [f"{speaker}: {turn}", ""]
        count += len(turn.split())
    return "\n".join(lines)


def generate(target: Path, total_words: int, per_file: int = 16_000, seed: int = 7) -> list[Path]:
    informants, moderator = corpus_turns()
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(max(1, total_words // per_file)):
        path = target / f"fg-{number:03d}.md"
        path.write_text(transcript(rng, number, per_file, informants, moderator), encoding="utf-8")
        paths.append(path)
    return paths


def imported_demo(target: Path) -> Path:
    """A copy of the repository's demo project (settings, interview guide, corpus) at `target`, imported by a
    separate `sdi import` — what the benchmarks measure on besides the generated corpus."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "sdi.toml", target)
    shutil.copy(REPO / "intervjuguide.md", target)
    shutil.copytree(REPO / "corpus", target / "corpus")
    command = [sys.executable, "-m", "sdi.cli.main", "import", "-q"]
    subprocess.run(command, cwd=target, check=True, capture_output=True)
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--per-file", type=int, default=16_000)
    args = parser.parse_args()
    made = generate(args.target, args.words, args.per_file)
    print(f"{len(made)} transcripts in {args.target}", file=sys.stderr)
