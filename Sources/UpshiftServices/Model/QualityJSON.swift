import Foundation
import UpshiftCore

/// `Quality` as JSON with the SPEC §2 field names, for the store and the API.
///
/// Every key is written (unknown values as `null`); reading tolerates missing keys and values it
/// does not know (they read as unknown), so an old row never fails to load.
public struct QualityJSON: Codable, Sendable, Hashable {
    /// The quality.
    public var quality: Quality

    /// Wraps a quality.
    public init(_ quality: Quality) { self.quality = quality }

    enum CodingKeys: String, CodingKey {
        case resolution, dv, dvProfile, dvLayer, hdr10, hdr10Plus, hlg, atmos, audio, channels, source, remux, codec
        case sizeBytes, dvLayerSource
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func string(_ key: CodingKeys) -> String? { (try? c.decodeIfPresent(String.self, forKey: key)) ?? nil }
        func bool(_ key: CodingKeys) -> Bool { ((try? c.decodeIfPresent(Bool.self, forKey: key)) ?? nil) ?? false }
        var q = Quality()
        q.resolution = string(.resolution).flatMap(Resolution.init(rawValue:))
        q.dv = bool(.dv)
        q.dvProfile = ((try? c.decodeIfPresent(Int.self, forKey: .dvProfile)) ?? nil).flatMap(DVProfile.init(rawValue:))
        q.dvLayer = string(.dvLayer).flatMap(DVLayer.init(rawValue:))
        q.hdr10 = bool(.hdr10)
        q.hdr10Plus = bool(.hdr10Plus)
        q.hlg = bool(.hlg)
        q.atmos = bool(.atmos)
        q.audio = string(.audio).flatMap(AudioCodec.init(rawValue:))
        q.channels = string(.channels).flatMap(Channels.init(rawValue:))
        q.source = string(.source).flatMap(Source.init(rawValue:))
        q.remux = (try? c.decodeIfPresent(Bool.self, forKey: .remux)) ?? nil
        q.codec = string(.codec).flatMap(VideoCodec.init(rawValue:))
        q.sizeBytes = (try? c.decodeIfPresent(Int64.self, forKey: .sizeBytes)) ?? nil
        q.dvLayerSource = q.dvLayer == nil ? nil : string(.dvLayerSource).flatMap(DVLayerSource.init(rawValue:))
        quality = q
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let q = quality
        try c.encode(q.resolution?.rawValue, forKey: .resolution)
        try c.encode(q.dv, forKey: .dv)
        try c.encode(q.dvProfile?.rawValue, forKey: .dvProfile)
        try c.encode(q.dvLayer?.rawValue, forKey: .dvLayer)
        try c.encode(q.hdr10, forKey: .hdr10)
        try c.encode(q.hdr10Plus, forKey: .hdr10Plus)
        try c.encode(q.hlg, forKey: .hlg)
        try c.encode(q.atmos, forKey: .atmos)
        try c.encode(q.audio?.rawValue, forKey: .audio)
        try c.encode(q.channels?.rawValue, forKey: .channels)
        try c.encode(q.source?.rawValue, forKey: .source)
        try c.encode(q.remux, forKey: .remux)
        try c.encode(q.codec?.rawValue, forKey: .codec)
        try c.encode(q.sizeBytes, forKey: .sizeBytes)
        try c.encode(q.dvLayerSource?.rawValue, forKey: .dvLayerSource)
    }

    /// The JSON text of a quality (sorted keys), for a database column.
    public static func text(_ quality: Quality) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(QualityJSON(quality))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a column written by ``text(_:)``; an unreadable text is an unknown quality.
    public static func quality(_ text: String) -> Quality {
        (try? JSONDecoder().decode(QualityJSON.self, from: Data(text.utf8)))?.quality ?? Quality()
    }
}
