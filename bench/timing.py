"""Timing that holds up on a shared machine: CPU time of this process beside wall time, the
median of several runs, and the load average the runs saw."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rates:
    """Items per second over several runs: per CPU second (what one core gives the work,
    whatever else the machine runs) and per wall second."""

    items: int
    cpu: list[float]
    wall: list[float]

    @property
    def per_cpu_second(self) -> float:
        return statistics.median(self.cpu)

    @property
    def per_second(self) -> float:
        return statistics.median(self.wall)


def measure(work: Callable[[], object], items: int, runs: int) -> Rates:
    """Run ``work`` (which handles ``items`` items) ``runs`` times."""
    cpu, wall = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append(items / (time.process_time() - began_cpu))
        wall.append(items / (time.perf_counter() - began))
    return Rates(items, cpu, wall)


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())
