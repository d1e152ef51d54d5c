import UpshiftCore

/// One line of `upshift parse` (SPEC §3): exactly these keys, in this order, with `null` for
/// unknown values and `false` for absent booleans. Enumerations are written as their names
/// (`"2160p"`, `"DTS-HD MA"`), the Dolby Vision profile as the number 5, 7 or 8.
struct ParsedReleaseDTO: Encodable, Sendable {
    /// The name, verbatim.
    var name: String
    /// `movie` or `episode`.
    var kind: String
    /// The title, or null.
    var title: String?
    /// The year, or null.
    var year: Int?
    /// `480p` … `2160p`, or null.
    var resolution: String?
    /// `BluRay`, `WEB-DL`, …, or null.
    var source: String?
    /// A remux; null when not known.
    var remux: Bool?
    /// Dolby Vision stated.
    var dv: Bool
    /// 5, 7 or 8, or null.
    var dvProfile: Int?
    /// `FEL` or `MEL`, or null.
    var dvLayer: String?
    /// HDR10 stated.
    var hdr10: Bool
    /// HDR10+ stated.
    var hdr10Plus: Bool
    /// HLG stated.
    var hlg: Bool
    /// Atmos stated.
    var atmos: Bool
    /// `TrueHD`, `DTS-HD MA`, …, or null.
    var audio: String?
    /// `2.0`, `5.1` or `7.1`, or null.
    var channels: String?
    /// `x265`, `HEVC`, …, or null.
    var codec: String?
    /// The release group, or null.
    var group: String?

    /// The wire keys, in wire order.
    enum CodingKeys: String, CodingKey, CaseIterable {
        /// Every key of SPEC §3; the order of the cases is the wire order.
        case name, kind, title, year, resolution, source, remux, dv, dvProfile, dvLayer,
            hdr10, hdr10Plus, hlg, atmos, audio, channels, codec, group
    }

    /// The wire form of a parse.
    init(_ release: ParsedRelease) {
        let quality = release.quality
        name = release.name
        kind = release.kind.rawValue
        title = release.title
        year = release.year
        resolution = quality.resolution?.rawValue
        source = quality.source?.rawValue
        remux = quality.remux
        dv = quality.dv
        dvProfile = quality.dvProfile?.rawValue
        dvLayer = quality.dvLayer?.rawValue
        hdr10 = quality.hdr10
        hdr10Plus = quality.hdr10Plus
        hlg = quality.hlg
        atmos = quality.atmos
        audio = quality.audio?.rawValue
        channels = quality.channels?.rawValue
        codec = quality.codec?.rawValue
        group = release.group
    }

    /// Writes every key, `null` included, in ``CodingKeys`` order.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encodeOrNull(title, forKey: .title)
        try container.encodeOrNull(year, forKey: .year)
        try container.encodeOrNull(resolution, forKey: .resolution)
        try container.encodeOrNull(source, forKey: .source)
        try container.encodeOrNull(remux, forKey: .remux)
        try container.encode(dv, forKey: .dv)
        try container.encodeOrNull(dvProfile, forKey: .dvProfile)
        try container.encodeOrNull(dvLayer, forKey: .dvLayer)
        try container.encode(hdr10, forKey: .hdr10)
        try container.encode(hdr10Plus, forKey: .hdr10Plus)
        try container.encode(hlg, forKey: .hlg)
        try container.encode(atmos, forKey: .atmos)
        try container.encodeOrNull(audio, forKey: .audio)
        try container.encodeOrNull(channels, forKey: .channels)
        try container.encodeOrNull(codec, forKey: .codec)
        try container.encodeOrNull(group, forKey: .group)
    }
}
