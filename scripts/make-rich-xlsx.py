#!/usr/bin/env python3
"""Writes an xlsx workbook with the Excel features a colleague's allocation workbook has, to test
that Kalkyl keeps them on save: python3 scripts/make-rich-xlsx.py OUT.xlsx

Made with XlsxWriter (pip install xlsxwriter). Every value is one a person can check by hand:

  Fördelning (sheet 1)   A1:D1 merged title; the table Tabell1 at A2:D5
                         (Region | Belopp | Moms | Summa), Moms = [@Belopp]*Moms (structured
                         reference, a calculated column), Summa = B+C as one shared formula;
                         F2 = SUM(Tabell1[Belopp]) = 3 750 000, F3 = SUM(Tabell1[Summa]) = 4 687 500;
                         F4:F6 = {=B3:B5*2} (a CSE array formula); G2 = F2*2 (reads a formula
                         Kalkyl cannot compute); styles and number formats, a row height,
                         hidden column H and row 8, frozen panes, zoom, a comment, a drop-down
                         list, conditional formatting, print area and titles, landscape and fit
                         to page, header and footer, a hyperlink, a chart and an image.
  Data (sheet 2)         B1 = 0.25 (the name Moms), B2 = Fördelning!B3*2 = 2 000 000, tab colour.
  Dold (sheet 3)         hidden, A1 = "hemlig".
  Document properties    title, author, the custom property Diarienummer = 2026-1234.

XlsxWriter writes no shared formulas, so the Summa column is rewritten as one afterwards (see
finish_as_excel_would).
"""
import io
import re
import struct
import sys
import zipfile
import zlib

import xlsxwriter


def png(width, height, rgb):
    """A small one-colour PNG, so the workbook carries an image without a file beside it."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def build(path):
    book = xlsxwriter.Workbook(path)
    book.set_properties({"title": "Fördelning av statsbidrag 2026", "author": "Anna Andersson", "company": "Region Jämtland Härjedalen"})
    book.set_custom_property("Diarienummer", "2026-1234")

    title = book.add_format({"bold": True, "font_size": 14, "bg_color": "#DDEBF7", "align": "center"})
    money = book.add_format({"num_format": "#,##0", "border": 1})
    header = book.add_format({"bold": True, "bottom": 2, "text_wrap": True})
    red = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})

    sheet = book.add_worksheet("Fördelning")
    data = book.add_worksheet("Data")
    hidden = book.add_worksheet("Dold")
    book.define_name("Moms", "=Data!$B$1")

    sheet.merge_range("A1:D1", "Fördelning 2026", title)
    sheet.set_row(0, 30)
    regions = [("Region Gotland", 1000000), ("Region Skåne", 2000000), ("Region Värmland", 750000)]
    sheet.add_table("A2:D5", {
        "name": "Tabell1",
        "data": [[name, amount] for name, amount in regions],
        "columns": [
            {"header": "Region"},
            {"header": "Belopp", "format": money},
            {"header": "Moms", "formula": "=[@Belopp]*Moms", "format": money},
            {"header": "Summa", "format": money},
        ],
    })
    # The calculated column's cached values (XlsxWriter stores 0 unless told).
    for row, (_, amount) in enumerate(regions, start=2):
        sheet.write_formula(row, 2, "=Tabell1[[#This Row],[Belopp]]*Moms", money, amount * 0.25)
        sheet.write_formula(row, 3, f"=B{row + 1}+C{row + 1}", money, amount * 1.25)
    sheet.write_formula("F2", "=SUM(Tabell1[Belopp])", money, 3750000)
    sheet.write_formula("F3", "=SUM(Tabell1[Summa])", money, 4687500)
    sheet.write_array_formula("F4:F6", "{=B3:B5*2}", money, 2000000)
    sheet.write_formula("G2", "=F2*2", money, 7500000)
    sheet.write("H2", "hjälpkolumn")
    sheet.write("A8", "dold rad")
    sheet.set_row(7, None, None, {"hidden": True})
    sheet.set_column("A:A", 22)
    sheet.set_column("H:H", 12, None, {"hidden": True})
    sheet.freeze_panes(2, 1)
    sheet.set_zoom(90)
    sheet.write_comment("B3", "Beslut 2026-03-01", {"author": "Anna"})
    sheet.write("A10", "Beslutat", header)
    sheet.data_validation("B10", {"validate": "list", "source": ["Ja", "Nej"]})
    sheet.conditional_format("B3:B5", {"type": "cell", "criteria": ">", "value": 1500000, "format": red})
    sheet.print_area("A1:G6")
    sheet.repeat_rows(0, 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_header("&CFördelning 2026")
    sheet.set_footer("&CSida &P av &N")
    sheet.write_url("A12", "https://www.kammarkollegiet.se/", string="Kammarkollegiet")
    chart = book.add_chart({"type": "column"})
    chart.add_series({"name": "Belopp", "categories": "='Fördelning'!$A$3:$A$5", "values": "='Fördelning'!$B$3:$B$5"})
    sheet.insert_chart("J2", chart)
    sheet.insert_image("J18", "logo.png", {"image_data": io.BytesIO(png(8, 8, (0, 90, 160)))})

    data.write("A1", "Moms")
    data.write("B1", 0.25)
    data.write("A2", "Dubbla Gotland")
    data.write_formula("B2", "=Fördelning!B3*2", None, 2000000)
    data.set_tab_color("#FF9900")
    hidden.write("A1", "hemlig")
    hidden.hide()
    book.close()


def finish_as_excel_would(path):
    """Rewrites D3:D5's formulas as one shared formula, as Excel writes a filled-down column, and
    stores the array formula's values in all its cells (XlsxWriter stores only the first)."""
    with zipfile.ZipFile(path) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    xml, n = re.subn(r"<f>B3\+C3</f>", '<f t="shared" ref="D3:D5" si="0">B3+C3</f>', xml)
    for row in (4, 5):
        xml, m = re.subn(rf"<f>B{row}\+C{row}</f>", '<f t="shared" si="0"/>', xml)
        n += m
    assert n == 3, "the Summa formulas were not found"
    for cell, value in (("F5", 4000000), ("F6", 1500000)):
        xml, m = re.subn(rf'(<c r="{cell}" s="\d+">)<v>0</v>', rf"\g<1><v>{value}</v>", xml)
        assert m == 1, f"the array formula's cell {cell} was not found"
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for filename, content in parts.items():
            z.writestr(filename, content)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-rich-xlsx.py OUT.xlsx")
    build(sys.argv[1])
    finish_as_excel_would(sys.argv[1])
