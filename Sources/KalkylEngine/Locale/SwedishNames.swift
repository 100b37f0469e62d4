/// The names Swedish Excel shows for functions and error values, with Kalkyl's canonical
/// (English, as xlsx files store them) names.
///
/// Sources: Microsoft's Swedish Excel function names (support.microsoft.com/sv-se, the function
/// reference and "Excel-funktioner (efter kategori)"); cross-checked against HyperFormula's svSE
/// language file and LibreOffice's Swedish function names. Where those differ from Excel, Excel
/// wins: HyperFormula has IFNA, DAYS and ISOWEEKNUM untranslated and SWITCH empty; Excel calls
/// them OMSAKNAS, DAGAR, ISOVECKONR and VÄXLA. Functions newer than the sources keep their
/// English name in Swedish Excel too (IFS, MAXIFS, MINIFS, TEXTJOIN, DATEDIF). ALLOCATE is
/// Kalkyl's own; its Swedish name is FÖRDELA. The names of the functions added for Excel's full
/// library (statistics, engineering, database …) follow Microsoft's Swedish function list;
/// REGEXTEST, REGEXEXTRACT and REGEXREPLACE are newer than it and keep their English names.
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
        "CEILING.PRECISE": "RUNDA.UPP.EXAKT", "ISO.CEILING": "ISO.RUNDA.UPP", "FLOOR.PRECISE": "RUNDA.NER.EXAKT",
        "COMBIN": "KOMBIN", "COMBINA": "KOMBINA", "PERMUT": "PERMUT", "PERMUTATIONA": "PERMUTATIONA",
        "FACTDOUBLE": "DUBBELFAKULTET", "MULTINOMIAL": "MULTINOMIAL", "MMULT": "MMULT", "MINVERSE": "MINVERT",
        "MDETERM": "MDETERM", "MUNIT": "MENHET", "SUMX2MY2": "SUMMAX2MY2", "SUMX2PY2": "SUMMAX2PY2", "SUMXMY2": "SUMMAXMY2",
        "SERIESSUM": "SERIESUMMA", "ROMAN": "ROMERSK", "ARABIC": "ARABISKA", "BASE": "BAS", "DECIMAL": "DECIMAL",
        "AGGREGATE": "MÄNGD",
        // Statistics
        "AVERAGE": "MEDEL", "AVERAGEIF": "MEDEL.OM", "AVERAGEIFS": "MEDEL.OMF", "COUNT": "ANTAL", "COUNTA": "ANTALV",
        "COUNTBLANK": "ANTAL.TOMMA", "COUNTIF": "ANTAL.OM", "COUNTIFS": "ANTAL.OMF", "LARGE": "STÖRSTA", "MAX": "MAX",
        "MAXIFS": "MAXIFS", "MEDIAN": "MEDIAN", "MIN": "MIN", "MINIFS": "MINIFS", "RANK": "RANG", "RANK.AVG": "RANG.MED",
        "RANK.EQ": "RANG.EKV", "SMALL": "MINSTA", "STDEV": "STDAV", "STDEV.P": "STDAV.P", "STDEV.S": "STDAV.S",
        "STDEVP": "STDAVP", "VAR": "VARIANS", "VAR.P": "VARIANS.P", "VAR.S": "VARIANS.S", "VARP": "VARIANSP",
        // Statistics: descriptive, percentiles, regression
        "AVERAGEA": "AVERAGEA", "MAXA": "MAXA", "MINA": "MINA", "STDEVA": "STDEVA", "STDEVPA": "STDEVPA", "VARA": "VARA",
        "VARPA": "VARPA", "GEOMEAN": "GEOMEDEL", "HARMEAN": "HARMMEDEL", "TRIMMEAN": "TRIMMEDEL", "AVEDEV": "MEDELAVV",
        "DEVSQ": "KVADAVV", "SKEW": "SNEDHET", "SKEW.P": "SNEDHET.P", "KURT": "TOPPIGHET", "STANDARDIZE": "STANDARDISERA",
        "FISHER": "FISHER", "FISHERINV": "FISHERINV", "PERCENTILE": "PERCENTIL", "PERCENTILE.INC": "PERCENTIL.INK",
        "PERCENTILE.EXC": "PERCENTIL.EXK", "QUARTILE": "KVARTIL", "QUARTILE.INC": "KVARTIL.INK", "QUARTILE.EXC": "KVARTIL.EXK",
        "PERCENTRANK": "PROCENTRANG", "PERCENTRANK.INC": "PROCENTRANG.INK", "PERCENTRANK.EXC": "PROCENTRANG.EXK",
        "MODE": "TYPVÄRDE", "MODE.SNGL": "TYPVÄRDE.ETT", "MODE.MULT": "TYPVÄRDE.FLERA", "FREQUENCY": "FREKVENS",
        "CORREL": "KORREL", "PEARSON": "PEARSON", "RSQ": "RKV", "COVAR": "KOVAR", "COVARIANCE.P": "KOVARIANS.P",
        "COVARIANCE.S": "KOVARIANS.S", "SLOPE": "LUTNING", "INTERCEPT": "SKÄRNINGSPUNKT", "STEYX": "STDFELYX",
        "FORECAST": "PREDIKTION", "FORECAST.LINEAR": "PROGNOS.LINJÄR", "LINEST": "REGR", "LOGEST": "EXPREGR", "TREND": "TREND",
        "GROWTH": "EXPTREND",
        // Statistics: distributions and tests
        "NORM.DIST": "NORM.FÖRD", "NORMDIST": "NORMFÖRD", "NORM.S.DIST": "NORM.S.FÖRD", "NORMSDIST": "NORMSFÖRD", "PHI": "PHI",
        "GAUSS": "GAUSS", "NORM.INV": "NORM.INV", "NORMINV": "NORMINV", "NORM.S.INV": "NORM.S.INV", "NORMSINV": "NORMSINV",
        "LOGNORM.DIST": "LOGNORM.FÖRD", "LOGNORMDIST": "LOGNORMFÖRD", "LOGNORM.INV": "LOGNORM.INV", "LOGINV": "LOGINV",
        "T.DIST": "T.FÖRD", "T.DIST.RT": "T.FÖRD.RT", "T.DIST.2T": "T.FÖRD.2T", "TDIST": "TFÖRD", "T.INV": "T.INV",
        "T.INV.2T": "T.INV.2T", "TINV": "TINV", "CHISQ.DIST": "CHI2.FÖRD", "CHISQ.DIST.RT": "CHI2.FÖRD.RT", "CHIDIST": "CHI2FÖRD",
        "CHISQ.INV": "CHI2.INV", "CHISQ.INV.RT": "CHI2.INV.RT", "CHIINV": "CHI2INV", "F.DIST": "F.FÖRD", "F.DIST.RT": "F.FÖRD.RT",
        "FDIST": "FFÖRD", "F.INV": "F.INV", "F.INV.RT": "F.INV.RT", "FINV": "FINV", "EXPON.DIST": "EXPON.FÖRD",
        "EXPONDIST": "EXPONFÖRD", "GAMMA.DIST": "GAMMA.FÖRD", "GAMMADIST": "GAMMAFÖRD", "GAMMA.INV": "GAMMA.INV",
        "GAMMAINV": "GAMMAINV", "BETA.DIST": "BETA.FÖRD", "BETADIST": "BETAFÖRD", "BETA.INV": "BETA.INV", "BETAINV": "BETAINV",
        "WEIBULL.DIST": "WEIBULL.FÖRD", "WEIBULL": "WEIBULL", "BINOM.DIST": "BINOM.FÖRD", "BINOMDIST": "BINOMFÖRD",
        "BINOM.DIST.RANGE": "BINOM.FÖRD.INTERVALL", "BINOM.INV": "BINOM.INV", "CRITBINOM": "KRITBINOM",
        "NEGBINOM.DIST": "NEGBINOM.FÖRD", "NEGBINOMDIST": "NEGBINOMFÖRD", "POISSON.DIST": "POISSON.FÖRD", "POISSON": "POISSON",
        "HYPGEOM.DIST": "HYPGEOM.FÖRD", "HYPGEOMDIST": "HYPGEOMFÖRD", "GAMMA": "GAMMA", "GAMMALN": "GAMMALN",
        "GAMMALN.PRECISE": "GAMMALN.EXAKT", "ERF": "FELF", "ERF.PRECISE": "FELF.EXAKT", "ERFC": "FELFK",
        "ERFC.PRECISE": "FELFK.EXAKT", "PROB": "SANNOLIKHET", "T.TEST": "T.TEST", "TTEST": "TTEST", "F.TEST": "F.TEST",
        "FTEST": "FTEST", "CHISQ.TEST": "CHI2.TEST", "CHITEST": "CHI2TEST", "Z.TEST": "Z.TEST", "ZTEST": "ZTEST",
        "CONFIDENCE.NORM": "KONFIDENS.NORM", "CONFIDENCE": "KONFIDENS", "CONFIDENCE.T": "KONFIDENS.T",
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
        "TEXTBEFORE": "TEXTFÖRE", "TEXTAFTER": "TEXTEFTER", "TEXTSPLIT": "DELATEXT", "CLEAN": "STÄDA",
        "UNICHAR": "UNITECKENKOD", "UNICODE": "UNICODE", "DOLLAR": "VALUTA", "NUMBERVALUE": "TALVÄRDE",
        "VALUETOTEXT": "VÄRDETILLTEXT", "ARRAYTOTEXT": "MATRISTILLTEXT", "REGEXTEST": "REGEXTEST",
        "REGEXEXTRACT": "REGEXEXTRACT", "REGEXREPLACE": "REGEXREPLACE", "LENB": "LÄNGDB", "LEFTB": "VÄNSTERB",
        "RIGHTB": "HÖGERB", "MIDB": "EXTEXTB", "FINDB": "HITTAB", "SEARCHB": "SÖKB", "REPLACEB": "ERSÄTTB",
        // Information
        "ERROR.TYPE": "FEL.TYP", "ISBLANK": "ÄRTOM", "ISERR": "ÄRF", "ISERROR": "ÄRFEL", "ISEVEN": "ÄRJÄMN",
        "ISLOGICAL": "ÄRLOGISK", "ISNA": "ÄRSAKNAD", "ISNONTEXT": "ÄREJTEXT", "ISNUMBER": "ÄRTAL", "ISODD": "ÄRUDDA",
        "ISTEXT": "ÄRTEXT", "NA": "SAKNAS", "N": "N", "T": "T", "TRUE": "SANT", "FALSE": "FALSKT",
        "FORMULATEXT": "FORMELTEXT", "ISFORMULA": "ÄRFORMEL", "ISREF": "ÄRREF", "AREAS": "OMRÅDEN", "SHEET": "BLAD",
        "SHEETS": "ANTALBLAD", "TYPE": "VÄRDETYP", "HYPERLINK": "HYPERLÄNK", "ADDRESS": "ADRESS", "CELL": "CELL",
        // Database
        "DSUM": "DSUMMA", "DAVERAGE": "DMEDEL", "DMAX": "DMAX", "DMIN": "DMIN", "DPRODUCT": "DPRODUKT", "DSTDEV": "DSTDAV",
        "DSTDEVP": "DSTDAVP", "DVAR": "DVARIANS", "DVARP": "DVARIANSP", "DCOUNT": "DANTAL", "DCOUNTA": "DANTALV",
        "DGET": "DHÄMTA",
        // Date and time
        "DATE": "DATUM", "DATEDIF": "DATEDIF", "DATEVALUE": "DATUMVÄRDE", "DAY": "DAG", "DAYS": "DAGAR",
        "EDATE": "EDATUM", "EOMONTH": "SLUTMÅNAD", "HOUR": "TIMME", "ISOWEEKNUM": "ISOVECKONR", "MINUTE": "MINUT",
        "MONTH": "MÅNAD", "NETWORKDAYS": "NETTOARBETSDAGAR", "NOW": "NU", "SECOND": "SEKUND", "TIME": "KLOCKSLAG",
        "TODAY": "IDAG", "WEEKDAY": "VECKODAG", "WEEKNUM": "VECKONR", "WORKDAY": "ARBETSDAGAR", "YEAR": "ÅR",
        "YEARFRAC": "ÅRDEL", "NETWORKDAYS.INTL": "NETTOARBETSDAGAR.INT", "WORKDAY.INTL": "ARBETSDAGAR.INT",
        "DAYS360": "DAGAR360", "TIMEVALUE": "TIDVÄRDE",
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
        // Engineering
        "DEC2BIN": "DEC.TILL.BIN", "DEC2OCT": "DEC.TILL.OKT", "DEC2HEX": "DEC.TILL.HEX", "BIN2DEC": "BIN.TILL.DEC",
        "BIN2OCT": "BIN.TILL.OKT", "BIN2HEX": "BIN.TILL.HEX", "OCT2BIN": "OKT.TILL.BIN", "OCT2DEC": "OKT.TILL.DEC",
        "OCT2HEX": "OKT.TILL.HEX", "HEX2BIN": "HEX.TILL.BIN", "HEX2DEC": "HEX.TILL.DEC", "HEX2OCT": "HEX.TILL.OKT",
        "BITAND": "BITOCH", "BITOR": "BITELLER", "BITXOR": "BITXELLER", "BITLSHIFT": "BITVSKIFT", "BITRSHIFT": "BITHSKIFT",
        "DELTA": "DELTA", "GESTEP": "SLSTEG", "CONVERT": "KONVERTERA", "COMPLEX": "KOMPLEX", "IMREAL": "IMREAL",
        "IMAGINARY": "IMAGINÄR", "IMABS": "IMABS", "IMARGUMENT": "IMARGUMENT", "IMCONJUGATE": "IMKONJUGAT", "IMSUM": "IMSUM",
        "IMSUB": "IMDIFF", "IMPRODUCT": "IMPRODUKT", "IMDIV": "IMDIV", "IMPOWER": "IMUPPHÖJT", "IMSQRT": "IMROT",
        "IMEXP": "IMEXP", "IMLN": "IMLN", "IMLOG10": "IMLOG10", "IMLOG2": "IMLOG2", "IMSIN": "IMSIN", "IMCOS": "IMCOS",
        "IMTAN": "IMTAN", "IMSINH": "IMSINH", "IMCOSH": "IMCOSH", "IMSEC": "IMSEK", "IMSECH": "IMSEKH", "IMCSC": "IMCSC",
        "IMCSCH": "IMCSCH", "IMCOT": "IMCOT", "BESSELI": "BESSELI", "BESSELJ": "BESSELJ", "BESSELK": "BESSELK",
        "BESSELY": "BESSELY",
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
