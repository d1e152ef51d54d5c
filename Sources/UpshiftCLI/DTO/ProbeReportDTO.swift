import UpshiftProbe

/// One line of `upshift probe`: exactly these keys, in this order, with `null` for what the
/// bytes did not tell.
struct ProbeReportDTO: Encodable, Sendable {
    /// The path, as given on the command line.
    var path: String
    /// `mkv`, `mp4`, or null when the bytes are neither.
    var container: String?
    /// Dolby Vision present.
    var dv: Bool
    /// 5, 7 or 8, or null.
    var dvProfile: Int?
    /// `FEL` or `MEL` (profile 7 with a valid RPU only), or null.
    var dvLayer: String?
    /// Every byte read, re-reads included.
    var bytesRead: Int64
    /// Null, or one sentence naming the problem.
    var error: String?

    /// The wire keys, in wire order.
    enum CodingKeys: String, CodingKey {
        /// The order of the cases is the wire order.
        case path, container, dv, dvProfile, dvLayer, bytesRead, error
    }

    /// The wire form of `report` for `path`.
    init(path: String, report: ProbeReport) {
        self.path = path
        container = report.container?.rawValue
        dv = report.dv
        dvProfile = report.dvProfile
        dvLayer = report.dvLayer?.rawValue
        bytesRead = report.bytesRead
        error = report.error
    }

    /// Writes every key, `null` included.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encodeOrNull(self.container, forKey: .container)
        try container.encode(dv, forKey: .dv)
        try container.encodeOrNull(dvProfile, forKey: .dvProfile)
        try container.encodeOrNull(dvLayer, forKey: .dvLayer)
        try container.encode(bytesRead, forKey: .bytesRead)
        try container.encodeOrNull(error, forKey: .error)
    }
}
