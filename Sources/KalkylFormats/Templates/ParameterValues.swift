import Foundation
import KalkylEngine

/// Filling a template's parameters: reading each given text as the parameter's type,
/// checking it, and putting it into the parameter's cell.
extension TemplateParameter {
    /// The value `text` stands for, or what is wrong with it (without the parameter's name).
    /// Numbers may be written as a Swede writes them: `400 000 000`, `12,5`, `2,5 %` (see
    /// `SpreadsheetLocale.number(from:)`), or as a plain English decimal, `12.5`.
    public func value(from text: String, locale: SpreadsheetLocale = .swedish) -> Result<Value, ParameterProblem> {
        let trimmed = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: " ")))
        // An optional parameter given as nothing leaves its cell empty; a required one must be given.
        if trimmed.isEmpty { return isRequired ? .failure(problem("is required")) : .success(.empty) }
        switch kind {
        case .text:
            return .success(.text(String(trimmed)))
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "ja", "sant", "1": return .success(.boolean(true))
            case "false", "nej", "falskt", "0": return .success(.boolean(false))
            default: return .failure(problem("must be TRUE or FALSE (ja/nej), got '\(text)'"))
            }
        case .date:
            guard let serial = NumberText.parseISODate(trimmed) else {
                return .failure(problem("must be a date written yyyy-mm-dd, got '\(text)'"))
            }
            return checkRange(serial, shown: String(trimmed))
        case .number, .integer:
            // As typed in the locale (templates are Swedish), or a plain English decimal (`0.25`).
            guard let number = (locale.number(from: text) ?? (text.contains(",") ? nil : SpreadsheetLocale.english.number(from: text)))?.value else {
                return .failure(problem("must be a number, got '\(text)'"))
            }
            if kind == .integer && number != number.rounded() {
                return .failure(problem("must be a whole number, got '\(text)'"))
            }
            return checkRange(number, shown: String(text))
        }
    }

    private func checkRange(_ number: Double, shown: String) -> Result<Value, ParameterProblem> {
        if let minimum, number < minimum {
            return .failure(problem("must be at least \(display(minimum)), got \(shown)"))
        }
        if let maximum, number > maximum {
            return .failure(problem("must be at most \(display(maximum)), got \(shown)"))
        }
        return .success(.number(number))
    }

    private func display(_ bound: Double) -> String {
        kind == .date ? NumberFormat("yyyy-mm-dd").format(bound) : NumberLiteral.text(bound)
    }

    private func problem(_ message: String) -> ParameterProblem {
        ParameterProblem(parameter: name, about: description, message: message)
    }
}

/// What is wrong with one parameter's value.
public struct ParameterProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var parameter: String
    /// The parameter's own description, so the message says what it is for.
    public var about: String
    public var message: String
    /// The label of the form field the parameter fills, which then names it instead.
    public var field: String?

    public init(parameter: String, about: String, message: String, field: String? = nil) {
        self.parameter = parameter
        self.about = about
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? "parameter '\(parameter)' (\(about)): \(message)" }
}

extension WorkbookDocument {
    /// Puts parameter values into their cells: `given` by name, the rest from their defaults
    /// (a required parameter with no default must be given). Checks everything first and changes nothing unless every value is right; the problems are
    /// all returned at once (unknown names, missing required values, bad values).
    /// `rule`, when given, checks each value's text before it is read (a form's field rules); it
    /// returns the problem, which then replaces the parameter's own reading of the value.
    public func fillParameters(_ given: [String: String], locale: SpreadsheetLocale? = nil,
                               rule: ((TemplateParameter, String) -> ParameterProblem?)? = nil) -> [ParameterProblem] {
        let locale = locale ?? self.locale ?? .swedish
        var problems: [ParameterProblem] = []
        let known = Set(parameters.map { $0.name.lowercased() })
        for name in given.keys.sorted() where !known.contains(name.lowercased()) {
            problems.append(ParameterProblem(parameter: name, about: "unknown",
                                             message: "no such parameter (the template has \(parameters.map(\.name).joined(separator: ", ")))"))
        }
        var edits: [(CellLocation, Value)] = []
        for parameter in parameters {
            let text = given.first(where: { $0.key.lowercased() == parameter.name.lowercased() })?.value ?? parameter.defaultValue
            guard let text else {
                // Without a value or default: an error if required, else the cell is left as it is.
                if parameter.isRequired {
                    problems.append(ParameterProblem(parameter: parameter.name, about: parameter.description, message: "is required"))
                }
                continue
            }
            if let problem = rule?(parameter, text) {
                problems.append(problem)
                continue
            }
            switch parameter.value(from: text, locale: locale) {
            case .failure(let problem): problems.append(problem)
            case .success(let value):
                guard let cell = parameter.cell else { continue }
                do {
                    edits.append((try workbook.location(of: cell), value))
                } catch {
                    problems.append(ParameterProblem(parameter: parameter.name, about: parameter.description,
                                                     message: "its cell \(cell) is not in the workbook: \(error)"))
                }
            }
        }
        guard problems.isEmpty else { return problems }
        for (location, value) in edits { try? workbook.set(.constant(value), at: location) }
        workbook.recalculate()
        return []
    }
}
