import Foundation
import KalkylEngine

/// How xlsx files tell Excel 365's dynamic-array formulas from legacy ones: the cell carries
/// `cm="1"`, an index into xl/metadata.xml's cell metadata, whose entry says "dynamic array"
/// (XLDAPR); the formula is stored as `<f t="array" ref="…">` over the cells it spills into.
/// A formula without it is legacy, and Excel 365 reads it with implicit intersection (see
/// `LegacyFormula`). Kalkyl writes a formula as legacy exactly when reading it back as legacy
/// gives the same formula; every other formula is written as a dynamic array.
enum DynamicArrayXML {
    static let part = "xl/metadata.xml"
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata"

    /// The metadata part Excel 365 writes for dynamic arrays: one cell-metadata entry, `cm="1"`.
    static let metadata = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>"#

    /// Whether a metadata part, as a file has it, makes `cm="1"` mean a dynamic array: its only
    /// metadata type is XLDAPR and its first cell-metadata entry points at it.
    static func metadataMarksDynamicArrays(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        return text.contains(#"name="XLDAPR""#) && text.contains(#"<metadataTypes count="1">"#) && text.contains(#"<rc t="1" v="0"/>"#)
    }

    /// The `<f>` element of a cell's formula, and whether the cell needs `cm="1"`. `texts`: what
    /// one save has worked out for formulas shared by many cells.
    static func formula(_ formula: CompiledFormula, at location: CellLocation, in workbook: Workbook, prefix p: String = "",
                        texts: FormulaTexts = FormulaTexts()) -> (element: String, isDynamic: Bool) {
        let address = location.address
        let spill = workbook.spill(at: location)
        let forms = texts.forms(of: formula, sheet: Int(location.sheet), in: workbook)
        if spill == nil, let legacy = forms.legacy {
            return ("<\(p)f>" + XMLText.escape(legacy.text(at: address)) + "</\(p)f>", false)
        }
        let area = spill.flatMap { $0.isBlocked ? nil : $0.area } ?? CellRange(address)
        let text = XMLText.escape(forms.dynamic.text(at: address))
        return (#"<\#(p)f t="array" ref="\#(area)">"# + text + "</\(p)f>", true)
    }

    /// The xlsx texts of formulas, worked out once for all the cells that share one (a
    /// filled-down column shares one `CompiledFormula`): whether it is written as legacy, and
    /// its templates. ALLOCATE is written per cell (its translation depends on the cell).
    final class FormulaTexts {
        struct Forms {
            /// The legacy form, when the formula is written as legacy (unless it spills).
            var legacy: Text?
            var dynamic: Text
        }

        /// A formula's text at a cell.
        struct Text {
            var expression: KalkylEngine.Expression
            var template: FormulaTemplate?

            init(_ expression: KalkylEngine.Expression) {
                self.expression = expression
                template = expression.containsCall { name, _ in name == "ALLOCATE" } ? nil : FormulaTemplate(expression, style: .xlsx)
            }

            func text(at host: CellAddress) -> String {
                template?.text(at: host) ?? XlsxFormulaTranslation.formula(expression, at: host)
            }
        }

        private struct Key: Hashable {
            var formula: ObjectIdentifier
            var sheet: Int
        }

        /// The formulas are kept with their forms, so no identifier is reused while cached.
        private var cached: [Key: (formula: CompiledFormula, forms: Forms)] = [:]

        func forms(of formula: CompiledFormula, sheet: Int, in workbook: Workbook) -> Forms {
            let key = Key(formula: ObjectIdentifier(formula), sheet: sheet)
            if let known = cached[key] { return known.forms }
            let legacy = LegacyFormula.legacyForm(of: formula.expression, isMultiCellName: { workbook.nameMayBeArray($0, fromSheet: sheet) })
            let forms = Forms(legacy: legacy.map(Text.init), dynamic: Text(formula.expression))
            if cached.count < 4096 { cached[key] = (formula, forms) }
            return forms
        }
    }
}
