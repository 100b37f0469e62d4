import Testing
import KalkylEngine

/// ALLOCATE: whole kronor that always sum to the total (largest remainder), where plain ROUND
/// of each share can drift.
struct AllocationTests {
    @Test func splitsExactlyWherePlainRoundingDrifts() throws {
        try checkTable("""
            =TEXTJOIN(",",TRUE,ALLOCATE(100,{1,1,1})) => "34,33,33"  // 33.33… each; the one krona left goes to the first
            =SUM(ALLOCATE(100,{1,1,1})) => 100
            =SUM(ROUND(100*{1,1,1}/3,0)) => 99  // plain ROUND loses a krona
            =TEXTJOIN(",",TRUE,ALLOCATE(10,{1,1,1,1,1,1,1})) => "2,2,2,1,1,1,1"  // 10/7 = 1.43: three kronor left over
            =SUM(ROUND(10*{1,1,1,1,1,1,1}/7,0)) => 7  // plain ROUND loses three
            =TEXTJOIN(",",TRUE,ALLOCATE(10,{3,1,1})) => "6,2,2"  // 6, 2, 2 exactly
            =TEXTJOIN(",",TRUE,ALLOCATE(7,{1,2})) => "2,5"  // 2.33 and 4.67: the larger remainder gets the krona
            =TEXTJOIN(",",TRUE,ALLOCATE(1,{0.5,0.25,0.25})) => "1,0,0"
            =TEXTJOIN(",",TRUE,ALLOCATE(99.6,{1,1})) => "50,50"  // the total is rounded to whole kronor first
            =ALLOCATE(100,{1,1,1},2) => 33
            =FÖRDELA(100,{1,1,1},1) => 34
            =ALLOCATE(100,{1,1,1},4) => #REF!
            =ALLOCATE(100,{0,0}) => #DIV/0!
            =ALLOCATE(-1,{1,1}) => #NUM!
            =ALLOCATE(100,{1,-1}) => #NUM!
            =SUM(ALLOCATE(1000,Data!A1:A3)) => 1000
            """)
    }

    @Test func aCellBesideTheWeightsGetsItsOwnRow() throws {
        let workbook = try makeWorkbook([
            "A1": "1", "A2": "1", "A3": "1",
            "B1": "=ALLOCATE(100,$A$1:$A$3)", "B2": "=ALLOCATE(100,$A$1:$A$3)", "B3": "=ALLOCATE(100,$A$1:$A$3)",
            "B5": "=SUM(B1:B3)",
        ])
        #expect(try workbook.value("B1") == .number(34))
        #expect(try workbook.value("B2") == .number(33))
        #expect(try workbook.value("B5") == .number(100))
    }

    /// Bilaga 1 (civilt försvar 2023): 263 500 000 kr by population on 1 November 2022.
    static let populations: [Double] = [158876, 288343, 61167, 287431, 342658, 132484, 368963, 247791, 204257, 249285,
                                        1413080, 2437158, 302473, 400070, 283951, 276136, 243334, 280584, 1757225, 307656, 471797]
    static let publishedAmounts: [Double] = [3981450, 7225907, 1532852, 7203052, 8587047, 3320063, 9246253, 6209669, 5118703, 6247109,
                                             35411938, 61075444, 7580006, 10025798, 7115843, 6919998, 6097976, 7031466, 44036249, 7709893, 11823284]

    @Test func reproducesThePublishedBilaga1Amounts() throws {
        let parts = try Allocation.largestRemainder(total: 263_500_000, weights: Self.populations)
        #expect(parts == Self.publishedAmounts)
        #expect(parts.reduce(0, +) == 263_500_000)
        // There plain ROUND happens to give the same amounts.
        let rounded = Self.populations.map { DecimalRounding.round(263_500_000 * $0 / 10_514_719, digits: 0) }
        #expect(rounded == Self.publishedAmounts)
    }

    @Test func fractionalWeightsAlsoSumExactly() throws {
        let parts = try Allocation.largestRemainder(total: 1_000_001, weights: [0.1, 0.2, 0.30000000000000004, 0.4])
        #expect(parts.reduce(0, +) == 1_000_001)
        #expect(parts == [100000, 200000, 300000, 400001])
    }
}
