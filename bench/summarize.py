#!/usr/bin/env python3
"""Pools AccuracyBenchmark outputs (one file per set) over the held-out sets.

For every column of the outputs (the default's blend, without the season, the network alone, the prior
alone, R's ETS, auto.arima and Theta, seasonal naive) it prints every file's own geometric-mean MASE, and
that of all held-out files together (every file but bench/data's) from each series' MASE as its row gives
it (rounded to three decimals);
then the default's ratio to R's methods and to the prior alone over the held-out series, with a 95 %
interval from a normal approximation over the per-series log ratios (which counts the series as
independent); and, given --before, the paired ratio of the default to another run's on the same series.

Usage: bench/summarize.py <outputs> ... [--before <outputs> ...], the outputs either one file per set
(bench/results/accuracy-<set>-<date>-<tag>.txt) or bench/accuracy.sh's combined bench/results/accuracy-<date>.txt.
`--without A,B` (before --before) leaves those series out of the paired comparison.
"""
import math
import re
import sys

COLUMNS = ["blend", "network", "comb", "prior", "ets-avg", "blend-nohint", "ets", "arima", "theta", "snaive"]
SHOWN = ["blend", "blend-nohint", "network", "prior", "ets", "arima", "theta", "snaive"]


def sections(path):
    """Set name -> the lines of its output: one file per set (accuracy-<set>-<date>...), or bench/accuracy.sh's
    combined file, whose sets follow '## bench/<set>' headers."""
    lines = open(path).read().splitlines()
    if not any(line.startswith("## bench/") for line in lines):
        match = re.search(r"accuracy-(.+?)-\d{4}-\d{2}-\d{2}", path)
        return {match.group(1) if match else path: lines}
    out, current = {}, None
    for line in lines:
        if line.startswith("## bench/"):
            current = line[len("## bench/"):].strip()
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out


def rows(lines):
    """Series name -> {column: MASE} from one set's output."""
    out = {}
    for line in lines:
        if "|" not in line or line.startswith(("series", "geometric")):
            continue
        name, ours, r = line.split("|")[:3]
        values = [float(v) for v in (ours.split() + r.split())]
        out[name.split()[0]] = dict(zip(COLUMNS, values))
    return out


def geometric_means(lines):
    """The set's own geometric-mean row (from unrounded MASEs), by column."""
    for line in lines:
        if line.startswith("geometric"):
            ours, r = line.split("|")[1:3]
            return dict(zip(COLUMNS, [float(v) for v in (ours.split() + r.split())]))
    raise ValueError("no geometric mean row")


def gm(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio(pairs):
    logs = [math.log(a / b) for a, b in pairs]
    n = len(logs)
    mean = sum(logs) / n
    se = math.sqrt(sum((x - mean) ** 2 for x in logs) / (n - 1) / n)
    return f"{math.exp(mean):.3f} ({math.exp(mean - 1.96 * se):.3f}-{math.exp(mean + 1.96 * se):.3f})"


def main(args):
    before = []
    without = set()
    if "--without" in args:
        i = args.index("--without")
        without = set(args[i + 1].split(","))
        args = args[:i] + args[i + 2:]
    if "--before" in args:
        i = args.index("--before")
        args, before = args[:i], args[i + 1:]
    parsed = {name: lines for p in args for name, lines in sections(p).items()}
    runs = {name: rows(lines) for name, lines in parsed.items()}
    means = {name: geometric_means(lines) for name, lines in parsed.items()}
    held = [(s, k, x) for s, series in runs.items() if s != "data" for k, x in series.items()]
    print(f"{'set':12s} {'series':>6s} " + " ".join(f"{c:>12s}" for c in SHOWN))
    for s, series in runs.items():
        print(f"{s:12s} {len(series):6d} " + " ".join(f"{means[s][c]:12.3f}" for c in SHOWN))
    print(f"{'held-out':12s} {len(held):6d} " + " ".join(f"{gm([x[c] for _, _, x in held]):12.3f}" for c in SHOWN))
    print()
    for c in ["ets", "arima", "theta", "prior"]:
        print(f"the default against {c} over the {len(held)} held-out series: {ratio([(x['blend'], x[c]) for _, _, x in held])}")
    if before:
        old = {(name, k): x for p in before for name, lines in sections(p).items() for k, x in rows(lines).items()}
        pairs = [(x["blend"], old[(s, k)]["blend"]) for s, k, x in held if (s, k) in old and k not in without]
        better = sum(a < b - 1e-9 for a, b in pairs)
        worse = sum(a > b + 1e-9 for a, b in pairs)
        print(f"the default against --before, paired over {len(pairs)} held-out series: {ratio(pairs)};"
              f" better on {better}, worse on {worse}")


if __name__ == "__main__":
    main(sys.argv[1:])
