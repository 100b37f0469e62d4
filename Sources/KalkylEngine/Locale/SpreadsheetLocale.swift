/// How people of one language write and read a spreadsheet: the separators of numbers and of
/// formulas, the names of functions, truth values and errors, percent and currency. Files keep
/// Excel's canonical form (English names, `,` between arguments, `.` for decimals); a locale is
/// applied at the edges, where a person types or reads. Swedish and English to begin with.
///
/// Array constants: Excel takes their separators from the regional settings. With the list
/// separator `;` the rows of an array are separated by `;` as in English, and its columns by
/// `\` (Excel's documentation of array constants shows `.` for German, where the period is
/// free; Swedish Excel writes `{1\2\3;4\5\6}`).
public struct SpreadsheetLocale: Hashable, Sendable, CustomStringConvertible {
    /// `sv` or `en`.
    public let code: String
    public let decimalSeparator: Character
    /// Between groups of three digits when a number is shown.
    public let groupingSeparator: Character
    /// Accepted between groups of three digits in typed numbers.
    public let groupingSeparatorsAccepted: Set<Character>
    /// Between a function's arguments in formulas.
    public let listSeparator: Character
    public let arrayColumnSeparator: Character
    public let arrayRowSeparator: Character
    public let trueName: String
    public let falseName: String
    /// What stands between a number and its percent sign when shown (`1,5 %` in Swedish).
    public let percentSpacing: String
    /// The currency written after amounts (`1 234 kr`), if the locale has one.
    public let currencySuffix: String?
    /// The number format of a typed date.
    public let dateFormat: String
    /// The months' names, January first, which typed dates may use (`5 juli 2011`).
    public let monthNames: [String]
    /// Whether a date written with slashes has the day first (`5/7` is 5 July in Swedish, May 7 in English).
    public var dayBeforeMonth: Bool { code == "sv" }
    private let localFunctionNames: [String: String]
    private let canonicalFunctionNames: [String: String]
    private let errorNames: [FormulaError: String]

    public var description: String { code }

    public static let english = SpreadsheetLocale(
        code: "en", decimalSeparator: ".", groupingSeparator: ",", groupingSeparatorsAccepted: [","], listSeparator: ",",
        arrayColumnSeparator: ",", arrayRowSeparator: ";", trueName: "TRUE", falseName: "FALSE", percentSpacing: "",
        currencySuffix: nil, dateFormat: "yyyy-mm-dd",
        monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        functionNames: [:], errorNames: [:])

    /// Swedish as Swedish Excel and LibreOffice write it. Numbers are shown with a space between
    /// thousands (`3 981 450`); a space, a no-break space or a narrow no-break space is read.
    public static let swedish = SpreadsheetLocale(
        code: "sv", decimalSeparator: ",", groupingSeparator: " ", groupingSeparatorsAccepted: [" ", "\u{00A0}", "\u{202F}"],
        listSeparator: ";", arrayColumnSeparator: "\\", arrayRowSeparator: ";", trueName: "SANT", falseName: "FALSKT",
        percentSpacing: " ", currencySuffix: "kr", dateFormat: "yyyy-mm-dd",
        monthNames: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        functionNames: SwedishNames.functions,
        errorNames: SwedishNames.errors)

    public static let all = [english, swedish]

    private init(code: String, decimalSeparator: Character, groupingSeparator: Character, groupingSeparatorsAccepted: Set<Character>,
                 listSeparator: Character, arrayColumnSeparator: Character, arrayRowSeparator: Character, trueName: String,
                 falseName: String, percentSpacing: String, currencySuffix: String?, dateFormat: String,
                 monthNames: [String], functionNames: [String: String], errorNames: [FormulaError: String]) {
        self.monthNames = monthNames
        self.code = code
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.groupingSeparatorsAccepted = groupingSeparatorsAccepted
        self.listSeparator = listSeparator
        self.arrayColumnSeparator = arrayColumnSeparator
        self.arrayRowSeparator = arrayRowSeparator
        self.trueName = trueName
        self.falseName = falseName
        self.percentSpacing = percentSpacing
        self.currencySuffix = currencySuffix
        self.dateFormat = dateFormat
        localFunctionNames = functionNames
        var canonical: [String: String] = [:]
        for (english, local) in functionNames { canonical[local] = english }
        canonicalFunctionNames = canonical
        self.errorNames = errorNames
    }

    /// `sv`, `sv_SE.UTF-8`, `en`, `C` …: Swedish for any Swedish code, English for the rest.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "sv" || lower.hasPrefix("sv_") || lower.hasPrefix("sv-") || lower == "swedish" || lower == "svenska" {
            self = .swedish
        } else if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-") || lower == "english" || lower == "c" || lower == "posix" {
            self = .english
        } else {
            return nil
        }
    }

    /// The locale a session takes when none is given: `KALKYL_LOCALE`, then `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` as POSIX orders them (Swedish for `sv_*`), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> SpreadsheetLocale {
        if let explicit = environment["KALKYL_LOCALE"], let locale = SpreadsheetLocale(code: explicit) { return locale }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("sv") ? .swedish : .english
        }
        return .english
    }

    // MARK: Names

    /// A function's name in this locale (`SUM` → `SUMMA`); unknown names stay as they are.
    public func localName(ofFunction canonical: String) -> String { localFunctionNames[canonical] ?? canonical }

    /// The canonical name of a function named in this locale (`SUMMA` → `SUM`), case-insensitively;
    /// nil when it is no local name.
    public func canonicalName(ofFunction local: String) -> String? { canonicalFunctionNames[local.uppercased()] }

    /// The canonical names with a name of their own in this locale.
    public var translatedFunctions: Dictionary<String, String>.Keys { localFunctionNames.keys }

    public func name(of error: FormulaError) -> String { errorNames[error] ?? error.code }

    /// An error value written in this locale or in English (`#SAKNAS!`, `#N/A`).
    public func error(named text: String) -> FormulaError? {
        let upper = text.uppercased()
        return errorNames.first(where: { $0.value == upper })?.key ?? FormulaError(code: text)
    }

    public var separators: NumberFormat.Separators {
        NumberFormat.Separators(decimal: String(decimalSeparator), thousands: String(groupingSeparator))
    }
}
