import Testing
import UpshiftCore

/// Every label of every line of the development corpus, with no exclusions (LABELS.md rules).
@Suite struct ReleaseNameCorpusTests {
    @Test func corpusIsComplete() {
        #expect(CorpusCase.all.count == 278)
    }

    @Test(arguments: CorpusCase.all)
    func everyLabel(_ line: CorpusCase) {
        let parsed = ReleaseNameParser.parse(line.name)
        #expect(parsed.name == line.name)
        for (field, expected) in line.expect {
            var actual = parsed.corpusValue(field)
            var wanted = expected
            if field == "title", case .string(let got) = actual, case .string(let want) = expected {
                actual = .string(CorpusCase.normalizedTitle(got))
                wanted = .string(CorpusCase.normalizedTitle(want))
            }
            #expect(actual == wanted, "\(field): expected \(expected), parsed \(parsed.corpusValue(field))")
        }
    }
}
