// MARK: - Labels used in decisions

extension Quality {
    /// The dynamic range of this copy as the upgrade rules name it in gains and reasons.
    ///
    /// A Dolby Vision copy is labelled by what is known of it: `P7 FEL`, `P7 MEL`, `P7` (layer not
    /// known), `P8`, `P5`, or `DV` (profile not known). A copy without Dolby Vision is labelled by
    /// its HDR flags, strongest first: `HDR10+`, `HDR10`, `HLG`, else `SDR`.
    public var dynamicRangeLabel: String {
        guard dv else {
            if hdr10Plus { return "HDR10+" }
            if hdr10 { return "HDR10" }
            if hlg { return "HLG" }
            return "SDR"
        }
        switch dvProfile {
        case .none: return "DV"
        case .p5: return "P5"
        case .p8: return "P8"
        case .p7:
            switch dvLayer {
            case .fel: return "P7 FEL"
            case .mel: return "P7 MEL"
            case .none: return "P7"
            }
        }
    }

    /// The facts the upgrade rules compare, in one short phrase: resolution (when known), dynamic
    /// range and Atmos, e.g. `2160p P7 FEL Atmos` or `HDR10`.
    public var ruleSummary: String {
        var parts: [String] = []
        if let resolution { parts.append(resolution.rawValue) }
        parts.append(dynamicRangeLabel)
        if atmos { parts.append("Atmos") }
        return parts.joined(separator: " ")
    }
}
