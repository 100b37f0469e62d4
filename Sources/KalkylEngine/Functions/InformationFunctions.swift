extension FunctionRegistry {
    static let informationFunctions: [FunctionDefinition] = [
        FunctionDefinition("ISBLANK", 1...1) { (args) in
            // Only an empty cell is blank; "" from a formula is not.
            if case .reference = args[0], !args[0].isMultiCell {
                return .value(.boolean(args.scalar(0) == .empty))
            }
            if args[0].isMultiCell { return elementWise(args) { .boolean($0[0] == .empty) } }
            return .value(.boolean(false))
        },
        .scalar("ISNUMBER", 1...1) { (args) in if case .number = args.scalar(0) { return .boolean(true) }; return .boolean(false) },
        .scalar("ISTEXT", 1...1) { (args) in if case .text = args.scalar(0) { return .boolean(true) }; return .boolean(false) },
        .scalar("ISNONTEXT", 1...1) { (args) in if case .text = args.scalar(0) { return .boolean(false) }; return .boolean(true) },
        .scalar("ISLOGICAL", 1...1) { (args) in if case .boolean = args.scalar(0) { return .boolean(true) }; return .boolean(false) },
        .scalar("ISERROR", 1...1) { (args) in .boolean(args.scalar(0).isError) },
        .scalar("ISERR", 1...1) { (args) in
            let v = args.scalar(0)
            return .boolean(v.isError && v != .error(.notAvailable))
        },
        .scalar("ISNA", 1...1) { (args) in .boolean(args.scalar(0) == .error(.notAvailable)) },
        .scalar("ISEVEN", 1...1) { (args) throws(FormulaError) in
            .boolean(try (try args.number(0)).truncatedInteger(or: .number) % 2 == 0)
        },
        .scalar("ISODD", 1...1) { (args) throws(FormulaError) in
            .boolean(try (try args.number(0)).truncatedInteger(or: .number) % 2 != 0)
        },
        .scalar("NA", 0...0) { _ in .error(.notAvailable) },
        .scalar("ERROR.TYPE", 1...1) { (args) throws(FormulaError) in
            guard case .error(let e) = args.scalar(0), e != .cycle else { throw FormulaError.notAvailable }
            return .number(e == .calc ? 14 : Double(e.rawValue))  // Excel's numbers; #CALC! is 14
        },
    ]
}
