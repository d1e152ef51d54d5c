import Foundation
import Testing
import UpshiftCore

/// One labelled line of `Fixtures/release-names.dev.jsonl` (a copy of shared/corpus, LABELS.md).
struct CorpusCase: Sendable, CustomTestStringConvertible {
    /// An expected field value: `null` is `.null`.
    enum Value: Sendable, Equatable, CustomStringConvertible, Decodable {
        case null, bool(Bool), int(Int), string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        var description: String {
            switch self {
            case .null: "null"
            case .bool(let value): "\(value)"
            case .int(let value): "\(value)"
            case .string(let value): "\"\(value)\""
            }
        }
    }

    let line: Int
    let name: String
    let expect: [(field: String, value: Value)]

    var testDescription: String { "line \(line): \(name)" }

    /// Every line of the fixture, read from the test bundle (never from ../shared).
    static let all: [CorpusCase] = {
        guard let url = Bundle.module.url(forResource: "release-names.dev", withExtension: "jsonl", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("Fixtures/release-names.dev.jsonl missing from the test bundle") }
        struct Line: Decodable {
            let name: String
            let expect: [String: Value]
        }
        return text.split(separator: "\n").enumerated().map { offset, text in
            let line = try! JSONDecoder().decode(Line.self, from: Data(text.utf8))
            let expect = line.expect.map { (field: $0.key, value: $0.value) }.sorted { $0.field < $1.field }
            return CorpusCase(line: offset + 1, name: line.name, expect: expect)
        }
    }()

    /// LABELS.md title comparison, written independently of the core's own normaliser:
    /// NFKD, accents removed, lower case, `&` → and, apostrophes deleted, other non-alphanumerics → one space.
    static func normalizedTitle(_ title: String) -> String {
        let decomposed = title.decomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        var text = String(scalars).lowercased().replacingOccurrences(of: "&", with: " and ")
        for apostrophe in ["'", "\u{2019}", "\u{2018}", "`"] { text = text.replacingOccurrences(of: apostrophe, with: "") }
        let words = text.split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: " ")
    }
}

extension ParsedRelease {
    /// The value of one LABELS.md field, as the parser reported it.
    func corpusValue(_ field: String) -> CorpusCase.Value {
        func string(_ value: String?) -> CorpusCase.Value { value.map { .string($0) } ?? .null }
        switch field {
        case "kind": return .string(kind.rawValue)
        case "title": return string(title)
        case "year": return year.map { .int($0) } ?? .null
        case "resolution": return string(quality.resolution?.rawValue)
        case "source": return string(quality.source?.rawValue)
        case "remux": return quality.remux.map { .bool($0) } ?? .null
        case "dv": return .bool(quality.dv)
        case "dvProfile": return quality.dvProfile.map { .int($0.rawValue) } ?? .null
        case "dvLayer": return string(quality.dvLayer?.rawValue)
        case "hdr10": return .bool(quality.hdr10)
        case "hdr10Plus": return .bool(quality.hdr10Plus)
        case "hlg": return .bool(quality.hlg)
        case "atmos": return .bool(quality.atmos)
        case "audio": return string(quality.audio?.rawValue)
        case "channels": return string(quality.channels?.rawValue)
        case "codec": return string(quality.codec?.rawValue)
        case "group": return string(group)
        default: fatalError("unknown LABELS.md field \(field)")
        }
    }
}
