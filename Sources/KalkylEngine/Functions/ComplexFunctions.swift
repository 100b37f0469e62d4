import Foundation

/// Complex numbers as Excel writes them, text such as `3+4i` or `-2.5j`: COMPLEX builds one, the
/// IM… functions compute with them. Text that is no complex number is #NUM!; numbers are
/// complex numbers without an imaginary part. Results are written with 15 significant digits.
extension FunctionRegistry {
    static let complexFunctions: [FunctionDefinition] = [
        .scalar("COMPLEX", 2...3) { (args) throws(FormulaError) in
            let re = try args.number(0), im = try args.number(1)
            let suffix = args.isOmitted(2) ? "i" : try args.text(2)
            guard suffix == "i" || suffix == "j" else { throw FormulaError.value }
            return .text(Complex(re, im).text(suffix: suffix))
        },
        .scalar("IMREAL", 1...1) { (args) throws(FormulaError) in .number(try Complex(args, 0).re) },
        .scalar("IMAGINARY", 1...1) { (args) throws(FormulaError) in .number(try Complex(args, 0).im) },
        .scalar("IMABS", 1...1) { (args) throws(FormulaError) in .number(try Complex(args, 0).magnitude) },
        .scalar("IMARGUMENT", 1...1) { (args) throws(FormulaError) in
            let z = try Complex(args, 0)
            guard z.re != 0 || z.im != 0 else { throw FormulaError.divisionByZero }
            return .number(z.argument)
        },
        unaryComplex("IMCONJUGATE") { z in Complex(z.re, -z.im) },
        FunctionDefinition("IMSUM", 1...variadic) { (args) throws(FormulaError) in
            var total = Complex(0, 0)
            for z in try Complex.all(args) { total = total + z }
            return .value(try total.value(suffix: try Complex.suffix(args)))
        },
        FunctionDefinition("IMPRODUCT", 1...variadic) { (args) throws(FormulaError) in
            var product = Complex(1, 0)
            for z in try Complex.all(args) { product = product * z }
            return .value(try product.value(suffix: try Complex.suffix(args)))
        },
        .scalar("IMSUB", 2...2) { (args) throws(FormulaError) in
            try (try Complex(args, 0) - (try Complex(args, 1))).value(suffix: try Complex.suffix(args))
        },
        .scalar("IMDIV", 2...2) { (args) throws(FormulaError) in
            let a = try Complex(args, 0), b = try Complex(args, 1)
            guard b.re != 0 || b.im != 0 else { throw FormulaError.number }
            return try (a / b).value(suffix: try Complex.suffix(args))
        },
        .scalar("IMPOWER", 2...2) { (args) throws(FormulaError) in
            let z = try Complex(args, 0), n = try args.number(1)
            if z.re == 0 && z.im == 0 {
                guard n > 0 else { throw FormulaError.number }
                return .text("0")
            }
            let r = pow(z.magnitude, n), theta = z.argument * n
            return try Complex(r * cos(theta), r * sin(theta)).value(suffix: try Complex.suffix(args))
        },
        unaryComplex("IMSQRT") { z in
            let r = z.magnitude.squareRoot(), theta = z.argument / 2
            return Complex(r * cos(theta), r * sin(theta))
        },
        unaryComplex("IMEXP") { z in Complex(exp(z.re) * cos(z.im), exp(z.re) * sin(z.im)) },
        unaryComplex("IMLN", nonZero: true) { z in z.logarithm },
        unaryComplex("IMLOG10", nonZero: true) { z in z.logarithm.scaled(1 / log(10)) },
        unaryComplex("IMLOG2", nonZero: true) { z in z.logarithm.scaled(1 / log(2)) },
        unaryComplex("IMSIN") { z in z.sine },
        unaryComplex("IMCOS") { z in z.cosine },
        unaryComplex("IMTAN") { z in z.sine / z.cosine },
        unaryComplex("IMSINH") { z in Complex(sinh(z.re) * cos(z.im), cosh(z.re) * sin(z.im)) },
        unaryComplex("IMCOSH") { z in Complex(cosh(z.re) * cos(z.im), sinh(z.re) * sin(z.im)) },
        unaryComplex("IMSEC") { z in Complex(1, 0) / z.cosine },
        unaryComplex("IMCSC") { z in Complex(1, 0) / z.sine },
        unaryComplex("IMCOT") { z in z.cosine / z.sine },
        unaryComplex("IMSECH") { z in Complex(1, 0) / Complex(cosh(z.re) * cos(z.im), sinh(z.re) * sin(z.im)) },
        unaryComplex("IMCSCH") { z in Complex(1, 0) / Complex(sinh(z.re) * cos(z.im), cosh(z.re) * sin(z.im)) },
    ]

