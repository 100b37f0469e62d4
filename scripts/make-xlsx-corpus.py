#!/usr/bin/env python3
"""Writes a folder of varied xlsx workbooks for scripts/xlsx-loss-report.py:

    python3 scripts/make-xlsx-corpus.py FOLDER

  xlsxwriter-rich.xlsx     scripts/make-rich-xlsx.py: styles, merges, table, chart, image, comments …
  openpyxl-styled.xlsx     written by openpyxl: fonts, fills, borders, merges, validation,
                           conditional formatting, comments, a hyperlink, a bar chart, print
                           titles, freeze panes, a hidden sheet, document properties
  libreoffice.xlsx         the rich workbook saved again by LibreOffice (its own way of writing
                           xlsx: shared formulas, styles), when soffice is installed
  macro.xlsm               a macro-enabled workbook with a vbaProject.bin part (the bytes are a
                           stand-in: the part must come back unchanged, not run)
  pivot.xlsx               a pivot table with its cache definition and records
  external-link.xlsx       a formula reading another workbook ([1]Budget!B2) with its externalLink part

Needs XlsxWriter and openpyxl (pip install xlsxwriter openpyxl).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def openpyxl_styled(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Post", "Belopp", "Andel"])
    for i, (name, amount) in enumerate([("Lön", 620000), ("Hyra", 180000), ("Resor", 45000)], start=2):
        sheet.append([name, amount, f"=B{i}/SUM($B$2:$B$4)"])
    sheet["A5"], sheet["B5"] = "Summa", "=SUM(B2:B4)"
    thin = Side(style="thin")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
        cell.border = Border(bottom=thin)
    for row in range(2, 6):
        sheet[f"B{row}"].number_format = "#,##0"
        sheet[f"C{row}"].number_format = "0.0%"
    sheet["A7"] = "Anteckning"
    sheet.merge_cells("A7:C7")
    sheet["A7"].alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[7].height = 40
    sheet.column_dimensions["A"].width = 18
    sheet["B2"].comment = Comment("Enligt avtal", "Anna")
    validation = DataValidation(type="whole", operator="between", formula1="0", formula2="10000000")
    sheet.add_data_validation(validation)
    validation.add("B2:B4")
    sheet.conditional_formatting.add("B2:B4", CellIsRule(operator="greaterThan", formula=["500000"], fill=PatternFill("solid", fgColor="FFC7CE")))
    sheet["A9"] = "Kammarkollegiet"
    sheet["A9"].hyperlink = "https://www.kammarkollegiet.se/"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    sheet.add_chart(chart, "E2")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    hidden = book.create_sheet("Dold")
    hidden["A1"] = "hemlig"
    hidden.sheet_state = "hidden"
    book.properties.title = "Budget 2026"
    book.properties.creator = "Anna Andersson"
    book.save(path)


def libreoffice_roundtrip(source, path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: libreoffice.xlsx is not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as directory:
        copy = os.path.join(directory, "libreoffice.ods")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{directory}/profile", "--convert-to", "ods",
                        "--outdir", directory, source], check=True, capture_output=True)
        ods = os.path.join(directory, os.path.splitext(os.path.basename(source))[0] + ".ods")
        os.rename(ods, copy)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{directory}/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", directory, copy], check=True, capture_output=True)
        shutil.copy(os.path.join(directory, "libreoffice.xlsx"), path)


def macro_workbook(path):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Blad1")
    sheet.write("A1", 10)
    sheet.write_formula("A2", "=A1*2", None, 20)
    # A stand-in for the compiled VBA project: the part must survive byte for byte.
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as stand_in:
        stand_in.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    book.add_vba_project(stand_in.name)
    book.close()
    os.unlink(stand_in.name)


def package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def pivot_workbook(path):
    """A pivot table summing Belopp by Region over Data!A1:B5, with its cache."""
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
             '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>'
             '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>')
    rows = [("Norr", 100), ("Syd", 200), ("Norr", 50), ("Syd", 25)]
    data = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{r}</t></is></c><c r="B{i}"><v>{v}</v></c></row>' for i, (r, v) in enumerate(rows, start=2))
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Pivot" sheetId="2" r:id="rId2"/></sheets><pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c><c r="B1" t="inlineStr"><is><t>Belopp</t></is></c></row>{data}<row r="7"><c r="A7" t="inlineStr"><is><t>Summa</t></is></c><c r="B7"><f>SUM(B2:B5)</f><v>375</v></c></row></sheetData></worksheet>',
        "xl/worksheets/sheet2.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c><c r="B1" t="inlineStr"><is><t>Summa av Belopp</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Norr</t></is></c><c r="B2"><v>150</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Syd</t></is></c><c r="B3"><v>225</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Totalsumma</t></is></c><c r="B4"><v>375</v></c></row></sheetData></worksheet>',
        "xl/worksheets/_rels/sheet2.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
        "xl/pivotCache/pivotCacheDefinition1.xml": f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rId1" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A1:B5" sheet="Data"/></cacheSource><cacheFields count="2"><cacheField name="Region" numFmtId="0"><sharedItems count="2"><s v="Norr"/><s v="Syd"/></sharedItems></cacheField><cacheField name="Belopp" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="25" maxValue="200"/></cacheField></cacheFields></pivotCacheDefinition>',
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
        "xl/pivotCache/pivotCacheRecords1.xml": f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheRecords xmlns="{MAIN}" count="4"><r><x v="0"/><n v="100"/></r><r><x v="1"/><n v="200"/></r><r><x v="0"/><n v="50"/></r><r><x v="1"/><n v="25"/></r></pivotCacheRecords>',
        "xl/pivotTables/pivotTable1.xml": f'<?xml version="1.0" encoding="UTF-8"?><pivotTableDefinition xmlns="{MAIN}" name="Pivottabell1" cacheId="1" dataCaption="Värden" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A1:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Summa av Belopp" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>',
        "xl/pivotTables/_rels/pivotTable1.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
    }
    package(path, parts)


def external_link_workbook(path):
    """B1 = [1]Budget!B2*2, with the link to budget.xlsx and the value Excel cached from it."""
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets><externalReferences><externalReference r:id="rId2"/></externalReferences></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>[1]Budget!B2*2</f><v>1240000</v></c><c r="C1"><f>B1+A1</f><v>1240001</v></c></row></sheetData></worksheet>',
        "xl/externalLinks/externalLink1.xml": f'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="{MAIN}" xmlns:r="{REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Budget"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>620000</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
        "xl/externalLinks/_rels/externalLink1.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/externalLinkPath" Target="budget.xlsx" TargetMode="External"/></Relationships>',
    }
    package(path, parts)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-xlsx-corpus.py FOLDER")
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    rich = os.path.join(folder, "xlsxwriter-rich.xlsx")
    subprocess.run([sys.executable, os.path.join(HERE, "make-rich-xlsx.py"), rich], check=True)
    openpyxl_styled(os.path.join(folder, "openpyxl-styled.xlsx"))
    libreoffice_roundtrip(rich, os.path.join(folder, "libreoffice.xlsx"))
    macro_workbook(os.path.join(folder, "macro.xlsm"))
    pivot_workbook(os.path.join(folder, "pivot.xlsx"))
    external_link_workbook(os.path.join(folder, "external-link.xlsx"))
