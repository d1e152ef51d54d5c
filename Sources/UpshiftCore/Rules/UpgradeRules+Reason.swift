// MARK: - Reasons

extension UpgradeRules {
    /// The one-sentence reasons of a ``Decision``: specific (labels, gains, the key that is off) and
    /// ending with a period.
    enum Reason {
        /// A rule fired: `P7 FEL release for a movie held in P5 (P5 → P7 FEL, + Atmos).`, with any loss
        /// the release brings (`…, though it would lose Atmos.`).
        static func upgrade(
            _ assessment: UpgradeAssessment, kind: DecisionKind, felDuplicate: Bool, gains: [String]
        ) -> String {
            let release = assessment.release
            let current = assessment.current
            let held = assessment.inLibrary ? "held in \(current.dynamicRangeLabel)" : "not in the library"
            var sentence: String
            switch kind {
            case .fel where felDuplicate:
                sentence = "Another P7 FEL release for a movie already held in P7 FEL"
            case .atmos:
                if !assessment.inLibrary {
                    sentence = "Atmos release for a movie not in the library"
                } else if current.atmos {
                    sentence = "Atmos release for a movie already held with Atmos"
                } else {
                    sentence = "Atmos release for a movie held without Atmos"
                }
            case .resolution:
                // The resolution rule fires only when both resolutions are known.
                let from = current.resolution?.rawValue ?? "?"
                let to = release.resolution?.rawValue ?? "?"
                sentence = "\(to) release for a movie held in \(from)"
            default:
                sentence = "\(release.dynamicRangeLabel) release for a movie \(held)"
            }
            if !gains.isEmpty { sentence += " (\(gains.joined(separator: ", ")))" }
            let losses = assessment.losses()
            if !losses.isEmpty { sentence += ", though it would lose \(listed(losses))" }
            return sentence + "."
        }

        /// A lower resolution under `notify_resolution_only_upgrades`:
        /// `Lower resolution than the copy held (2160p → 1080p).`, naming the gains it forgoes.
        static func downgrade(_ assessment: UpgradeAssessment, gains: [String]) -> String {
            var sentence = "Lower resolution than the copy held"
            if let change = assessment.resolutionChange { sentence += " (\(change))" }
            if !gains.isEmpty { sentence += ", so its gains are not offered (\(gains.joined(separator: ", ")))" }
            let losses = assessment.losses(includingResolution: false)
            if !losses.isEmpty { sentence += ", and it would also lose \(listed(losses))" }
            return sentence + "."
        }

        /// Same DV rank, layer, Atmos and resolution: `Already held in P7 FEL: duplicate.`
        static func duplicate(_ assessment: UpgradeAssessment) -> String {
            let held = assessment.current.ruleSummary
            let releaseLabel = assessment.release.dynamicRangeLabel
            if releaseLabel == assessment.current.dynamicRangeLabel {
                return "Already held in \(held): duplicate."
            }
            return "Already held in \(held), which ranks the same as \(releaseLabel): duplicate."
        }

        /// No rule fired: either the gains and the keys that are off
        /// (`Adds Atmos, but Atmos upgrades are off (notify_atmos).`), or that nothing is gained.
        static func nothingFired(_ assessment: UpgradeAssessment, gains: [String], blockers: [RuleBlocker]) -> String {
            // Built in one reserved buffer: this sentence is written for most judged releases.
            var sentence = ""
            sentence.reserveCapacity(192)
            let additions = gainPhrases(assessment)
            if additions.isEmpty {
                if assessment.inLibrary {
                    sentence += "No gain over the copy held ("
                    sentence += assessment.current.ruleSummary
                    sentence += ")"
                } else {
                    sentence += "Not in the library, and nothing gained over an empty copy"
                }
            } else {
                sentence += assessment.inLibrary ? "Adds " : "Not in the library; it would add "
                appendListed(&sentence, additions.count) { additions[$0] }
                if blockers.isEmpty {
                    sentence += ", but no enabled rule covers it"
                } else {
                    sentence += ", but "
                    appendListed(&sentence, blockers.count) { blockers[$0].upgrades }
                    sentence += " are off ("
                    for (offset, blocker) in blockers.enumerated() {
                        if offset > 0 { sentence += ", " }
                        sentence += blocker.key
                    }
                    sentence += ")"
                }
            }
            let losses = assessment.losses()
            if !losses.isEmpty {
                sentence += ", and it would lose "
                appendListed(&sentence, losses.count) { losses[$0] }
            }
            sentence += "."
            return sentence
        }

        // MARK: - Helpers

        /// The gains as noun phrases: `a higher DV rank (P5 → P7 FEL)`, `Dolby Vision (HDR10 → P8)`,
        /// `Atmos`, `a higher resolution (1080p → 2160p)`.
        static func gainPhrases(_ assessment: UpgradeAssessment) -> [String] {
            let release = assessment.release
            let current = assessment.current
            var phrases: [String] = []
            if assessment.gainsDVRank {
                let change = "\(current.dynamicRangeLabel) → \(release.dynamicRangeLabel)"
                phrases.append(current.dv ? "a higher DV rank (\(change))" : "Dolby Vision (\(change))")
            }
            if assessment.gainsAtmos { phrases.append("Atmos") }
            if assessment.gainsResolution, let change = assessment.resolutionChange {
                phrases.append("a higher resolution (\(change))")
            }
            return phrases
        }

        /// `a`, `a and b`, `a, b and c`.
        static func listed(_ items: [String]) -> String {
            var text = ""
            appendListed(&text, items.count) { items[$0] }
            return text
        }

        /// Appends `count` items as `a`, `a and b`, `a, b and c`, without intermediate strings.
        static func appendListed(_ text: inout String, _ count: Int, _ item: (Int) -> String) {
            for index in 0..<count {
                if index > 0 { text += index == count - 1 ? " and " : ", " }
                text += item(index)
            }
        }
    }
}
