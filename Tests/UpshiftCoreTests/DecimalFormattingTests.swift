import Testing

@testable import UpshiftCore

/// One-decimal formatting without Foundation.
@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        (92.4, "92.4"), (80, "80.0"), (0, "0.0"), (0.05, "0.1"), (0.04, "0.0"), (1234.56, "1234.6"),
        (9.96, "10.0"), (-2.25, "-2.3"), (-0.01, "0.0"),
    ])
    func oneDecimal(_ value: Double, _ text: String) {
        #expect(DecimalFormatting.oneDecimal(value) == text)
    }

    @Test(arguments: [(80, "80"), (80.5, "80.5"), (0.25, "0.3"), (100.04, "100")])
    func compact(_ value: Double, _ text: String) {
        #expect(DecimalFormatting.compact(value) == text)
    }

    @Test func gigabytesAreDecimal() {
        #expect(DecimalFormatting.gigabytes(92_400_000_000) == "92.4 GB")
        #expect(DecimalFormatting.gigabytes(1_073_741_824) == "1.1 GB")
        #expect(DecimalFormatting.gigabytes(0) == "0.0 GB")
    }

    @Test func nonFiniteValuesDoNotTrap() {
        #expect(DecimalFormatting.oneDecimal(.infinity) == "inf")
        #expect(DecimalFormatting.oneDecimal(1e300) == "1e+300")
    }
}
