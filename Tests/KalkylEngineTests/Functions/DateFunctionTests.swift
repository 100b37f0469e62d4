import Testing
import KalkylEngine

struct DateFunctionTests {
    @Test func datesAsTextFollowTheLocale() throws {
        let workbook = try makeWorkbook(["A1": "=DATEVALUE(\"23/2/2011\")", "A2": "=DATEVALUE(\"22 maj 2011\")",
                                         "A3": "=DATEVALUE(\"22 May 2011\")", "A4": "=DATEVALUE(\"2/23/2011\")"])
        workbook.locale = .swedish
        workbook.recalculate()
        // Day first in Swedish, months by Swedish or English name; 23 is no month.
        #expect(try ["A1", "A2", "A3", "A4"].map { try workbook.value($0) } == [.number(40597), .number(40685), .number(40685), .error(.value)])
    }

    @Test func datesAndParts() throws {
        try checkTable("""
            =DATE(2024,1,1) => 45292
            =DATE(2024,13,1) => 45658  // month 13 is January of the next year
            =DATE(2024,3,0) => 45351  // day 0 is the last day of February
            =DATE(1900,2,29) => 60  // Excel's phantom leap day
            =DATE(24,1,1) => 8767  // years below 1900 are added to 1900: 1924
            =DATE(-1,1,1) => #NUM!
            =YEAR(45382) => 2024
            =MONTH(45382) => 3
            =DAY(45382) => 31
            =YEAR("2024-03-31") => 2024
            =EDATE(DATE(2024,1,31),1) => 45351  // clamped to 29 February
            =EOMONTH(DATE(2024,1,15),1) => 45351
            =EOMONTH(DATE(2024,1,15),-1) => 45291
            =EDATE(1,-2) => #NUM!  // November 1899 is before Excel's dates
            =EOMONTH(1,-2) => #NUM!
            =EDATE(DATE(9999,12,1),1) => #NUM!
            =DAYS(DATE(2024,3,1),DATE(2024,1,1)) => 60
            =TIME(12,30,0) => 0.5208333333333334
            =HOUR(0.75) => 18
            =MINUTE(TIME(9,45,0)) => 45
            =SECOND(TIME(9,45,30)) => 30
            """)
    }

    @Test func differencesAndWeekdays() throws {
        try checkTable("""
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"Y") => 4
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"M") => 49
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"D") => 1516
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"YM") => 1
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"MD") => 24
            =DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"YD") => 55
            =DATEDIF(DATE(2024,1,1),DATE(2023,1,1),"D") => #NUM!
            =WEEKDAY(DATE(2024,3,31)) => 1  // a Sunday
            =WEEKDAY(DATE(2024,3,31),2) => 7
            =WEEKDAY(DATE(2024,4,1),3) => 0
            =NETWORKDAYS(DATE(2024,3,1),DATE(2024,3,31)) => 21
            =NETWORKDAYS(DATE(2024,3,1),DATE(2024,3,31),DATE(2024,3,29)) => 20  // Good Friday off
            =WORKDAY(DATE(2024,3,28),1) => 45380
            =WORKDAY(DATE(2024,3,28),2) => 45383  // over the weekend to Monday 1 April
            =WORKDAY(DATE(2024,3,28),1,DATE(2024,3,29)) => 45383
            =WORKDAY(DATE(2024,3,28),1E+14) => #NUM!  // beyond 9999-12-31, answered at once
            =ISOWEEKNUM(DATE(2024,12,30)) => 1
            """)
    }

    @Test func todayAndNowFollowTheClock() throws {
        let workbook = try makeWorkbook([:])
        workbook.clock = { 45382.75 }  // 2024-03-31 18:00
        try workbook.set(.formula("=TODAY()"), at: try workbook.location(of: "A1"))
        try workbook.set(.formula("=NOW()"), at: try workbook.location(of: "A2"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(45382))
        #expect(try workbook.value("A2") == .number(45382.75))
        workbook.clock = { 45383.25 }
        let result = workbook.recalculate()  // volatile cells follow the clock with no edit
        #expect(try workbook.value("A1") == .number(45383))
        #expect(result.changes.count == 2)
    }
}
