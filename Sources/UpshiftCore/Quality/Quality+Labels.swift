// MARK: - Labels used in decisions

extension Quality {
    /// The dynamic range of this copy as the upgrade rules name it in gains and reasons.
    ///
    /// A Dolby Vision copy is labelled by what is known of it: `P7 FEL`, `P7 MEL`, `P7` (layer not
    /// known), `P8`, `P5`, or `DV` (profile not known). A copy without Dolby Vision is labelled by
    /// its HDR flags, strongest first: `HDR10+`, `HDR10`, `HLG`, else `SDR`.
    public var dynamicRangeLabel: String {
        dynamicRange.label.description
    }

    /// The facts the upgrade rules compare, in one short phrase: resolution (when known), dynamic
    /// range and Atmos, e.g. `2160p P7 FEL Atmos` or `HDR10`.
    public var ruleSummary: String {
        SentenceWriter.write { appendRuleSummary(to: &$0) }
    }

    /// Writes ``ruleSummary``.
    func appendRuleSummary(to writer: inout SentenceWriter) {
        if let resolution {
            writer.append(resolution.label)
            writer.append(" ")
        }
        writer.append(dynamicRange.label)
        if atmos { writer.append(" Atmos") }
    }

    /// The dynamic range ``dynamicRangeLabel`` names.
    var dynamicRange: DynamicRangeKind {
        guard dv else {
            if hdr10Plus { return .hdr10Plus }
            if hdr10 { return .hdr10 }
            if hlg { return .hlg }
            return .sdr
        }
        switch dvProfile {
        case .none: return .dv
        case .p5: return .p5
        case .p8: return .p8
        case .p7:
            switch dvLayer {
            case .fel: return .p7FEL
            case .mel: return .p7MEL
            case .none: return .p7
            }
        }
    }
}

/// The labels of ``Quality/dynamicRangeLabel``.
enum DynamicRangeKind: Int, CaseIterable {
    case dv, p5, p8, p7FEL, p7MEL, p7, hdr10Plus, hdr10, hlg, sdr

    var label: StaticString {
        switch self {
        case .dv: "DV"
        case .p5: "P5"
        case .p8: "P8"
        case .p7FEL: "P7 FEL"
        case .p7MEL: "P7 MEL"
        case .p7: "P7"
        case .hdr10Plus: "HDR10+"
        case .hdr10: "HDR10"
        case .hlg: "HLG"
        case .sdr: "SDR"
        }
    }

    /// `from → to`, made once per pair: the gains list of a decision holds these strings.
    static func change(_ from: DynamicRangeKind, _ to: DynamicRangeKind) -> String {
        changes[from.rawValue * allCases.count + to.rawValue]
    }

    private static let changes: [String] = allCases.flatMap { from in
        allCases.map { to in "\(from.label) → \(to.label)" }
    }
}

extension Resolution {
    /// ``rawValue`` as a static string.
    var label: StaticString {
        switch self {
        case .r480p: "480p"
        case .r576p: "576p"
        case .r720p: "720p"
        case .r1080p: "1080p"
        case .r2160p: "2160p"
        }
    }

    /// `from → to`, made once per pair.
    static func change(_ from: Resolution, _ to: Resolution) -> String {
        changes[from.order * allCases.count + to.order]
    }

    private var order: Int {
        switch self {
        case .r480p: 0
        case .r576p: 1
        case .r720p: 2
        case .r1080p: 3
        case .r2160p: 4
        }
    }

    private static let changes: [String] = allCases.sorted { $0.order < $1.order }.flatMap { from in
        allCases.sorted { $0.order < $1.order }.map { to in "\(from.rawValue) → \(to.rawValue)" }
    }
}
