import Foundation

/// The form as an A4 PDF to print, sign and send: the addressee and both diarienummer at the
/// top of every page, the sections as ruled rows whose texts wrap, cost items row by row, the
/// chosen alternative's box crossed, 20 mm to sign in, and "Sida 1 av 2" at the foot. A form
/// that does not fit flows onto more pages, a section going on under its title "(forts.)".
public enum PDFFormRenderer {
    public static func render(_ form: FilledForm, draft: Bool = false) -> Data {
        var flow = Flow(layout: FormLayout(form, draft: draft))
        flow.run()
        return PDFWriter.document(flow.finishedPages(), title: flow.layout.footer)
    }
}

/// Lays the form out page by page.
private struct Flow {
    let layout: FormLayout
    static let margin = 48.0, top = 34.0, bottom = 38.0
    static let size = 9.0, leading = 11.0, padding = 3.0
    static let contentWidth = PDFPage.width - 2 * margin
    static let labelWidth = contentWidth * 0.38
    static let amountWidth = 90.0
    /// 20.5 mm, room for a signature.
    static let signatureHeight = 58.0

    var pages: [PDFPage] = []
    var page = PDFPage()
    var y = 0.0
    var section: FormLayout.Section?

    init(layout: FormLayout) { self.layout = layout }

    mutating func run() {
        startPage()
        for section in layout.sections {
            // A page break before the title starts the new page with it, not with "(forts.)".
            self.section = nil
            sectionTitle(section, continued: false)
            self.section = section
            for item in section.items { draw(item) }
        }
        pages.append(page)
    }

    /// The pages with their footers, now that their number is known.
    func finishedPages() -> [PDFPage] {
        pages.enumerated().map { index, page in
            var page = page
            let baseline = PDFPage.height - Flow.bottom + 20
            page.line(from: (Flow.margin, baseline - 11), to: (PDFPage.width - Flow.margin, baseline - 11), width: 0.3)
            page.text(layout.footer, x: Flow.margin, baseline: baseline, font: .regular, size: 8)
            let number = "Sida \(index + 1) av \(pages.count)"
            page.text(number, x: PDFPage.width - Flow.margin - StandardFont.regular.width(of: number, size: 8), baseline: baseline, font: .regular, size: 8)
            return page
        }
    }

    // MARK: Pages

    private mutating func startPage() {
        page = PDFPage()
        y = Flow.top
        var left = y
        if layout.isDraft {
            page.text("UTKAST – INTE GILTIG", x: Flow.margin, baseline: left + 9, font: .bold, size: 10)
            left += 14
        }
        // The first page is headed in full; the following ones carry the same facts smaller.
        let first = pages.isEmpty
        page.text(layout.title, x: Flow.margin, baseline: left + (first ? 16 : 11), font: .bold, size: first ? 18 : 12)
        left += first ? 22 : 15
        if let subtitle = layout.subtitle, first {
            for line in Flow.wrap(subtitle, width: Flow.contentWidth * 0.55, font: .regular, size: 10) {
                page.text(line, x: Flow.margin, baseline: left + 11, font: .regular, size: 10)
                left += 13
            }
        }
        var right = y
        let size = first ? 9.0 : 7.5
        for (index, line) in layout.addressee.enumerated() {
            let font: StandardFont = index == 0 ? .bold : .regular
            let width = font.width(of: line, size: size)
            page.text(line, x: PDFPage.width - Flow.margin - width, baseline: right + size + 1, font: font, size: size)
            right += size + 2.5
        }
        y = max(left, right) + (first ? 10 : 4)
    }

    private var bottomEdge: Double { PDFPage.height - Flow.bottom }

    /// Makes room for `height` points, starting a new page (with the section's title again) if needed.
    private mutating func ensure(_ height: Double) {
        guard y + height > bottomEdge, y > Flow.top + 80 else { return }
        // Close whatever block the page ends in (a list of cost items).
        page.line(from: (Flow.margin, y), to: (PDFPage.width - Flow.margin, y))
        pages.append(page)
        startPage()
        if let section { sectionTitle(section, continued: true) }
    }

    // MARK: Items

    private mutating func sectionTitle(_ section: FormLayout.Section, continued: Bool) {
        let height = 15.0
        if !continued { ensure(height + 3 * Flow.leading) }
        y += continued ? 0 : 4
        page.rectangle(x: Flow.margin, top: y, width: Flow.contentWidth, height: height, fill: 0.9, stroke: 0.8)
        page.text("\(section.number). \(section.title)" + (continued ? " (forts.)" : ""), x: Flow.margin + Flow.padding, baseline: y + 11, font: .bold, size: 10)
        y += height
    }

