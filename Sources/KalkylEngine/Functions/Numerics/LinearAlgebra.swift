import Foundation

/// Dense linear algebra on small matrices (rows of Doubles): what MDETERM, MINVERSE, LINEST and
/// TREND share. Gaussian elimination with partial pivoting; a matrix whose pivot vanishes (to
/// 1e-13 of its largest element) is singular.
enum LinearAlgebra {
    static func determinant(_ a: [[Double]]) -> Double {
        var m = a, sign = 1.0, det = 1.0
        let n = m.count
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), m[pivot][col] != 0 else { return 0 }
            if pivot != col { m.swapAt(pivot, col); sign = -sign }
            det *= m[col][col]
            for r in (col + 1)..<max(col + 1, n) {
                let f = m[r][col] / m[col][col]
                if f != 0 { for c in col..<n { m[r][c] -= f * m[col][c] } }
            }
        }
        return sign * det
    }

    /// The inverse by Gauss–Jordan elimination; #NUM! when the matrix is singular.
    static func inverse(_ a: [[Double]]) throws(FormulaError) -> [[Double]] {
        let n = a.count
        var m = a, inv = identity(n)
        let scale = a.joined().map(abs).max() ?? 0
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }),
                  abs(m[pivot][col]) > scale * 1e-13, scale > 0 else { throw FormulaError.number }
            m.swapAt(pivot, col); inv.swapAt(pivot, col)
            let p = m[col][col]
            for c in 0..<n { m[col][c] /= p; inv[col][c] /= p }
            for r in 0..<n where r != col {
                let f = m[r][col]
                if f == 0 { continue }
                for c in 0..<n { m[r][c] -= f * m[col][c]; inv[r][c] -= f * inv[col][c] }
            }
        }
        return inv
    }

    static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { r in (0..<n).map { c in r == c ? 1 : 0 } }
    }

    static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let inner = b.count, columns = b.first?.count ?? 0
        return a.map { row in (0..<columns).map { c in (0..<inner).reduce(0) { $0 + row[$1] * b[$1][c] } } }
    }

    static func transpose(_ a: [[Double]]) -> [[Double]] {
        guard let columns = a.first?.count else { return [] }
        return (0..<columns).map { c in a.map { $0[c] } }
    }
}
