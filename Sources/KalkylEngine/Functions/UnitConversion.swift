import Foundation

/// CONVERT: Excel's units of weight, distance, time, pressure, force, energy, power, magnetism,
/// temperature, volume, area, information and speed, with the metric prefixes (y … Y) on the
/// units Excel allows them on and the binary prefixes (ki … Yi) on bit and byte. A prefix on a
/// squared or cubed unit is squared or cubed too (km2 is 10⁶ m2). Units of different kinds, or
/// names Excel does not know, are #N/A.
extension FunctionRegistry {
    static let unitConversionFunctions: [FunctionDefinition] = [
        .scalar("CONVERT", 3...3) { (args) throws(FormulaError) in
            let x = try args.number(0)
            guard let from = Units.unit(try args.text(1)), let to = Units.unit(try args.text(2)), from.kind == to.kind else {
                throw FormulaError.notAvailable
            }
            return try finite(Units.convert(x, from: from, to: to))
        },
    ]
}

enum Units {
    enum Kind { case mass, distance, time, pressure, force, energy, power, magnetism, temperature, volume, area, information, speed }

    struct Unit {
        var kind: Kind
        /// The size in the kind's base unit (g, m, s, Pa, N, J, W, T, K, m³, m², bit, m/s).
        var factor: Double
        /// Temperatures: the base value at 0 of this unit (K = factor·x + offset).
        var offset: Double = 0
    }

    private static let inch = 0.0254, foot = 0.3048, mile = 1609.344, lightYear = 9.4607304725808e15
    private static let pica = 0.0254 / 72, nauticalMile = 1852.0

    /// Name, kind, size and whether metric prefixes apply.
    private static let table: [String: (Unit, prefixes: Bool)] = {
        var t: [String: (Unit, prefixes: Bool)] = [:]
        func add(_ names: [String], _ kind: Kind, _ factor: Double, prefixes: Bool = false, offset: Double = 0) {
            for n in names { t[n] = (Unit(kind: kind, factor: factor, offset: offset), prefixes) }
        }
        // Weight and mass, in grams.
        add(["g"], .mass, 1, prefixes: true)
        add(["sg"], .mass, 14593.902937206364)
        add(["lbm"], .mass, 453.59237)
        add(["u"], .mass, 1.66053886282828e-24, prefixes: true)
        add(["ozm"], .mass, 28.349523125)
        add(["grain"], .mass, 0.06479891)
        add(["cwt", "shweight"], .mass, 45359.237)
        add(["uk_cwt", "lcwt", "hweight"], .mass, 50802.34544)
        add(["stone"], .mass, 6350.29318)
        add(["ton"], .mass, 907184.74)
        add(["uk_ton", "LTON", "brton"], .mass, 1016046.9088)
        // Distance, in metres.
        add(["m"], .distance, 1, prefixes: true)
        add(["mi"], .distance, mile)
        add(["Nmi"], .distance, nauticalMile)
        add(["in"], .distance, inch)
        add(["ft"], .distance, foot)
        add(["yd"], .distance, 0.9144)
        add(["ang"], .distance, 1e-10, prefixes: true)
        add(["ell"], .distance, 1.143)
        add(["ly"], .distance, lightYear, prefixes: true)
        add(["parsec", "pc"], .distance, 3.08567758128155e16, prefixes: true)
        add(["Picapt", "Pica"], .distance, pica)
        add(["pica"], .distance, inch / 6)
        add(["survey_mi"], .distance, 1609.3472186944373)
        // Time, in seconds.
        add(["yr"], .time, 31557600)
        add(["day", "d"], .time, 86400)
        add(["hr"], .time, 3600)
        add(["mn", "min"], .time, 60)
        add(["sec", "s"], .time, 1, prefixes: true)
        // Pressure, in pascals.
        add(["Pa", "p"], .pressure, 1, prefixes: true)
        add(["atm", "at"], .pressure, 101325, prefixes: true)
        add(["mmHg"], .pressure, 133.322, prefixes: true)
        add(["psi"], .pressure, 6894.75729316836)
        add(["Torr"], .pressure, 133.322368421053)
        // Force, in newtons.
        add(["N"], .force, 1, prefixes: true)
        add(["dyn", "dy"], .force, 1e-5, prefixes: true)
        add(["lbf"], .force, 4.4482216152605)
        add(["pond"], .force, 0.00980665, prefixes: true)
        // Energy, in joules.
        add(["J"], .energy, 1, prefixes: true)
        add(["e"], .energy, 1e-7, prefixes: true)
        add(["c"], .energy, 4.184, prefixes: true)
        add(["cal"], .energy, 4.1868, prefixes: true)
        add(["eV", "ev"], .energy, 1.602176487e-19, prefixes: true)
        add(["HPh", "hh"], .energy, 2684519.53769617)
        add(["Wh", "wh"], .energy, 3600, prefixes: true)
        add(["flb"], .energy, foot * 4.4482216152605)
        add(["BTU", "btu"], .energy, 1055.05585262)
        // Power, in watts.
        add(["HP", "h"], .power, 745.69987158227)
        add(["PS"], .power, 735.49875)
        add(["W", "w"], .power, 1, prefixes: true)
        // Magnetism, in teslas.
        add(["T"], .magnetism, 1, prefixes: true)
        add(["ga"], .magnetism, 1e-4, prefixes: true)
        // Temperature, in kelvins: K = factor·x + offset.
        add(["C", "cel"], .temperature, 1, offset: 273.15)
        add(["F", "fah"], .temperature, 5.0 / 9, offset: 273.15 - 32 * 5.0 / 9)
        add(["K", "kel"], .temperature, 1, prefixes: true)
        add(["Rank"], .temperature, 5.0 / 9)
        add(["Reau"], .temperature, 1.25, offset: 273.15)
        // Volume, in cubic metres.
        add(["tsp"], .volume, 4.92892159375e-6)
        add(["tspm"], .volume, 5e-6)
        add(["tbs"], .volume, 1.478676478125e-5)
        add(["oz"], .volume, 2.95735295625e-5)
        add(["cup"], .volume, 2.365882365e-4)
        add(["pt", "us_pt"], .volume, 4.73176473e-4)
        add(["uk_pt"], .volume, 5.6826125e-4)
        add(["qt"], .volume, 9.46352946e-4)
        add(["uk_qt"], .volume, 1.1365225e-3)
        add(["gal"], .volume, 3.785411784e-3)
        add(["uk_gal"], .volume, 4.54609e-3)
        add(["l", "L", "lt"], .volume, 1e-3, prefixes: true)
        add(["ang3", "ang^3"], .volume, 1e-30, prefixes: true)
        add(["barrel"], .volume, 0.158987294928)
        add(["bushel"], .volume, 0.03523907016688)
        add(["ft3", "ft^3"], .volume, foot * foot * foot)
        add(["in3", "in^3"], .volume, inch * inch * inch)
        add(["ly3", "ly^3"], .volume, lightYear * lightYear * lightYear, prefixes: true)
        add(["m3", "m^3"], .volume, 1, prefixes: true)
        add(["mi3", "mi^3"], .volume, mile * mile * mile)
        add(["yd3", "yd^3"], .volume, 0.9144 * 0.9144 * 0.9144)
        add(["Nmi3", "Nmi^3"], .volume, nauticalMile * nauticalMile * nauticalMile)
        add(["Picapt3", "Picapt^3", "Pica3", "Pica^3"], .volume, pica * pica * pica)
        add(["GRT", "regton"], .volume, 2.8316846592)
        add(["MTON"], .volume, 1.13267386368)
        // Area, in square metres.
        add(["uk_acre"], .area, 4046.8564224)
        add(["us_acre"], .area, 4046.872609874252)
        add(["ang2", "ang^2"], .area, 1e-20, prefixes: true)
        add(["ar"], .area, 100, prefixes: true)
        add(["ft2", "ft^2"], .area, foot * foot)
        add(["ha"], .area, 10000)
        add(["in2", "in^2"], .area, inch * inch)
        add(["ly2", "ly^2"], .area, lightYear * lightYear, prefixes: true)
        add(["m2", "m^2"], .area, 1, prefixes: true)
        add(["Morgen"], .area, 2500)
        add(["mi2", "mi^2"], .area, mile * mile)
        add(["Nmi2", "Nmi^2"], .area, nauticalMile * nauticalMile)
        add(["Picapt2", "Pica2", "Pica^2", "Picapt^2"], .area, pica * pica)
        add(["yd2", "yd^2"], .area, 0.9144 * 0.9144)
        // Information, in bits.
        add(["bit"], .information, 1, prefixes: true)
        add(["byte"], .information, 8, prefixes: true)
        // Speed, in metres per second.
        add(["admkn"], .speed, 1853.184 / 3600)
        add(["kn"], .speed, nauticalMile / 3600)
        add(["m/h", "m/hr"], .speed, 1.0 / 3600, prefixes: true)
        add(["m/s", "m/sec"], .speed, 1, prefixes: true)
        add(["mph"], .speed, mile / 3600)
        return t
    }()

