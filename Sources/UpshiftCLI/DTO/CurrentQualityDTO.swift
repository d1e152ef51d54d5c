import Foundation
import UpshiftCore
import UpshiftSettings

/// Reads `upshift check --current`: `none` (not in the library) or a `Quality` as a JSON object
/// with the field names of SPEC §2, where a missing key (or `null`) means null/false.
///
/// Names of enumerations match without regard to case (`"bluray"` is `BluRay`). A `dvProfile` or
/// `dvLayer` without a `"dv"` key implies `"dv": true`, since a profile without Dolby Vision is
/// not a copy that exists. Every problem is reported by key, unknown keys included.
struct CurrentQualityDTO {
    /// The option the value came from, for messages.
    static let option = "--current"

    /// The keys SPEC §2 defines.
    static let keys: Set<String> = [
        "resolution", "dv", "dvProfile", "dvLayer", "hdr10", "hdr10Plus", "hlg", "atmos", "audio", "channels",
        "source", "remux", "codec", "sizeBytes",
    ]

    private let fields: [String: JSONValue]
    private var errors: [CLIError] = []

    /// The current copy, or `nil` for `none`.
    static func decode(_ text: String) throws(CLIError) -> Quality? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.lowercased() == "none" { return nil }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(trimmed.utf8), source: option)
        } catch {
            throw .invalidJSON(error)
        }
        guard case .object(let fields) = value else {
            throw .invalidOptionValue(
                option: option, key: nil, problem: "must be a JSON object or none, got \(value.typeName)")
        }
        var reader = CurrentQualityDTO(fields: fields)
        let quality = reader.quality()
        if let error = reader.combinedError { throw error }
        return quality
    }

    private init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    // MARK: - Reading

    private mutating func quality() -> Quality {
        for key in fields.keys.sorted() where !Self.keys.contains(key) {
            fail(key, "is not a quality field (use \(Self.keys.sorted().joined(separator: ", ")))")
        }
        var quality = Quality()
        quality.resolution = name("resolution", of: Resolution.self)
        quality.dvProfile = profile()
        quality.dvLayer = name("dvLayer", of: DVLayer.self)
        let impliedDV = quality.dvProfile != nil || quality.dvLayer != nil
        quality.dv = bool("dv") ?? impliedDV
        if !quality.dv, impliedDV { fail("dv", "is false but \"dvProfile\" or \"dvLayer\" is set") }
        quality.hdr10 = bool("hdr10") ?? false
        quality.hdr10Plus = bool("hdr10Plus") ?? false
        quality.hlg = bool("hlg") ?? false
        quality.atmos = bool("atmos") ?? false
        quality.audio = name("audio", of: AudioCodec.self)
        quality.channels = name("channels", of: Channels.self)
        quality.source = name("source", of: Source.self)
        quality.remux = bool("remux")
        quality.codec = name("codec", of: VideoCodec.self)
        quality.sizeBytes = size()
        return quality
    }

    private func value(_ key: String) -> JSONValue? {
        guard let raw = fields[key], raw != .null else { return nil }
        return raw
    }

    private mutating func bool(_ key: String) -> Bool? {
        guard let raw = value(key) else { return nil }
        guard case .bool(let flag) = raw else {
            fail(key, "must be true or false, got \(raw.typeName)")
            return nil
        }
        return flag
    }

    private mutating func name<Name: RawRepresentable & CaseIterable>(_ key: String, of type: Name.Type) -> Name?
    where Name.RawValue == String {
        guard let raw = value(key) else { return nil }
        let allowed = Name.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let text) = raw else {
            fail(key, "must be one of \(allowed), got \(raw.typeName)")
            return nil
        }
        let match = Name.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
        if match == nil { fail(key, "must be one of \(allowed), got \"\(text)\"") }
        return match
    }

    private mutating func profile() -> DVProfile? {
        guard let raw = value("dvProfile") else { return nil }
        let allowed = DVProfile.allCases.map { String($0.rawValue) }.joined(separator: ", ")
        guard case .integer(let number) = raw else {
            fail("dvProfile", "must be one of \(allowed), got \(raw.typeName)")
            return nil
        }
        guard let profile = DVProfile(rawValue: number) else {
            fail("dvProfile", "must be one of \(allowed), got \(number)")
            return nil
        }
        return profile
    }

    private mutating func size() -> Int64? {
        guard let raw = value("sizeBytes") else { return nil }
        switch raw {
        case .integer(let number) where number >= 0:
            return Int64(number)
        case .integer(let number):
            fail("sizeBytes", "must be 0 or more, got \(number)")
        default:
            fail("sizeBytes", "must be an integer number of bytes, got \(raw.typeName)")
        }
        return nil
    }

    private mutating func fail(_ key: String, _ problem: String) {
        errors.append(.invalidOptionValue(option: Self.option, key: key, problem: problem))
    }

    private var combinedError: CLIError? {
        errors.count > 1 ? .several(errors) : errors.first
    }
}
