#!/usr/bin/env python3
"""What a Kalkyl save loses of xlsx files: for each file, open → set one empty cell → save, then
compare the saved package with the original part by part, and what openpyxl reads of both
(styles, merges, validation, print settings …, see xlsx-features.py).

    python3 scripts/xlsx-loss-report.py FOLDER_OR_FILE ... [--kalkyl .build/debug/kalkyl]
    python3 scripts/xlsx-loss-report.py --compare IN.xlsx OUT.xlsx [--skip SHEET!CELL ...]

Per file it prints the parts lost, added and changed. Expected to change: the edited sheet,
xl/sharedStrings.xml (the new text is appended), xl/workbook.xml (fullCalcOnLoad), and the
calcChain's entries when it is dropped; anything else is a loss. Exit status 1 when a file lost
something. --compare prints the comparison of two files as JSON (for the tests).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
features = __import__("xlsx-features").features

EXPECTED = {"xl/sharedStrings.xml", "xl/workbook.xml", "xl/calcChain.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"}


def compare(original, saved, skip=()):
    """Parts lost, added and changed, and the openpyxl features that differ."""
    a, b = zipfile.ZipFile(original), zipfile.ZipFile(saved)
    names_a, names_b = a.namelist(), b.namelist()
    changed = [n for n in names_a if n in names_b and a.read(n) != b.read(n)]
    fa, fb = features(original, set(skip)), features(saved, set(skip))
    differing = []
    for key in sorted(set(fa) | set(fb)):
        if isinstance(fa.get(key), dict) and isinstance(fb.get(key), dict):
            for sub in sorted(set(fa[key]) | set(fb[key])):
                if sub == "cells":
                    cells_a, cells_b = fa[key]["cells"], fb[key]["cells"]
                    for cell in sorted(set(cells_a) | set(cells_b)):
                        if cells_a.get(cell, {}) != cells_b.get(cell, {}) and f"{key}!{cell}" not in skip:
                            # A new empty cell with the default style is no loss.
                            if cells_a.get(cell) is None or cells_b.get(cell) is None:
                                present = cells_a.get(cell) or cells_b.get(cell)
                                if set(present) == {"style"} and present["style"]["number_format"] == "General":
                                    continue
                            differing.append(f"{key}!{cell}")
                elif fa[key].get(sub) != fb[key].get(sub):
                    differing.append(f"{key}.{sub}")
        elif fa.get(key) != fb.get(key):
            differing.append(key)
    return {
        "lost": [n for n in names_a if n not in names_b],
        "added": [n for n in names_b if n not in names_a],
        "changed": changed,
        "features_differing": differing,
    }


def empty_cell(kalkyl, path):
    """A cell right of the first sheet's used area: SHEET!CELL, as `kalkyl set` takes it."""
    out = subprocess.run([kalkyl, "export", path, "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip()
    cells = json.loads(out.stdout or "[]")
    first = cells[0]["sheet"] if cells else None
    if first is None:
        return "A1", None
    used = [c for c in cells if c["sheet"] == first]
    letters = max(("".join(ch for ch in c["cell"] if ch.isalpha()) for c in used), key=lambda s: (len(s), s))
    # One column past the widest used column, in row 1.
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    number += 2
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    quoted = "'" + first.replace("'", "''") + "'"
    return f"{quoted}!{name}1", None


def report(kalkyl, path):
    with tempfile.TemporaryDirectory() as directory:
        saved = os.path.join(directory, "saved.xlsx")
        cell, problem = empty_cell(kalkyl, path)
        if cell is None:
            return {"file": path, "error": problem}
        shutil.copy(path, saved)
        run = subprocess.run([kalkyl, "set", saved, f"{cell}=Kalkyl"], capture_output=True, text=True)
        if run.returncode != 0:
            return {"file": path, "cell": cell, "error": run.stderr.strip()}
        result = compare(path, saved, skip=[cell.replace("'", "")])
        result["file"], result["cell"] = path, cell
        sheet_parts = [n for n in result["changed"] if n.startswith("xl/worksheets/")]
        result["unexpected"] = [n for n in result["changed"] if n not in EXPECTED and n not in sheet_parts[:1]] + result["lost"]
        return result


def main(args):
    if args[:1] == ["--compare"]:
        skip = args[args.index("--skip") + 1:] if "--skip" in args else []
        print(json.dumps(compare(args[1], args[2], skip), ensure_ascii=False, indent=1))
        return 0
    kalkyl = ".build/debug/kalkyl"
    if "--kalkyl" in args:
        i = args.index("--kalkyl")
        kalkyl = args[i + 1]
        args = args[:i] + args[i + 2:]
    files = []
    for arg in args:
        if os.path.isdir(arg):
            files += sorted(os.path.join(arg, n) for n in os.listdir(arg) if n.lower().endswith((".xlsx", ".xlsm")))
        else:
            files.append(arg)
    lossy = 0
    for path in files:
        r = report(kalkyl, path)
        if "error" in r:
            print(f"{path}: not saved: {r['error']}")
            lossy += 1
            continue
        status = "lost " + ", ".join(r["unexpected"] + r["features_differing"]) if r["unexpected"] or r["features_differing"] else "nothing lost"
        print(f"{path}: set {r['cell']}; changed {', '.join(r['changed']) or 'nothing'}; {status}")
        lossy += bool(r["unexpected"] or r["features_differing"])
    print(f"{len(files)} files, {lossy} with losses")
    return 1 if lossy else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
