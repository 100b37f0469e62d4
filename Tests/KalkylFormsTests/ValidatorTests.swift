import KalkylForms
import Testing

/// The Bilaga 2 field validators, with valid and invalid examples. Mod-10 (Luhn): from the
/// right, every second digit is doubled (minus 9 above 9); the sum must end in 0.
struct ValidatorTests {
    @Test func organisationsnummer() {
        // 232100-0164, weights 2,1,2,1,… from the left: 2·2=4, 3, 2·2=4, 1, 0, 0, 0, 1,
        // 6·2=12→3, 4; sum 4+3+4+1+0+0+0+1+3+4 = 20, a multiple of 10: valid.
        // Ending in 5 the sum is 21: invalid.
        #expect(SwedishNumbers.organisationsnummer("232100-0164") == .success("232100-0164"))
        #expect(SwedishNumbers.organisationsnummer("2321000164") == .success("232100-0164"))
        #expect(SwedishNumbers.organisationsnummer("232100-0165") == .failure(Invalid("the check digit is wrong (the last digit of 232100-0165 does not match the others)")))
        #expect(SwedishNumbers.organisationsnummer("23210-00164") == .failure(Invalid("must be 10 digits written NNNNNN-NNNN, got '23210-00164'")))
        #expect(SwedishNumbers.organisationsnummer("232100-016") == .failure(Invalid("must be 10 digits written NNNNNN-NNNN, got '232100-016'")))
        #expect(SwedishNumbers.organisationsnummer("23210A-0164") == .failure(Invalid("must be 10 digits written NNNNNN-NNNN, got '23210A-0164'")))
    }

    @Test func bankgiro() {
        // 5555-5551, weights 2,1,… from the left (8 digits): 5·2=10→1, 5, 1, 5, 1, 5, 1, 1;
        // sum 20: valid. 991-2346, weights 1,2,… (7 digits): 9, 9·2=18→9, 1, 2·2=4, 3, 4·2=8, 6;
        // sum 40: valid. 5555-5552 sums to 21: invalid.
        #expect(SwedishNumbers.bankgiro("5555-5551") == .success("5555-5551"))
        #expect(SwedishNumbers.bankgiro("991-2346") == .success("991-2346"))
        #expect(SwedishNumbers.bankgiro("9912346") == .success("991-2346"))
        #expect(SwedishNumbers.bankgiro("5555-5552") == .failure(Invalid("the check digit of bankgiro 5555-5552 is wrong")))
        #expect(SwedishNumbers.bankgiro("55-555551") == .failure(Invalid("a bankgiro number is 7 or 8 digits written NNN-NNNN or NNNN-NNNN, got '55-555551'")))
        #expect(SwedishNumbers.bankgiro("123456") == .failure(Invalid("a bankgiro number is 7 or 8 digits written NNN-NNNN or NNNN-NNNN, got '123456'")))
    }

    @Test func plusgiro() {
        // 4 10 52 10-1, weights 2,1,… from the left (8 digits): 4·2=8, 1, 0, 5, 2·2=4, 1, 0, 1;
        // sum 20: valid. With check digit 3 the sum is 22: invalid.
        #expect(SwedishNumbers.plusgiro("4 10 52 10-1") == .success("4105210-1"))
        #expect(SwedishNumbers.plusgiro("4105210-1") == .success("4105210-1"))
        #expect(SwedishNumbers.plusgiro("4 10 52 10-3") == .failure(Invalid("the check digit of plusgiro 4 10 52 10-3 is wrong")))
        // The shortest plusgiro, two digits: 1-8 is 1·2=2, 8; sum 10: valid.
        #expect(SwedishNumbers.plusgiro("1-8") == .success("1-8"))
        #expect(SwedishNumbers.plusgiro("1") == .failure(Invalid("a plusgiro number is 2 to 8 digits with the check digit after a dash, got '1'")))
        #expect(SwedishNumbers.plusgiro("123456789-0") == .failure(Invalid("a plusgiro number is 2 to 8 digits with the check digit after a dash, got '123456789-0'")))
    }

    @Test func contactDetails() {
        #expect(ContactDetails.email("ekonomi@regionvasterbotten.se") == .success("ekonomi@regionvasterbotten.se"))
        for bad in ["ekonomi", "ekonomi@", "@region.se", "a@region", "a b@region.se", "a@.se", "a@region.", "a@@region.se"] {
            #expect(ContactDetails.email(bad) == .failure(Invalid("must be an e-mail address such as namn@region.se, got '\(bad)'")))
        }
        for good in ["090-785 00 00", "08-123 456 78", "+46 90 785 00 00", "070-123 45 67", "0920-29 30 00"] {
            #expect(ContactDetails.phone(good) == .success(good))
        }
        #expect(ContactDetails.phone("785 00 00") == .failure(Invalid("must include the area code (starting with 0 or +46) and be 8 to 10 digits, got '785 00 00'")))
        #expect(ContactDetails.phone("090-785 00 00 00 0") == .failure(Invalid("must include the area code (starting with 0 or +46) and be 8 to 10 digits, got '090-785 00 00 00 0'")))
        #expect(ContactDetails.phone("090 ring mig") == .failure(Invalid("must be a telephone number with area code, such as 090-785 00 00, got '090 ring mig'")))
    }

    @Test func datesPeriodsReferencesAndAmounts() {
        #expect(FormValues.date("2025-03-31") == .success(45747))
        #expect(FormValues.date("2024-02-29") == .success(45351))
        #expect(FormValues.date("2025-02-29") == .failure(Invalid("2025-02-29 is not a date in the calendar")))
        #expect(FormValues.date("31/3/2025") == .failure(Invalid("must be a date written yyyy-mm-dd, got '31/3/2025'")))
        let year = FormValues.period("2025-01-01 – 2025-12-31")
        #expect((try? year.get())?.start == 45658 && (try? year.get())?.end == 46022)
        #expect((try? FormValues.period("2025-01-01-2025-12-31").get())?.end == 46022)
        #expect(FormValues.period("2025-12-31 – 2025-01-01").map { _ in 0 } == .failure(Invalid("the period ends (2025-01-01) before it starts (2025-12-31)")))
        #expect(FormValues.diarienummer("S2023/01234") == .success("S2023/01234"))
        #expect(FormValues.diarienummer("S2024/02033") == .success("S2024/02033"))
        for bad in ["2023/01234", "S23/01234", "S2023-01234", "s2023/01234", "S2023/"] {
            #expect(FormValues.diarienummer(bad) == .failure(Invalid("must be a diarienummer such as S2023/01234, got '\(bad)'")))
        }
        #expect(FormValues.amount("13 419 998") == .success(13_419_998))
        #expect(FormValues.amount("1 500,50 kr") == .success(1500.5))
        #expect(FormValues.amount("-5") == .failure(Invalid("must not be negative, got -5")))
        #expect(FormValues.amount("12,345") == .failure(Invalid("has more than two decimals (öre), got 12,345")))
        #expect(FormValues.amount("tio") == .failure(Invalid("must be an amount in kronor, got 'tio'")))
    }
}
