#!/usr/bin/env python3
"""Prints, as JSON, what openpyxl reads of an xlsx file besides cell values: styles, merged
cells, row heights, hidden rows/columns/sheets, panes, zoom, tab colours, validation,
conditional formats, print settings, hyperlinks, comments, tables, media, charts, defined
names, document properties, and every cell's formula. Two files that should differ only in
some cells are compared by comparing this output (see scripts/xlsx-loss-report.py and the
end-to-end tests): python3 scripts/xlsx-features.py FILE.xlsx [--skip SHEET!CELL ...]
"""
import json
import sys
import zipfile

import openpyxl


def color(c):
    """An RGB colour, or the theme colour it refers to."""
    if c is None:
        return None
    return c.rgb if isinstance(c.rgb, str) else f"theme {c.theme}"


def style(cell):
    font, fill, border, alignment = cell.font, cell.fill, cell.border, cell.alignment
    sides = [getattr(border, side, None) for side in ("left", "right", "top", "bottom")] if border else []
    return {
        "font": [font.name, font.b, font.i, font.sz, color(font.color)] if font else None,
        "fill": fill.fgColor.rgb if fill and fill.fill_type else None,
        "border": [side.style if side else None for side in sides],
        "alignment": [alignment.horizontal, alignment.vertical, alignment.wrap_text] if alignment else None,
        "number_format": cell.number_format,
    }


def features(path, skip):
    book = openpyxl.load_workbook(path)  # formulas as text, not values
    result = {
        "sheets": book.sheetnames,
        "active": book.active.title if book.active else None,
        "names": sorted((name, str(value.attr_text)) for name, value in book.defined_names.items()),
        "properties": [book.properties.title, book.properties.creator],
        "custom_properties": sorted((p.name, str(p.value)) for p in book.custom_doc_props.props),
        # openpyxl drops images unless Pillow is installed: count them in the package instead.
        "media": sorted(n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/media/")),
    }
    for sheet in book.worksheets:
        s = {
            "state": sheet.sheet_state,
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "rows": {r: [d.height, d.hidden] for r, d in sheet.row_dimensions.items() if d.height or d.hidden},
            "columns": {c: [d.width, d.hidden] for c, d in sheet.column_dimensions.items() if d.customWidth or d.hidden},
            "freeze": sheet.freeze_panes,
            "zoom": sheet.sheet_view.zoomScale,
            "tab_color": sheet.sheet_properties.tabColor.rgb if sheet.sheet_properties.tabColor else None,
            "validation": sorted((str(v.sqref), v.type, v.formula1) for v in sheet.data_validations.dataValidation),
            "conditional": sorted((str(r.sqref), [(rule.type, rule.operator, rule.formula) for rule in rules])
                                  for r, rules in ((cf, cf.rules) for cf in sheet.conditional_formatting)),
            "print_area": sheet.print_area,
            "print_titles": [sheet.print_title_rows, sheet.print_title_cols],
            "page": [sheet.page_setup.orientation, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight,
                     sheet.sheet_properties.pageSetUpPr.fitToPage if sheet.sheet_properties.pageSetUpPr else None],
            "header_footer": [sheet.oddHeader.center.text, sheet.oddFooter.center.text],
            "hyperlinks": sorted((c.coordinate, c.hyperlink.target) for row in sheet.iter_rows() for c in row if c.hyperlink),
            "tables": sorted((t.name, t.ref, [c.name for c in t.tableColumns]) for t in sheet.tables.values()),
            "charts": len(sheet._charts),
            "cells": {},
        }
        for row in sheet.iter_rows():
            for cell in row:
                key = f"{sheet.title}!{cell.coordinate}"
                entry = {"style": style(cell)}
                if cell.comment:
                    entry["comment"] = cell.comment.text
                if key not in skip:
                    value = cell.value
                    if hasattr(value, "text"):  # an array formula
                        entry["formula"] = ["array", value.ref, value.text]
                    elif isinstance(value, str) and value.startswith("="):
                        entry["formula"] = value
                    elif value is not None:
                        entry["value"] = value
                s["cells"][cell.coordinate] = entry
        result[sheet.title] = s
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: xlsx-features.py FILE.xlsx [--skip SHEET!CELL ...]")
    skip = set(args[args.index("--skip") + 1:]) if "--skip" in args else set()
    print(json.dumps(features(args[0], skip), ensure_ascii=False, indent=1, sort_keys=True, default=str))
