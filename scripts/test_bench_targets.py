#!/usr/bin/env python3
"""Tests of scripts/bench-targets.py on sections of a real `make bench` report
(scripts/testdata/bench-report.md, the run at 4e0433f). Run by `make test`."""

import importlib.util
import io
import os
import re
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "testdata", "bench-report.md")
spec = importlib.util.spec_from_file_location("bench_targets", os.path.join(HERE, "bench-targets.py"))
bench_targets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_targets)


def fixture():
    with open(FIXTURE, encoding="utf-8") as file:
        return file.read()


def set_cell(text, benchmark, metric, column, value):
    """The report with one cell of one benchmark's metric row replaced."""
    section = re.search(rf"^### {re.escape(benchmark)}\n.*?(?=^### |\Z)", text, flags=re.M | re.S)
    assert section, benchmark
    lines = section.group(0).split("\n")
    for k, line in enumerate(lines):
        cells = line.split("|")
        if len(cells) > 2 and cells[1].strip().startswith(metric):
            position = 2 + bench_targets.COLUMNS.index(column)
            cells[position] = f" {value} "
            lines[k] = "|".join(cells)
            return text[: section.start()] + "\n".join(lines) + text[section.end() :]
    raise AssertionError(f"no {metric} in {benchmark}")


def verdicts(text):
    return {target: (figure, met) for target, figure, met in bench_targets.checks(bench_targets.Report(text))}


def run(text):
    """main() on `text` written to a temporary file: (exit status, what it printed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as file:
        file.write(text)
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = bench_targets.main(["bench-targets.py", file.name])
    finally:
        os.unlink(file.name)
    return status, out.getvalue() + err.getvalue()


class BenchTargetsTests(unittest.TestCase):
    def test_the_run_at_4e0433f_as_quoted_in_benchmarks_md(self):
        rows = verdicts(fixture())
        self.assertEqual(len(rows), 14)
        unmet = sorted(target for target, (_, met) in rows.items() if not met)
        self.assertEqual(
            unmet,
            [
                "seekersForVacancy top10 nearMisses5: ≤ 1.5× without (p50)",
                "vacanciesForSeeker top10 nearMisses5: ≤ 1.5× without (p50)",
            ],
        )
        # Each unit as the report writes it: µs, ms (batch, start), K ns and K requests/s (the worker).
        self.assertEqual(rows["vacanciesForSeeker top10: p50 ≤ 20 µs, p99 ≤ 150 µs"][0], "12 / 106 µs")
        self.assertEqual(rows["vacanciesForSeeker top10 nearMisses5: ≤ 1.5× without (p50)"][0][:22], "51 / 12 µs = 4.25× (p9")
        self.assertEqual(rows["match.batch: 2 threads ≥ 1.8× faster than 1"][0], "6.79 / 3.37 s = 2.01×")
        self.assertEqual(
            rows["start `serve --data nl` until the first answer ≤ 3 s (p50)"][0], "2.85 s (slowest 2.94 s)"
        )
        self.assertEqual(rows["worker pipelined: ≥ 30,000 requests/s (p50)"][0], "52,000 requests/s")
        self.assertEqual(rows["worker: ≤ 15 µs per request over in-process (p50)"][0], "12 µs")
        self.assertEqual(rows["peak resident memory serving nl ≤ 400 MB (worker VmHWM)"][0], "294 MB")
        self.assertEqual(
            rows["seekersForVacancy top10: ≤ 4 allocations per query (p50, less the harness's)"][0], "2 (18 less 16)"
        )

    def test_times_in_microseconds_whatever_the_unit(self):
        report = bench_targets.Report(fixture())
        self.assertAlmostEqual(report.time_us("worker pipelined vacanciesForSeeker top10", "p50"), 19.071)
        self.assertEqual(report.time_us("match.batch all 300000 seekers top10 threads=2", "p100"), 3_574_000)
        self.assertEqual(report.time_us("seekersForVacancy top10", "p99"), 363)

    def test_a_target_is_met_at_its_bound_and_not_beyond(self):
        start = "worker start until first answer nl"
        target = "start `serve --data nl` until the first answer ≤ 3 s (p50)"
        self.assertTrue(verdicts(set_cell(fixture(), start, "Time (wall clock)", "p50", 3000))[target][1])
        self.assertFalse(verdicts(set_cell(fixture(), start, "Time (wall clock)", "p50", 3001))[target][1])
        plain = "vacanciesForSeeker top10"
        target = "vacanciesForSeeker top10: p50 ≤ 20 µs, p99 ≤ 150 µs"
        self.assertFalse(verdicts(set_cell(fixture(), plain, "Time (wall clock)", "p99", 151))[target][1])
        mallocs = "vacanciesForSeeker top10 (instrumented)"
        target = "vacanciesForSeeker top10: ≤ 4 allocations per query (p50, less the harness's)"
        self.assertTrue(verdicts(set_cell(fixture(), mallocs, "Malloc (total)", "p50", 20))[target][1])
        self.assertFalse(verdicts(set_cell(fixture(), mallocs, "Malloc (total)", "p50", 21))[target][1])

    def test_exit_status_and_summary(self):
        status, output = run(fixture())
        self.assertEqual(status, 1)
        self.assertIn("12 of 14 targets met.", output)
        self.assertEqual(output.count("NOT MET"), 2)
        met = fixture()
        for query, value in [("vacanciesForSeeker", 18), ("seekersForVacancy", 78)]:
            met = set_cell(met, f"{query} top10 nearMisses5", "Time (wall clock)", "p50", value)
        status, output = run(met)
        self.assertEqual(status, 0, output)
        self.assertIn("14 of 14 targets met.", output)

    def test_a_report_without_a_benchmark_or_a_file_exits_2(self):
        text = fixture().replace("### worker start until first answer nl", "### something else")
        status, output = run(text)
        self.assertEqual(status, 2)
        self.assertIn("no benchmark 'worker start until first answer nl'", output)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = bench_targets.main(["bench-targets.py", os.path.join(HERE, "testdata", "missing.md")])
        self.assertEqual(status, 2)
        self.assertIn("missing.md", err.getvalue())

    def test_a_plain_query_without_time_is_an_error_not_a_division_by_zero(self):
        text = set_cell(fixture(), "seekersForVacancy top10", "Time (wall clock)", "p50", 0)
        status, output = run(text)
        self.assertEqual(status, 2)
        self.assertIn("'seekersForVacancy top10' has no time to compare with", output)

    def test_an_unknown_time_unit_is_an_error_not_a_guess(self):
        text = fixture().replace("| Time (wall clock) (ms) *", "| Time (wall clock) (fortnights) *", 1)
        status, output = run(text)
        self.assertEqual(status, 2)
        self.assertIn("unknown time unit", output)


if __name__ == "__main__":
    unittest.main()
