import ArgumentParser
import Foundation
import KalkylEngine
import KalkylFormats

/// `--locale sv|en` of the commands that read typed values or show them: how `7 000 000`,
/// `1,5` and `12 %` are read. Without it: `KALKYL_LOCALE`, the workbook's `locale` line, then
/// `LC_ALL`/`LANG` (see `WorkbookDocument.sessionLocale`).
struct LocaleOption: ParsableArguments {
    @Option(name: .customLong("locale"), help: "sv or en: how typed numbers are read (default: $KALKYL_LOCALE, the workbook's locale, $LANG).")
    var code: String?

    func asked() throws -> SpreadsheetLocale? {
        guard let code else { return nil }
        guard let locale = SpreadsheetLocale(code: code) else { throw CommandFailure.input("--locale takes sv or en, not '\(code)'") }
        return locale
    }

    func resolve(for document: WorkbookDocument) throws -> SpreadsheetLocale {
        document.sessionLocale(asked: try asked(), environment: ProcessInfo.processInfo.environment)
    }
}
