#!/usr/bin/env python3
"""Kalkyl and IronCalc on the same generated .xlsx files, in one run.

The benchmark writes the workloads (grid, chain, sumcol, lookup, alloc) as .xlsx; then each file
is loaded and fully calculated, whole process, by IronCalc (pip install ironcalc: a Python process
that imports it, loads the file and evaluates) and by Kalkyl (`kalkyl check FILE`). Printed per
workload: the best of --repeat wall times of each, their ratio, and the peak resident memory of
each process. The calculation alone is timed inside each process too (IronCalc's evaluate(),
Kalkyl's `kalkyl-benchmark --time-xlsx`), best of --repeat, with its ratio.

usage: scripts/compare-ironcalc.py [N …] [--repeat 3] [--only NAME] [--formula-per-cell]
(--formula-per-cell: files with every formula in its own cell, as some programs write them,
instead of a filled-down column as one shared formula, as Excel writes it)
Needs: swift build -c release (kalkyl and kalkyl-benchmark)
"""
import argparse, json, os, subprocess, sys, tempfile, time

IRONCALC = """
import sys, time, ironcalc
model = ironcalc.load_from_xlsx(sys.argv[1])
start = time.perf_counter()
model.evaluate()
print(time.perf_counter() - start)
"""

def whole_process(command):
    """Wall seconds, peak resident MB and standard output of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # kalkyl check: 1 = the workbook has errors
        sys.exit(f"{command[0]} failed on {command[-1]}")
    return seconds, usage.ru_maxrss / 1024, output

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    release = os.path.join(root, ".build", "release")
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[10000, 100000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--formula-per-cell", action="store_true")
    ap.add_argument("--benchmark", default=os.path.join(release, "kalkyl-benchmark"))
    ap.add_argument("--kalkyl", default=os.path.join(release, "kalkyl"))
    a = ap.parse_args()
    only = a.only or ["grid", "chain", "sumcol", "lookup", "alloc"]  # allocate has no comparable xlsx form
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([a.benchmark, *map(str, a.sizes), "--write-xlsx", folder, *sum((["--only", n] for n in only), []),
                        *(["--formula-per-cell"] if a.formula_per_cell else [])],
                       check=True, stdout=subprocess.DEVNULL)
        kind = "a formula in every cell" if a.formula_per_cell else "filled-down columns as shared formulas"
        print(f"files with {kind}; whole process (load + calculation), best of {a.repeat}; calculation alone inside each process, best of {a.repeat}")
        print(f"{'workload':9} {'rows':>7} {'IronCalc s':>11} {'Kalkyl s':>9} {'ratio':>7} {'IronCalc MB':>12} {'Kalkyl MB':>10}"
              f" {'IronCalc calc s':>16} {'Kalkyl calc s':>14} {'calc ratio':>11}")
        for name in sorted(os.listdir(folder), key=lambda f: (int(f.split('-')[1].split('.')[0]), f)):
            path = os.path.join(folder, name)
            ic, k, ic_calc, k_calc = [], [], [], []
            for _ in range(a.repeat):
                seconds, peak, output = whole_process([sys.executable, "-c", IRONCALC, path])
                ic.append((seconds, peak)); ic_calc.append(float(output))
                seconds, peak, _ = whole_process([a.kalkyl, "check", path])
                k.append((seconds, peak))
                timed = json.loads(subprocess.run([a.benchmark, "--time-xlsx", path], check=True, capture_output=True, text=True).stdout)
                k_calc.append(timed["calc_ms"] / 1000)
            workload, rows = name[:-5].split("-")
            (ic_s, ic_mb), (k_s, k_mb) = min(ic), min(k)
            print(f"{workload:9} {int(rows):7d} {ic_s:11.3f} {k_s:9.3f} {ic_s / k_s:6.1f}x {ic_mb:12.0f} {k_mb:10.0f}"
                  f" {min(ic_calc):16.3f} {min(k_calc):14.3f} {min(ic_calc) / max(min(k_calc), 1e-9):10.1f}x")
            sys.stdout.flush()

if __name__ == "__main__":
    sys.exit(main())
