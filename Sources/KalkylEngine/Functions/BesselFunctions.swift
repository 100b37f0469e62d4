import Foundation

/// The Bessel functions of whole order n ≥ 0 (truncated): J and Y from the C library, I by the
/// trapezoidal rule on its integral over a period (which converges to full precision). K is
/// Excel's: the polynomial approximations of Abramowitz and Stegun (9.8.5–9.8.8) for K₀ and K₁,
/// good to about 1e-8, and the recurrence upward (Excel's BESSELK(1.5,1) is 0.277387804, where
/// the exact value is 0.2773878005). Y and K need x > 0.
extension FunctionRegistry {
    static let besselFunctions: [FunctionDefinition] = [
        .scalar("BESSELJ", 2...2) { (args) throws(FormulaError) in
            let (x, n) = try Bessel.arguments(args)
            return try finite(jn(Int32(n), x))
        },
        .scalar("BESSELY", 2...2) { (args) throws(FormulaError) in
            let (x, n) = try Bessel.arguments(args)
            guard x > 0 else { throw FormulaError.number }
            return try finite(yn(Int32(n), x))
        },
        .scalar("BESSELI", 2...2) { (args) throws(FormulaError) in
            let (x, n) = try Bessel.arguments(args)
            // Past |x| = 713 it outgrows a Double (I ≈ eˣ/√(2πx)).
            guard abs(x) <= 713 else { throw FormulaError.number }
            return try finite(Bessel.modifiedFirstKind(n, x))
        },
        .scalar("BESSELK", 2...2) { (args) throws(FormulaError) in
            let (x, n) = try Bessel.arguments(args)
            guard x > 0 else { throw FormulaError.number }
            return try finite(Bessel.modifiedSecondKind(n, x))
        },
    ]
}

enum Bessel {
    static func arguments(_ args: Arguments) throws(FormulaError) -> (x: Double, n: Int) {
        let x = try args.number(0), n = (try args.number(1)).rounded(.towardZero)
        guard n >= 0, n < 1000, abs(x) < 1e8 else { throw FormulaError.number }
        return (x, Int(n))
    }

    /// I_n(x) = (1/π) ∫₀^π e^{x cos θ} cos(nθ) dθ.
    static func modifiedFirstKind(_ n: Int, _ x: Double) -> Double {
        let steps = max(64, Int(abs(x)) + 2 * n + 64)
        let h = Double.pi / Double(steps)
        var sum = 0.0
        for k in 0...steps {
            let theta = Double(k) * h
            let term = exp(x * cos(theta)) * cos(Double(n) * theta)
            sum += (k == 0 || k == steps) ? term / 2 : term
        }
        return sum * h / .pi
    }

    /// K_n(x) from Excel's approximations of K₀ and K₁ and K_{m+1} = K_{m−1} + (2m/x)·K_m.
    static func modifiedSecondKind(_ n: Int, _ x: Double) -> Double {
        let k0 = secondKindZero(x), k1 = secondKindOne(x)
        if n == 0 { return k0 }
        var previous = k0, current = k1
        for m in stride(from: 1, to: n, by: 1) {
            (previous, current) = (current, previous + 2 * Double(m) / x * current)
        }
        return current
    }

    private static func polynomial(_ t: Double, _ c: [Double]) -> Double {
        c.reversed().reduce(0) { $0 * t + $1 }
    }

    private static func secondKindZero(_ x: Double) -> Double {
        if x <= 2 {
            let y = x * x / 4
            return -log(x / 2) * modifiedFirstKind(0, x)
                + polynomial(y, [-0.57721566, 0.42278420, 0.23069756, 0.03488590, 0.00262698, 0.00010750, 0.00000740])
        }
        return exp(-x) / x.squareRoot()
            * polynomial(2 / x, [1.25331414, -0.07832358, 0.02189568, -0.01062446, 0.00587872, -0.00251540, 0.00053208])
    }

    private static func secondKindOne(_ x: Double) -> Double {
        if x <= 2 {
            let y = x * x / 4
            return log(x / 2) * modifiedFirstKind(1, x)
                + polynomial(y, [1, 0.15443144, -0.67278579, -0.18156897, -0.01919402, -0.00110404, -0.00004686]) / x
        }
        return exp(-x) / x.squareRoot()
            * polynomial(2 / x, [1.25331414, 0.23498619, -0.03655620, 0.01504268, -0.00780353, 0.00325614, -0.00068245])
    }
}
