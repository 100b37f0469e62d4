#!/usr/bin/env python3
"""Kalkyl and IronCalc on the same generated .xlsx files, in one run.

The benchmark writes the workloads (grid, chain, sumcol, lookup, alloc) as .xlsx; then each file
is loaded and fully calculated by IronCalc (pip install ironcalc) and by Kalkyl, and the ratio of
their times is printed per workload. Times are the median of --repeat runs.

usage: scripts/compare-ironcalc.py [N …] [--repeat 3] [--only NAME]
Needs: swift build -c release --product kalkyl-benchmark
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[10000, 100000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--benchmark", default=os.path.join(root, ".build", "release", "kalkyl-benchmark"))
    a = ap.parse_args()
    import ironcalc
    with tempfile.TemporaryDirectory() as folder:
        only = sum((["--only", n] for n in a.only), [])
        subprocess.run([a.benchmark, *map(str, a.sizes), "--write-xlsx", folder, *only], check=True, stdout=subprocess.DEVNULL)
        print(f"{'workload':10} {'rows':>8} {'IronCalc load+calc s':>21} {'Kalkyl load+calc s':>19} {'IronCalc calc s':>16} {'Kalkyl calc s':>14} {'calc ratio':>11}")
        for name in sorted(os.listdir(folder), key=lambda f: (int(f.split('-')[1].split('.')[0]), f)):
            path = os.path.join(folder, name)
            ic_total, ic_calc, k_total, k_calc = [], [], [], []
            for _ in range(a.repeat):
                start = time.perf_counter()
                model = ironcalc.load_from_xlsx(path)
                loaded = time.perf_counter()
                model.evaluate()
                done = time.perf_counter()
                ic_total.append(done - start); ic_calc.append(done - loaded)
                out = subprocess.run([a.benchmark, "--time-xlsx", path], check=True, capture_output=True, text=True).stdout
                t = json.loads(out)
                k_total.append((t["load_ms"] + t["calc_ms"]) / 1000); k_calc.append(t["calc_ms"] / 1000)
            workload, rows = name[:-5].split("-")
            m = statistics.median
            print(f"{workload:10} {int(rows):8d} {m(ic_total):21.3f} {m(k_total):19.3f} {m(ic_calc):16.3f} {m(k_calc):14.3f} {m(ic_calc)/max(m(k_calc),1e-9):10.1f}x")
            sys.stdout.flush()

if __name__ == "__main__":
    sys.exit(main())