    private static func unaryComplex(_ name: String, nonZero: Bool = false, _ body: @escaping @Sendable (Complex) -> Complex) -> FunctionDefinition {
        .scalar(name, 1...1) { (args) throws(FormulaError) in
            let z = try Complex(args, 0)
            if nonZero { guard z.re != 0 || z.im != 0 else { throw FormulaError.number } }
            return try body(z).value(suffix: try Complex.suffix(args))
        }
    }
}

struct Complex {
    var re: Double
    var im: Double
    /// The suffix it was written with, which results keep.
    var suffix: String?

    init(_ re: Double, _ im: Double) {
        self.re = re
        self.im = im
    }

    init(_ args: Arguments, _ i: Int) throws(FormulaError) {
        switch args.scalar(i) {
        case .number(let n): self.init(n, 0)
        case .empty: self.init(0, 0)
        case .boolean: throw FormulaError.value
        case .error(let e): throw e
        case .text(let s): self = try Complex.parse(s)
        }
    }

    /// `a`, `bi`, `a+bi`, `a-bj`, `i`, `-i`, with numbers as Excel writes them (`1.5E-3`).
    static func parse(_ text: String) throws(FormulaError) -> Complex {
        var s = Substring(text)
        guard !s.isEmpty else { return Complex(0, 0) }
        var suffix: String?
        if s.last == "i" || s.last == "j" { suffix = String(s.last!); s = s.dropLast() }
        func number(_ t: Substring) -> Double? {
            guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
            return Double(t)
        }
        guard let suffix else {
            guard let re = number(s) else { throw FormulaError.number }
            return Complex(re, 0)
        }
        // Split at the last sign that is not the start or an exponent's.
        var split: Substring.Index?
        var i = s.endIndex
        while i > s.startIndex {
            i = s.index(before: i)
            if (s[i] == "+" || s[i] == "-") && i > s.startIndex {
                let before = s[s.index(before: i)]
                if before != "e" && before != "E" { split = i; break }
            }
        }
        let realPart = split.map { s[..<$0] } ?? "", imaginaryPart = split.map { s[$0...] } ?? s
        let im: Double
        switch imaginaryPart {
        case "", "+": im = 1
        case "-": im = -1
        default:
            guard let n = number(imaginaryPart) else { throw FormulaError.number }
            im = n
        }
        let re: Double
        if realPart.isEmpty { re = 0 } else {
            guard let n = number(realPart) else { throw FormulaError.number }
            re = n
        }
        var z = Complex(re, im)
        z.suffix = suffix
        return z
    }

    /// Every complex number of the arguments (ranges and arrays element by element).
    static func all(_ args: Arguments) throws(FormulaError) -> [Complex] {
        var result: [Complex] = []
        for i in 0..<args.count {
            try args.forEachValue(i) { (value, _) throws(FormulaError) in
                switch value {
                case .number(let n): result.append(Complex(n, 0))
                case .text(let s): result.append(try Complex.parse(s))
                case .error(let e): throw e
                case .empty: break
                case .boolean: throw FormulaError.value
                }
            }
        }
        return result
    }

    /// The suffix of the arguments: `j` when one is written with j; mixing i and j is #VALUE!.
    static func suffix(_ args: Arguments) throws(FormulaError) -> String {
        var found: String?
        for i in 0..<args.count {
            try args.forEachValue(i) { (value, _) throws(FormulaError) in
                guard case .text(let s) = value, let last = s.last, last == "i" || last == "j" else { return }
                if let f = found, f != String(last) { throw FormulaError.value }
                found = String(last)
            }
        }
        return found ?? "i"
    }

    var magnitude: Double { (re * re + im * im).squareRoot() }
    var argument: Double { atan2(im, re) }
    var logarithm: Complex { Complex(log(magnitude), argument) }
    var sine: Complex { Complex(sin(re) * cosh(im), cos(re) * sinh(im)) }
    var cosine: Complex { Complex(cos(re) * cosh(im), -sin(re) * sinh(im)) }

    func scaled(_ k: Double) -> Complex { Complex(re * k, im * k) }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    static func / (a: Complex, b: Complex) -> Complex {
        let d = b.re * b.re + b.im * b.im
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    func value(suffix: String) throws(FormulaError) -> Value {
        guard re.isFinite, im.isFinite else { throw FormulaError.number }
        return .text(text(suffix: suffix))
    }

    /// `3+4i`, `-i`, `0`: each part to 15 significant digits, as Excel writes them.
    func text(suffix: String) -> String {
        let r = DecimalRounding.fifteenDigits(re), i = DecimalRounding.fifteenDigits(im)
        func number(_ x: Double) -> String {
            switch Value.number(x).asText() {
            case .success(let s): return s
            case .failure: return "0"
            }
        }
        if i == 0 { return number(r) }
        let imaginary = i == 1 ? suffix : i == -1 ? "-" + suffix : number(i) + suffix
        if r == 0 { return imaginary }
        return number(r) + (i > 0 ? "+" : "") + imaginary
    }
}
