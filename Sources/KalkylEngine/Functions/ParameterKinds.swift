/// How Excel's functions take their parameters, the one table both the legacy reading of xlsx
/// formulas and the evaluator use:
///
/// - `v` value: one value. A range there meets the formula's row or column in a legacy formula
///   (Excel 365 shows it with `@`); in a dynamic formula an array there makes the function
///   give an array, one result per element (`=COUNTIF(A:A,{"a","b"})` is two counts,
///   `=VLOOKUP(D2:D4,T,2,0)` three lookups);
/// - `r` reference: the cells themselves (SUM's ranges, OFFSET's base, INDEX's area); an
///   expression there is computed as a value in a legacy formula (`=SUM(A1:A3*2)` was
///   `=SUM(@A1:A3*2)` without Ctrl+Shift+Enter);
/// - `a` array: a whole array, in every formula (SUMPRODUCT, MMULT, LOOKUP's vectors …);
/// - `p` passed through: the function's result, computed as the formula around it is (IF's
///   branches, CHOOSE's choices, IFERROR's value).
///
/// A signature lists the parameters in order; the part in parentheses repeats for the rest
/// (`r(rv)` for SUMIFS: the sum range, then criteria range and criterion pairs). Functions of
/// single values (ROUND, LEFT, DATE …) take values everywhere and are not listed; they are
/// `FunctionDefinition.liftsArrays`. Functions not listed keep their arguments as given.
enum ParameterKinds {
    enum Kind: Character { case value = "v", reference = "r", array = "a", passThrough = "p" }

    static let signatures: [String: String] = [
        // Aggregates over references.
        "SUM": "(r)", "PRODUCT": "(r)", "AVERAGE": "(r)", "AVERAGEA": "(r)", "COUNT": "(r)", "COUNTA": "(r)",
        "COUNTBLANK": "r", "MIN": "(r)", "MAX": "(r)", "MINA": "(r)", "MAXA": "(r)", "MEDIAN": "(r)", "MODE": "(r)",
        "MODE.SNGL": "(r)", "STDEV": "(r)", "STDEV.S": "(r)", "STDEV.P": "(r)", "STDEVP": "(r)", "VAR": "(r)", "VAR.S": "(r)",
        "VAR.P": "(r)", "VARP": "(r)", "SUMSQ": "(r)", "GEOMEAN": "(r)", "HARMEAN": "(r)", "AVEDEV": "(r)", "DEVSQ": "(r)",
        "SUBTOTAL": "v(r)", "AGGREGATE": "vv(r)", "NPV": "v(r)",
        // Criteria.
        "COUNTIF": "rv", "SUMIF": "rvr", "AVERAGEIF": "rvr", "COUNTIFS": "(rv)", "SUMIFS": "r(rv)", "AVERAGEIFS": "r(rv)",
        "MINIFS": "r(rv)", "MAXIFS": "r(rv)",
        // Lookup and reference.
        "VLOOKUP": "vavv", "HLOOKUP": "vavv", "MATCH": "vav", "XMATCH": "vavv", "XLOOKUP": "vaavvv", "LOOKUP": "vaa",
        "INDEX": "rvvv", "OFFSET": "rvvvv", "ROW": "r", "COLUMN": "r", "ROWS": "a", "COLUMNS": "a", "AREAS": "r",
        "ISREF": "r", "FORMULATEXT": "r", "ISFORMULA": "r", "CELL": "vr", "SHEET": "r", "SHEETS": "r",
        // Whole arrays.
        "SUMPRODUCT": "(a)", "MMULT": "aa", "MINVERSE": "a", "MDETERM": "a", "TRANSPOSE": "a", "FREQUENCY": "aa",
        "SUMX2MY2": "aa", "SUMX2PY2": "aa", "SUMXMY2": "aa", "CORREL": "aa", "PEARSON": "aa", "COVAR": "aa", "RSQ": "aa",
        "SLOPE": "aa", "INTERCEPT": "aa", "STEYX": "aa", "LINEST": "aavv", "LOGEST": "aavv", "TREND": "aaav", "GROWTH": "aaav",
        "CONCAT": "(a)", "TEXTJOIN": "vv(a)", "AND": "(a)", "OR": "(a)", "XOR": "(a)", "IRR": "av", "MIRR": "avv",
        "XNPV": "vaa", "XIRR": "aav", "FVSCHEDULE": "va",
        "LARGE": "av", "SMALL": "av", "RANK": "vrv", "RANK.EQ": "vrv", "RANK.AVG": "vrv", "PERCENTILE": "av",
        "PERCENTILE.INC": "av", "PERCENTILE.EXC": "av", "QUARTILE": "av", "QUARTILE.INC": "av", "QUARTILE.EXC": "av",
        "TRIMMEAN": "av",
        // Branches pass their choice through.
        "IF": "vpp", "IFERROR": "pp", "IFNA": "pp", "CHOOSE": "v(p)", "IFS": "(vp)",
    ]

    struct Signature {
        var fixed: [Kind], repeating: [Kind]

        func kind(at index: Int) -> Kind? {
            if index < fixed.count { return fixed[index] }
            guard !repeating.isEmpty else { return nil }
            return repeating[(index - fixed.count) % repeating.count]
        }
    }

    /// The kind of parameter `index` (from 0) of `function`; nil when the function is not listed.
    static func kind(of function: String, at index: Int) -> Kind? { parsed[function]?.kind(at: index) }

    private static let parsed: [String: Signature] = signatures.mapValues { text in
        let parts = text.split(separator: "(", maxSplits: 1)
        let fixed = text.hasPrefix("(") ? [] : parts[0].compactMap { Kind(rawValue: $0) }
        let repeating = text.contains("(") ? (parts.last ?? "").compactMap { Kind(rawValue: $0) } : []
        return Signature(fixed: fixed, repeating: repeating)
    }

    /// Per function id, the signature when Excel 365 gives one result per element of an array
    /// passed as a value there (the listed functions that take a value somewhere but are not
    /// branches); nil for the rest. By id, so that a call needs no lookup by name.
    static let liftingSignatures: [Signature?] = FunctionRegistry.definitions.map { definition in
        // OFFSET's and TEXTJOIN's values take no array in Excel 365 either (TEXTJOIN cycles its delimiters).
        guard !definition.liftsArrays, !["OFFSET", "TEXTJOIN"].contains(definition.name),
              let signature = parsed[definition.name] else { return nil }
        let kinds = signature.fixed + signature.repeating
        return kinds.contains(.value) && !kinds.contains(.passThrough) ? signature : nil
    }
}
