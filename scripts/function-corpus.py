#!/usr/bin/env python3
"""Builds the function corpus: LibreOffice's values for the formulas in a cases file.

The cases file (Tests/KalkylEngineTests/Functions/Corpus/cases.txt) has a [Data] section of cells
in columns A–H (`A1 = 10`, text in quotes) and one section per function family, one formula per line in
Excel's English form. A line may end in
- `## excel: VALUE -- why` where Excel's documented result differs from LibreOffice's (the test
  follows Excel). `-- domain` stands for the commonest reason: Excel's reference gives this
  error for an argument outside the function's domain, where LibreOffice reports its own
  "invalid argument" (Err:502), which it saves in xlsx as #VALUE!;
- `## as: FORMULA -- why` where LibreOffice cannot compute the case itself (it misreads or lacks
  the function in xlsx) but computes an equivalent formula: the case expects that value.

The formulas go into an xlsx written by XlsxWriter (which adds the `_xlfn.` prefixes Excel
expects, independently of Kalkyl), LibreOffice recalculates it headless and saves it again, and
openpyxl reads the values it computed. The result, cases.json next to the cases file, is what
FunctionCorpusTests reads; commit both. It also lists the functions XlsxWriter prefixes with
`_xlfn.`, which the tests compare with Kalkyl's xlsx writer.

usage: scripts/function-corpus.py [--cases FILE] [--soffice PATH]
"""
import argparse, json, os, re, subprocess, sys, tempfile

import openpyxl
import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CASES = os.path.join(ROOT, "Tests", "KalkylEngineTests", "Functions", "Corpus", "cases.txt")
DOMAIN = ("Excel's reference gives this error for an argument outside the function's domain; LibreOffice's "
          "'invalid argument' (Err:502) is saved in xlsx as #VALUE!")
PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class Text(str):
    """Text written in quotes in the cases file: never an error value, whatever it says."""


def parse_literal(text):
    text = text.strip()
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        return Text(text[1:-1].replace('""', '"'))
    if text.upper() in ("TRUE", "FALSE"):
        return text.upper() == "TRUE"
    if text.startswith("#"):
        return {"error": text}
    return float(text)


def read_cases(path):
    data, cases, family = {}, [], None
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        section = re.fullmatch(r"\[(.+)\]", line.strip())
        if section:
            family = section.group(1)
            continue
        if family is None:
            sys.exit(f"{path}:{number}:1: a case before the first [Family] line")
        if family == "Data":
            cell, _, value = line.partition("=")
            data[cell.strip()] = value.strip()
            continue
        formula, _, override = line.partition("##")
        case = {"family": family, "formula": formula.strip(), "line": number}
        if override.strip():
            m = re.fullmatch(r"\s*(excel|as):\s*(.+?)\s+--\s+(.+)", override)
            if not m:
                sys.exit(f"{path}:{number}:{len(formula) + 1}: expected '## excel: VALUE -- why' or '## as: FORMULA -- why'")
            if m.group(1) == "excel":
                case["excel"] = encode(parse_literal(m.group(2)))
            else:
                case["as"] = m.group(2)
            why = m.group(3).strip()
            case["why"] = DOMAIN if why == "domain" else why
        cases.append(case)
    return data, cases


def encode(value):
    import datetime
    if isinstance(value, datetime.datetime):  # a cell LibreOffice formatted as a date
        delta = value - datetime.datetime(1899, 12, 30)
        return {"type": "n", "value": delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6}
    if isinstance(value, datetime.time):
        return {"type": "n", "value": (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400}
    if isinstance(value, dict):
        return {"type": "e", "value": value["error"]}
    if isinstance(value, bool):
        return {"type": "b", "value": value}
    if isinstance(value, (int, float)):
        return {"type": "n", "value": float(value)}
    if value is None:  # a formula whose result is empty text
        return {"type": "s", "value": ""}
    if isinstance(value, str) and not isinstance(value, Text) and value.startswith("#") and (value.endswith("!") or value.endswith("?") or value == "#N/A"):
        return {"type": "e", "value": value}
    return {"type": "s", "value": value}


def future_functions():
    """The functions XlsxWriter writes with Excel's `_xlfn.` prefix (read from its source)."""
    import inspect
    import xlsxwriter.worksheet
    source = inspect.getsource(xlsxwriter.worksheet)
    return sorted(set(re.findall(r"_xlfn\.(?:_xlws\.)?([A-Z][A-Z0-9.]*)\(", source)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", default=DEFAULT_CASES)
    ap.add_argument("--soffice", default="soffice")
    a = ap.parse_args()
    data, cases = read_cases(a.cases)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "functions.xlsx")
        book = xlsxwriter.Workbook(source, {"use_future_functions": True, "strings_to_numbers": False})
        # One sheet: the data in columns A–H, each case in column J of its own row.
        sheet = book.add_worksheet("Cases")
        for cell, text in data.items():
            if text.startswith("="):
                sheet.write_formula(cell, text)
            else:
                value = parse_literal(text)
                if isinstance(value, bool):
                    sheet.write_boolean(cell, value)
                elif isinstance(value, float):
                    sheet.write_number(cell, value)
                else:
                    sheet.write_string(cell, value)
        for row, case in enumerate(cases):
            sheet.write_formula(row, 9, "=" + case["formula"])
            if "as" in case:
                sheet.write_formula(row, 10, "=" + case["as"])
        book.close()
        profile = os.path.join(tmp, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE_XCU)
        out = os.path.join(tmp, "out")
        subprocess.run([a.soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "xlsx",
                        "--outdir", out, source], check=True, stdout=subprocess.DEVNULL)
        computed = openpyxl.load_workbook(os.path.join(out, "functions.xlsx"), data_only=True)["Cases"]
        for row, case in enumerate(cases, 1):
            case["libreoffice"] = encode(computed.cell(row=row, column=10).value)
            if "as" in case:
                case["excel"] = encode(computed.cell(row=row, column=11).value)
    target = os.path.join(os.path.dirname(a.cases), "cases.json")
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"data": data, "xlfn": future_functions(), "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    names = re.compile(r"([A-Z][A-Z0-9.]*)\(")
    families = {}
    for case in cases:
        families.setdefault(case["family"], set()).update(names.findall(case["formula"]))
    for family, fns in families.items():
        print(f"{family}: {sum(c['family'] == family for c in cases)} cases")
    print(f"wrote {target}: {len(cases)} cases")


if __name__ == "__main__":
    main()