    private static let prefixes: [String: Double] = [
        "Y": 1e24, "Z": 1e21, "E": 1e18, "P": 1e15, "T": 1e12, "G": 1e9, "M": 1e6, "k": 1e3, "h": 1e2, "da": 1e1, "e": 1e1,
        "d": 1e-1, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12, "f": 1e-15, "a": 1e-18, "z": 1e-21, "y": 1e-24,
    ]
    private static let binaryPrefixes: [String: Double] = [
        "ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
        "Ei": 1_152_921_504_606_846_976, "Zi": pow(2, 70), "Yi": pow(2, 80),
    ]

    /// A unit by name, case-sensitively, with a prefix where one may go (the plain name first).
    static func unit(_ name: String) -> Unit? {
        if let (unit, _) = table[name] { return unit }
        for (prefixTable, binary) in [(prefixes, false), (binaryPrefixes, true)] {
            for (prefix, scale) in prefixTable where name.hasPrefix(prefix) {
                let rest = String(name.dropFirst(prefix.count))
                guard let (unit, allowed) = table[rest], allowed else { continue }
                if binary && unit.kind != .information { continue }
                // km2 is (1000 m)², km3 (1000 m)³.
                let power: Double = unit.kind == .area ? 2 : unit.kind == .volume && rest != "l" && rest != "L" && rest != "lt" ? 3 : 1
                var scaled = unit
                scaled.factor *= pow(scale, power)
                return scaled
            }
        }
        return nil
    }

    static func convert(_ x: Double, from: Unit, to: Unit) -> Double {
        if from.kind == .temperature {
            let kelvin = x * from.factor + from.offset
            return (kelvin - to.offset) / to.factor
        }
        return x * from.factor / to.factor
    }
}
