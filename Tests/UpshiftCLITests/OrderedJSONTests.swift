import Testing

@testable import UpshiftCLI

@Suite struct OrderedJSONTests {
    private struct Sample: Encodable {
        enum CodingKeys: String, CodingKey { case zeta, alpha, middle, list, nested, nothing }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("z", forKey: .zeta)
            try container.encode(1.5, forKey: .alpha)
            try container.encode(0.0, forKey: .middle)
            try container.encode(["a", "b"], forKey: .list)
            var nested = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .nested)
            try nested.encode(true, forKey: .zeta)
            try nested.encodeNil(forKey: .alpha)
            try container.encodeNil(forKey: .nothing)
        }
    }

    @Test func keysKeepTheOrderTheyWereWritten() throws {
        let text = try JSONLine().string(Sample())
        #expect(
            text == #"{"zeta":"z","alpha":1.5,"middle":0,"list":["a","b"],"nested":{"zeta":true,"alpha":null},"#
                + #""nothing":null}"#)
    }

    @Test func prettyIndentsByTwoSpaces() throws {
        let text = try JSONLine(pretty: true).string(
            ["empty": [String](), "one": ["x"]].sorted { $0.key < $1.key }
                .map { Pair(key: $0.key, values: $0.value) })
        #expect(
            text == """
                [
                  {
                    "key": "empty",
                    "values": []
                  },
                  {
                    "key": "one",
                    "values": [
                      "x"
                    ]
                  }
                ]
                """)
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("a/b", #""a/b""#), ("quote\"back\\slash", #""quote\"back\\slash""#),
        ("line\nfeed\ttab\r", #""line\nfeed\ttab\r""#), ("\u{01}\u{1F}", #""\u0001\u001f""#),
        ("é → ✓", #""é → ✓""#),
    ])
    func stringsAreEscapedAsJSONRequires(input: String, expected: String) throws {
        #expect(try JSONLine().string([input]) == "[\(expected)]")
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: OrderedJSONEncoder.Failure.self) {
            try JSONLine().string([Double.infinity])
        }
    }

    private struct Pair: Encodable {
        var key: String
        var values: [String]
    }
}
