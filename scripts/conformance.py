#!/usr/bin/env python3
"""Scores Kalkyl against the shared formula conformance corpus (../shared/conformance).

Kalkyl opens cases.xlsx itself, recalculates it (cached values are ignored), exports every cell
as JSON, and the corpus's own scorer compares that with LibreOffice's values.

usage: scripts/conformance.py [--kalkyl PATH] [--corpus DIR] [--failures N]
Prints the failing functions, the first failures and 'conformance: P/N passed (X%)'.
"""
import argparse, os, subprocess, sys, tempfile

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--kalkyl", default=os.path.join(root, ".build", "debug", "kalkyl"))
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "conformance"))
    ap.add_argument("--failures", default="30")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        actual = os.path.join(tmp, "actual.json")
        subprocess.run([a.kalkyl, "export", os.path.join(a.corpus, "cases.xlsx"), "--format", "json", "-o", actual], check=True)
        return subprocess.run([sys.executable, os.path.join(a.corpus, "check.py"),
                               os.path.join(a.corpus, "cases_lo.json"), actual, "--failures", a.failures]).returncode

if __name__ == "__main__":
    sys.exit(main())
