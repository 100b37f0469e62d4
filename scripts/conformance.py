#!/usr/bin/env python3
"""Scores Kalkyl against the shared formula conformance corpus (../shared/conformance).

Until Kalkyl reads .xlsx itself, openpyxl turns cases.xlsx into a .kalk workbook (inputs,
formulas and defined names; cached values are ignored). Kalkyl recalculates it, exports every
cell as JSON, and the corpus's own scorer compares that with LibreOffice's values.

usage: scripts/conformance.py [--kalkyl PATH] [--corpus DIR] [--failures N]
Prints the failing functions, the first failures and 'conformance: P/N passed (X%)'.
Needs: pip install openpyxl
"""
import argparse, json, os, subprocess, sys, tempfile

def quote(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return '"' + out + '"'

def number(value):
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))

def to_kalk(xlsx_path):
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula
    wb = openpyxl.load_workbook(xlsx_path)
    lines = ["kalkyl 1"]
    for name, definition in wb.defined_names.items():
        lines.append(f"name {name} = {definition.attr_text}")
    for ws in wb.worksheets:
        lines += ["", f"sheet {ws.title}"]
        cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
        for c in sorted(cells, key=lambda c: (c.row, c.column)):
            v = c.value
            if isinstance(v, ArrayFormula):
                v = v.text
            if isinstance(v, bool):
                text = "TRUE" if v else "FALSE"
            elif isinstance(v, (int, float)):
                text = number(v)
            elif isinstance(v, str) and v.startswith("=") and c.data_type == "f":
                text = v
            elif c.data_type == "e":
                text = v
            else:
                text = quote(str(v))
            lines.append(f"{c.coordinate} {text}")
    return "\n".join(lines) + "\n"

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--kalkyl", default=os.path.join(root, ".build", "debug", "kalkyl"))
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "conformance"))
    ap.add_argument("--failures", default="30")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kalk = os.path.join(tmp, "cases.kalk")
        with open(kalk, "w", encoding="utf-8") as f:
            f.write(to_kalk(os.path.join(a.corpus, "cases.xlsx")))
        actual = os.path.join(tmp, "actual.json")
        subprocess.run([a.kalkyl, "export", kalk, "--format", "json", "-o", actual], check=True)
        return subprocess.run([sys.executable, os.path.join(a.corpus, "check.py"),
                               os.path.join(a.corpus, "cases_lo.json"), actual, "--failures", a.failures]).returncode

if __name__ == "__main__":
    sys.exit(main())
