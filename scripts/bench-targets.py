#!/usr/bin/env python3
"""Checks a `make bench` report against the targets of BENCHMARKS.md ("Targets").

    scripts/bench-targets.py [Benchmarks/.data/last-run.md]

Prints one line per target: the figure measured in that run, the target, and whether it is
met. Exits 0 when every target is met, 1 when one is not, 2 when the report lacks a
benchmark or cannot be read. Standard library only.
"""

import re
import sys

# A metric's unit, as package-benchmark names it, in the unit the targets use.
TIME_UNITS = {"ns": 1e-3, "μs": 1.0, "us": 1.0, "ms": 1e3, "s": 1e6}  # to µs
SCALES = {"K": 1e3, "M": 1e6, "G": 1e9}
COLUMNS = ["p0", "p25", "p50", "p75", "p90", "p99", "p100", "samples"]


class ReportError(Exception):
    pass


def parse(text):
    """{benchmark: {metric row name: {column: number}}} from the markdown report."""
    benchmarks = {}
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        name, _, body = section.partition("\n")
        rows = {}
        for line in body.splitlines():
            if not line.startswith("| ") or line.startswith("| Metric"):
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            try:
                rows[cells[0].rstrip("* ").strip()] = dict(
                    zip(COLUMNS, (float(cell.replace(",", "")) for cell in cells[1:]))
                )
            except ValueError:
                continue
        benchmarks[name.strip()] = rows
    return benchmarks


class Report:
    def __init__(self, text):
        self.benchmarks = parse(text)

    def row(self, benchmark, metric):
        rows = self.benchmarks.get(benchmark)
        if rows is None:
            raise ReportError(f"no benchmark '{benchmark}' in the report")
        for name, columns in rows.items():
            if name.startswith(metric):
                return name, columns
        raise ReportError(f"no metric '{metric}' in '{benchmark}'")

    def time_us(self, benchmark, column):
        """Wall clock in µs, whatever unit the report used."""
        name, columns = self.row(benchmark, "Time (wall clock)")
        unit = re.search(r"\((\w+)\)$", name)
        if unit is None or unit.group(1) not in TIME_UNITS:
            raise ReportError(f"unknown time unit in '{benchmark}': {name}")
        return columns[column] * TIME_UNITS[unit.group(1)]

    def value(self, benchmark, metric, column):
        """A metric's value, its scale suffix ("(K)", "(M)") applied, except memory in MB."""
        name, columns = self.row(benchmark, metric)
        scale = re.search(r"\(([KMG])\)$", name)
        factor = SCALES[scale.group(1)] if scale and not metric.startswith(("Memory", "worker VmHWM")) else 1
        return columns[column] * factor


def checks(report):
    """(target, figure, met) per target row of BENCHMARKS.md."""
    rows = []

    def time(benchmark, column="p50"):
        return report.time_us(benchmark, column)

    for query, p50, p99 in [("vacanciesForSeeker", 20, 150), ("seekersForVacancy", 60, 400)]:
        plain = f"{query} top10"
        a, b = time(plain), time(plain, "p99")
        if a <= 0 or b <= 0:
            raise ReportError(f"'{plain}' has no time to compare with (p50 {a:g}, p99 {b:g} µs)")
        rows.append((f"{plain}: p50 ≤ {p50} µs, p99 ≤ {p99} µs", f"{a:.5g} / {b:.5g} µs", a <= p50 and b <= p99))
        for variant in ["explain", "nearMisses5"]:
            other = time(f"{plain} {variant}")
            ratio = other / a
            rows.append(
                (
                    f"{plain} {variant}: ≤ 1.5× without (p50)",
                    f"{other:.5g} / {a:.5g} µs = {ratio:.2f}× (p99 {time(f'{plain} {variant}', 'p99') / b:.2f}×)",
                    ratio <= 1.5,
                )
            )

    one = time("match.batch all 300000 seekers top10 threads=1") / 1e6
    two = time("match.batch all 300000 seekers top10 threads=2") / 1e6
    slowest = time("match.batch all 300000 seekers top10 threads=2", "p100") / 1e6
    rows.append(("match.batch on 2 threads ≤ 10 s (p50)", f"{two:.2f} s (slowest {slowest:.2f} s)", two <= 10))
    rows.append(("match.batch: 2 threads ≥ 1.8× faster than 1", f"{one:.2f} / {two:.2f} s = {one / two:.2f}×", one / two >= 1.8))

    start = "worker start until first answer nl"
    # Since the index snapshot: the start above reads it; the first start on new data decodes
    # the JSON Lines and writes it (shown beside when the report has it).
    first = "worker first start until first answer nl (JSON Lines, writes the snapshot)"
    has_first = first in report.benchmarks
    beside = f"; first start on new data {time(first) / 1e6:.2f} s" if has_first else ""
    rows.append(
        (
            "start `serve --data nl` until the first answer ≤ 3 s (p50)",
            f"{time(start) / 1e6:.2f} s (slowest {time(start, 'p100') / 1e6:.2f} s){beside}",
            time(start) <= 3e6,
        )
    )

    worker = "worker pipelined vacanciesForSeeker top10"
    rate = report.value(worker, "req/s", "p50")
    rows.append(("worker pipelined: ≥ 30,000 requests/s (p50)", f"{rate:,.0f} requests/s", rate >= 30_000))
    over = report.value(worker, "CPU ns/request over in-process", "p50") / 1e3
    rows.append(("worker: ≤ 15 µs per request over in-process (p50)", f"{over:g} µs", over <= 15))

    memory = max(report.value(name, "worker VmHWM", "p100") for name in [worker, start] + ([first] if has_first else []))
    rows.append(("peak resident memory serving nl ≤ 400 MB (worker VmHWM)", f"{memory:g} MB", memory <= 400))

    baseline = report.value("harness baseline, empty iteration", "Malloc (total)", "p50")
    for query in ["vacanciesForSeeker", "seekersForVacancy"]:
        mallocs = report.value(f"{query} top10 (instrumented)", "Malloc (total)", "p50") - baseline
        rows.append(
            (
                f"{query} top10: ≤ 4 allocations per query (p50, less the harness's)",
                f"{mallocs:g} ({mallocs + baseline:g} less {baseline:g})",
                mallocs <= 4,
            )
        )
    return rows


def main(arguments):
    path = arguments[1] if len(arguments) > 1 else "Benchmarks/.data/last-run.md"
    try:
        with open(path, encoding="utf-8") as file:
            rows = checks(Report(file.read()))
    except (OSError, ReportError) as error:
        print(f"bench-targets: {path}: {error}", file=sys.stderr)
        return 2
    width = max(len(target) for target, _, _ in rows)
    print(f"Targets against {path}:")
    for target, figure, met in rows:
        print(f"  {'met    ' if met else 'NOT MET'}  {target.ljust(width)}  {figure}")
    unmet = sum(not met for _, _, met in rows)
    print(f"{len(rows) - unmet} of {len(rows)} targets met.")
    return 0 if unmet == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
