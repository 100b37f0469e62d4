/// The generated workbooks the benchmark measures, as .kalk text (so loading is measured too)
/// with the one input cell an edit changes and the value it gets.
struct Workload {
    var name: String
    var rows: Int
    var text: String
    /// The cell an edit changes, and two values to alternate between.
    var editCell: String
    var editValues: (Double, Double)
    /// Whether the workload is also measured as .xlsx: an ALLOCATE is written there as Excel's
    /// own formula for the split, quadratic in the rows by nature, so it is not comparable.
    var hasXlsxForm = true

    /// `A{i}=i, B{i}=A{i}*2, C{i}=B{i}+A{i}, D{i}=IF(C{i}>N,C{i}-N,C{i})`.
    static func grid(_ n: Int) -> Workload {
        var text = "kalkyl 1\nsheet S\n"
        text.reserveCapacity(n * 80)
        for i in 1...n {
            text += "A\(i) \(i)\nB\(i) =A\(i)*2\nC\(i) =B\(i)+A\(i)\nD\(i) =IF(C\(i)>\(n),C\(i)-\(n),C\(i))\n"
        }
        return Workload(name: "grid", rows: n, text: text, editCell: "A\(n / 2)", editValues: (7, Double(n / 2)))
    }

    /// `A1=1, A{i}=A{i-1}+1`.
    static func chain(_ n: Int) -> Workload {
        var text = "kalkyl 1\nsheet S\nA1 1\n"
        text.reserveCapacity(n * 20)
        for i in 2...n { text += "A\(i) =A\(i - 1)+1\n" }
        return Workload(name: "chain", rows: n, text: text, editCell: "A\(n - 10)", editValues: (5, 6))
    }

    /// `A{i}=i, B{i}=SUM($A$1:A{i})`.
    static func sumcol(_ n: Int) -> Workload {
        var text = "kalkyl 1\nsheet S\n"
        for i in 1...n { text += "A\(i) \(i)\nB\(i) =SUM($A$1:A\(i))\n" }
        return Workload(name: "sumcol", rows: n, text: text, editCell: "A\(n - 10)", editValues: (0, 1))
    }

    /// `A{i}=i, B{i}=3i, D{i}=(7919·i mod N)+1, E{i}=VLOOKUP(D{i},$A$1:$B$N,2,FALSE)`.
    static func lookup(_ n: Int) -> Workload {
        var text = "kalkyl 1\nsheet S\n"
        for i in 1...n {
            text += "A\(i) \(i)\nB\(i) \(3 * i)\nD\(i) \((7919 * i) % n + 1)\nE\(i) =VLOOKUP(D\(i),$A$1:$B$\(n),2,FALSE)\n"
        }
        return Workload(name: "lookup", rows: n, text: text, editCell: "D\(n / 2)", editValues: (1, 2))
    }

    /// The Bilaga 1 shape with N regions: shares of a column total, a base amount, rounded amounts.
    static func alloc(_ n: Int) -> Workload {
        let last = n + 3
        var text = "kalkyl 1\nsheet S\nB1 400000000\nB2 6500000\n"
        for i in 4...last {
            text += "B\(i) \(1000 + (i * 7919) % 100_000)\nC\(i) =B\(i)/SUM($B$4:$B$\(last))\nD\(i) =$B$2\n"
            text += "E\(i) =ROUND(($B$1-$B$2*\(n))*C\(i),0)\nF\(i) =D\(i)+E\(i)\n"
        }
        text += "F\(last + 1) =SUM(F4:F\(last))\n"
        return Workload(name: "alloc", rows: n, text: text, editCell: "B\(4 + n / 2)", editValues: (5000, 6000))
    }

    /// Bilaga 1 filled down N regions with ALLOCATE: `B{i}` weights, `C{i}=ALLOCATE($B$1,$B$3:$B$N)`
    /// (each row its own part of one split), and the total.
    static func allocate(_ n: Int) -> Workload {
        let last = n + 2
        var text = "kalkyl 1\nsheet S\nB1 400000000\n"
        for i in 3...last {
            text += "B\(i) \(1000 + (i * 7919) % 100_000)\nC\(i) =ALLOCATE($B$1,$B$3:$B$\(last))\n"
        }
        text += "C\(last + 1) =SUM(C3:C\(last))\n"
        return Workload(name: "allocate", rows: n, text: text, editCell: "B\(3 + n / 2)", editValues: (5000, 6000), hasXlsxForm: false)
    }
}
