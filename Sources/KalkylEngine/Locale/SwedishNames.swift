/// The names Swedish Excel shows for functions and error values, with Kalkyl's canonical
/// (English, as xlsx files store them) names.
///
/// Sources: Microsoft's Swedish Excel function names (support.microsoft.com/sv-se, the function
/// reference and "Excel-funktioner (efter kategori)"); cross-checked against HyperFormula's svSE
/// language file and LibreOffice's Swedish function names. Where those differ from Excel, Excel
/// wins: HyperFormula has IFNA, DAYS and ISOWEEKNUM untranslated and SWITCH empty; Excel calls
/// them OMSAKNAS, DAGAR, ISOVECKONR and VÄXLA. Functions newer than the sources keep their
/// English name in Swedish Excel too (IFS, MAXIFS, MINIFS, TEXTJOIN, DATEDIF). ALLOCATE is
/// Kalkyl's own; its Swedish name is FÖRDELA.
enum SwedishNames {
    static let functions: [String: String] = [
        // Math
        "ABS": "ABS", "CEILING": "RUNDA.UPP", "CEILING.MATH": "RUNDA.UPP.MATEMATISKT", "EVEN": "JÄMN", "EXP": "EXP",
        "FACT": "FAKULTET", "FLOOR": "RUNDA.NER", "FLOOR.MATH": "RUNDA.NER.MATEMATISKT", "GCD": "SGD", "INT": "HELTAL",
        "LCM": "MGM", "LN": "LN", "LOG": "LOG", "LOG10": "LOG10", "MOD": "REST", "MROUND": "MAVRUNDA", "ODD": "UDDA",
        "PI": "PI", "POWER": "UPPHÖJT.TILL", "PRODUCT": "PRODUKT", "QUOTIENT": "KVOT", "RAND": "SLUMP",
        "RANDBETWEEN": "SLUMP.MELLAN", "ROUND": "AVRUNDA", "ROUNDDOWN": "AVRUNDA.NEDÅT", "ROUNDUP": "AVRUNDA.UPPÅT",
        "SIGN": "TECKEN", "SQRT": "ROT", "SUBTOTAL": "DELSUMMA", "SUM": "SUMMA", "SUMIF": "SUMMA.OM", "SUMIFS": "SUMMA.OMF",
        "SUMPRODUCT": "PRODUKTSUMMA", "SUMSQ": "KVADRATSUMMA", "TRUNC": "AVKORTA",
        // Statistics
        "AVERAGE": "MEDEL", "AVERAGEIF": "MEDEL.OM", "AVERAGEIFS": "MEDEL.OMF", "COUNT": "ANTAL", "COUNTA": "ANTALV",
        "COUNTBLANK": "ANTAL.TOMMA", "COUNTIF": "ANTAL.OM", "COUNTIFS": "ANTAL.OMF", "LARGE": "STÖRSTA", "MAX": "MAX",
        "MAXIFS": "MAXIFS", "MEDIAN": "MEDIAN", "MIN": "MIN", "MINIFS": "MINIFS", "RANK": "RANG", "RANK.AVG": "RANG.MED",
        "RANK.EQ": "RANG.EKV", "SMALL": "MINSTA", "STDEV": "STDAV", "STDEV.P": "STDAV.P", "STDEV.S": "STDAV.S",
        "STDEVP": "STDAVP", "VAR": "VARIANS", "VAR.P": "VARIANS.P", "VAR.S": "VARIANS.S", "VARP": "VARIANSP",
        // Logic
        "AND": "OCH", "IF": "OM", "IFERROR": "OMFEL", "IFNA": "OMSAKNAS", "IFS": "IFS", "NOT": "ICKE", "OR": "ELLER",
        "SWITCH": "VÄXLA", "XOR": "XELLER",
        // Lookup and reference
        "CHOOSE": "VÄLJ", "COLUMN": "KOLUMN", "COLUMNS": "KOLUMNER", "HLOOKUP": "LETAKOLUMN", "INDEX": "INDEX",
        "INDIRECT": "INDIREKT", "LOOKUP": "LETAUPP", "MATCH": "PASSA", "OFFSET": "FÖRSKJUTNING", "ROW": "RAD",
        "ROWS": "RADER", "VLOOKUP": "LETARAD", "XLOOKUP": "XLETAUPP",
        // Text
        "CHAR": "TECKENKOD", "CODE": "KOD", "CONCAT": "SAMMAN", "CONCATENATE": "SAMMANFOGA", "EXACT": "EXAKT",
        "FIND": "HITTA", "FIXED": "FASTTAL", "LEFT": "VÄNSTER", "LEN": "LÄNGD", "LOWER": "GEMENER", "MID": "EXTEXT",
        "PROPER": "INITIAL", "REPLACE": "ERSÄTT", "REPT": "REP", "RIGHT": "HÖGER", "SEARCH": "SÖK",
        "SUBSTITUTE": "BYT.UT", "TEXT": "TEXT", "TEXTJOIN": "TEXTJOIN", "TRIM": "RENSA", "UPPER": "VERSALER",
        "VALUE": "TEXTNUM",
        // Information
        "ERROR.TYPE": "FEL.TYP", "ISBLANK": "ÄRTOM", "ISERR": "ÄRF", "ISERROR": "ÄRFEL", "ISEVEN": "ÄRJÄMN",
        "ISLOGICAL": "ÄRLOGISK", "ISNA": "ÄRSAKNAD", "ISNONTEXT": "ÄREJTEXT", "ISNUMBER": "ÄRTAL", "ISODD": "ÄRUDDA",
        "ISTEXT": "ÄRTEXT", "NA": "SAKNAS", "N": "N", "T": "T", "TRUE": "SANT", "FALSE": "FALSKT",
        // Date and time
        "DATE": "DATUM", "DATEDIF": "DATEDIF", "DATEVALUE": "DATUMVÄRDE", "DAY": "DAG", "DAYS": "DAGAR",
        "EDATE": "EDATUM", "EOMONTH": "SLUTMÅNAD", "HOUR": "TIMME", "ISOWEEKNUM": "ISOVECKONR", "MINUTE": "MINUT",
        "MONTH": "MÅNAD", "NETWORKDAYS": "NETTOARBETSDAGAR", "NOW": "NU", "SECOND": "SEKUND", "TIME": "KLOCKSLAG",
        "TODAY": "IDAG", "WEEKDAY": "VECKODAG", "WEEKNUM": "VECKONR", "WORKDAY": "ARBETSDAGAR", "YEAR": "ÅR",
        "YEARFRAC": "ÅRDEL",
        // Financial
        "CUMIPMT": "KUMRÄNTA", "CUMPRINC": "KUMPRIS", "DDB": "DEGAVSKR", "EFFECT": "EFFRÄNTA", "FV": "SLUTVÄRDE",
        "FVSCHEDULE": "FÖRRÄNTNING", "IPMT": "RBETALNING", "IRR": "IR", "ISPMT": "RALÅN", "NOMINAL": "NOMRÄNTA",
        "NPER": "PERIODER", "NPV": "NETNUVÄRDE", "PDURATION": "PDURATION", "PMT": "BETALNING", "PPMT": "AMORT",
        "PV": "NUVÄRDE", "RATE": "RÄNTA", "RRI": "RRI", "SLN": "LINAVSKR", "SYD": "ÅRSAVSKR", "XIRR": "XIRR",
        "XNPV": "XNUVÄRDE",
        // Trigonometry
        "ACOS": "ARCCOS", "ACOSH": "ARCCOSH", "ACOT": "ARCCOT", "ACOTH": "ARCCOTH", "ASIN": "ARCSIN", "ASINH": "ARCSINH",
        "ATAN": "ARCTAN", "ATAN2": "ARCTAN2", "ATANH": "ARCTANH", "COS": "COS", "COSH": "COSH", "COT": "COT",
        "COTH": "COTH", "CSC": "CSC", "CSCH": "CSCH", "DEGREES": "GRADER", "RADIANS": "RADIANER", "SEC": "SEK",
        "SECH": "SEKH", "SIN": "SIN", "SINH": "SINH", "SQRTPI": "ROTPI", "TAN": "TAN", "TANH": "TANH",
        // Dynamic arrays. SINGLE and ANCHORARRAY are printed as the operators `@` and `A1#` in
        // every locale; typed as functions they keep their English names.
        "SINGLE": "SINGLE", "ANCHORARRAY": "ANCHORARRAY",
        "FILTER": "FILTRERA", "SORT": "SORTERA", "SORTBY": "SORTERAEFTER", "UNIQUE": "UNIK", "SEQUENCE": "SEKVENS",
        "RANDARRAY": "SLUMPMATRIS", "XMATCH": "XPASSA", "TAKE": "TA", "DROP": "UTESLUT", "CHOOSECOLS": "VÄLJKOLUMNER",
        "CHOOSEROWS": "VÄLJRADER", "HSTACK": "HSTAPLA", "VSTACK": "VSTAPLA", "TOCOL": "TILLKOL", "TOROW": "TILLRAD",
        "WRAPCOLS": "BRYTKOLUMN", "WRAPROWS": "BRYTRAD", "EXPAND": "UTÖKA", "TRANSPOSE": "TRANSPONERA", "LET": "LÅT",
        // Kalkyl's own
        "ALLOCATE": "FÖRDELA",
    ]

    /// Swedish Excel's error values; Kalkyl's circular-reference mark is #CYKEL! in Swedish.
    static let errors: [FormulaError: String] = [
        .null: "#SKÄRNING!", .divisionByZero: "#DIVISION/0!", .value: "#VÄRDEFEL!", .reference: "#REFERENS!",
        .name: "#NAMN?", .number: "#OGILTIGT!", .notAvailable: "#SAKNAS!", .cycle: "#CYKEL!",
    ]
}
