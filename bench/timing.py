"""The one timer every benchmark uses (sdi, qc and the floors alike), so ratios compare like with like."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000, "runs": len(times)}


def cold_process(command: list[str], cwd: Path, repeat: int = 7, env: dict[str, str] | None = None) -> dict:
    """Median/p95 wall time of a fresh process running `command` (writing no byte code: runs alike)."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return summary(
        timed(
            lambda: subprocess.run(command, cwd=cwd, env=environment, check=True, capture_output=True),
            repeat,
        )
    )