    private mutating func draw(_ item: FormLayout.Item) {
        switch item {
        case .field(let label, let value, let isAmount):
            row(label: label, value: value, alignRight: isAmount)
        case .paragraph(let text):
            let lines = Flow.wrap(text, width: Flow.contentWidth - 2 * Flow.padding, font: .regular, size: Flow.size)
            let height = Double(lines.count) * Flow.leading + 2 * Flow.padding
            ensure(height)
            page.rectangle(x: Flow.margin, top: y, width: Flow.contentWidth, height: height)
            textLines(lines, x: Flow.margin + Flow.padding, top: y)
            y += height
        case .choice(let chosen, let text):
            let box = 9.0
            let x = Flow.margin + Flow.padding
            let font: StandardFont = chosen ? .bold : .regular
            let lines = Flow.wrap(text, width: Flow.contentWidth - 3 * Flow.padding - box - 5, font: font, size: Flow.size)
            let height = Double(lines.count) * Flow.leading + 2 * Flow.padding
            ensure(height)
            page.rectangle(x: Flow.margin, top: y, width: Flow.contentWidth, height: height)
            let boxTop = y + Flow.padding + 1
            page.rectangle(x: x, top: boxTop, width: box, height: box, stroke: 0.8)
            if chosen {
                page.line(from: (x + 1.5, boxTop + 1.5), to: (x + box - 1.5, boxTop + box - 1.5), width: 1.2)
                page.line(from: (x + 1.5, boxTop + box - 1.5), to: (x + box - 1.5, boxTop + 1.5), width: 1.2)
            }
            textLines(lines, x: x + box + 5, top: y, font: font)
            y += height
        case .signature(let label):
            ensure(Flow.signatureHeight)
            frame(height: Flow.signatureHeight)
            textLines([label], x: Flow.margin + Flow.padding, top: y)
            let lineY = y + Flow.signatureHeight - 10
            page.line(from: (Flow.margin + Flow.labelWidth + 10, lineY), to: (PDFPage.width - Flow.margin - 10, lineY), width: 0.6)
            y += Flow.signatureHeight
        case .costs(let label, let lines):
            if lines.isEmpty { return row(label: label, value: "", alignRight: false) }
            for (index, line) in lines.enumerated() {
                costRow(label: index == 0 ? label : "", line: line)
            }
        }
    }

    /// A label and its value side by side, both wrapped.
    private mutating func row(label: String, value: String, alignRight: Bool) {
        let labelLines = Flow.wrap(label, width: Flow.labelWidth - 2 * Flow.padding, font: .regular, size: Flow.size)
        let valueWidth = Flow.contentWidth - Flow.labelWidth - 2 * Flow.padding
        let valueLines = Flow.wrap(value, width: valueWidth, font: .bold, size: Flow.size)
        let height = Double(max(labelLines.count, valueLines.count, 1)) * Flow.leading + 2 * Flow.padding
        ensure(height)
        frame(height: height)
        textLines(labelLines, x: Flow.margin + Flow.padding, top: y)
        if alignRight {
            for (i, line) in valueLines.enumerated() {
                let x = PDFPage.width - Flow.margin - Flow.padding - StandardFont.bold.width(of: line, size: Flow.size)
                page.text(line, x: x, baseline: y + Flow.padding + Flow.size + Double(i) * Flow.leading, font: .bold, size: Flow.size)
            }
        } else {
            textLines(valueLines, x: Flow.margin + Flow.labelWidth + Flow.padding, top: y, font: .bold)
        }
        y += height
    }

    /// One cost item, set a little smaller than the fields so that a long list stays short:
    /// its text wrapped beside its amount, right-aligned, under a hairline.
    private mutating func costRow(label: String, line: FormLayout.CostLine) {
        let size = 8.0, leading = 9.2, padding = 1.4
        let labelLines = label.isEmpty ? [] : Flow.wrap(label, width: Flow.labelWidth - 2 * Flow.padding, font: .regular, size: Flow.size)
        let itemWidth = Flow.contentWidth - Flow.labelWidth - Flow.amountWidth - 3 * Flow.padding
        let itemLines = Flow.wrap(line.item, width: itemWidth, font: .regular, size: size)
        let labelHeight = Double(labelLines.count) * Flow.leading + 2 * Flow.padding
        let height = max(labelHeight, Double(max(itemLines.count, 1)) * leading + 2 * padding)
        ensure(height)
        page.line(from: (Flow.margin, y), to: (Flow.margin, y + height))
        page.line(from: (Flow.margin + Flow.labelWidth, y), to: (Flow.margin + Flow.labelWidth, y + height))
        page.line(from: (PDFPage.width - Flow.margin, y), to: (PDFPage.width - Flow.margin, y + height))
        page.line(from: (Flow.margin + Flow.labelWidth, y + height), to: (PDFPage.width - Flow.margin, y + height), width: 0.2)
        if !label.isEmpty { page.line(from: (Flow.margin, y), to: (PDFPage.width - Flow.margin, y)) }
        textLines(labelLines, x: Flow.margin + Flow.padding, top: y)
        for (i, text) in itemLines.enumerated() {
            page.text(text, x: Flow.margin + Flow.labelWidth + Flow.padding, baseline: y + padding + size + Double(i) * leading, font: .regular, size: size)
        }
        let amountX = PDFPage.width - Flow.margin - Flow.padding - StandardFont.regular.width(of: line.amount, size: size)
        page.text(line.amount, x: amountX, baseline: y + padding + size, font: .regular, size: size)
        y += height
    }

    /// The box of a label-and-value row.
    private mutating func frame(height: Double) {
        page.rectangle(x: Flow.margin, top: y, width: Flow.contentWidth, height: height)
        page.line(from: (Flow.margin + Flow.labelWidth, y), to: (Flow.margin + Flow.labelWidth, y + height))
    }

    private mutating func textLines(_ lines: [String], x: Double, top: Double, font: StandardFont = .regular) {
        for (i, line) in lines.enumerated() {
            page.text(line, x: x, baseline: top + Flow.padding + Flow.size + Double(i) * Flow.leading, font: font, size: Flow.size)
        }
    }

    static func wrap(_ text: String, width: Double, font: StandardFont, size: Double) -> [String] {
        PDFTextWrap.lines(text, width: width, font: font, size: size)
    }
}
