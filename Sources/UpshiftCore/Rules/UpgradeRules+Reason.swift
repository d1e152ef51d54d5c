// MARK: - Reasons

extension UpgradeRules {
    /// The one-sentence reasons of a ``Decision``: specific (labels, gains, the key that is off) and
    /// ending with a period. Each is written from static pieces into one ``SentenceWriter``.
    enum Reason {
        /// A rule fired: `P7 FEL release for a movie held in P5 (P5 → P7 FEL, + Atmos).`, with any loss
        /// the release brings (`…, though it would lose Atmos.`).
        static func upgrade(
            _ assessment: UpgradeAssessment, kind: DecisionKind, felDuplicate: Bool, gains: [String]
        ) -> String {
            SentenceWriter.write { sentence in
                let release = assessment.release
                let current = assessment.current
                switch kind {
                case .fel where felDuplicate:
                    sentence.append("Another P7 FEL release for a movie already held in P7 FEL")
                case .atmos:
                    if !assessment.inLibrary {
                        sentence.append("Atmos release for a movie not in the library")
                    } else if current.atmos {
                        sentence.append("Atmos release for a movie already held with Atmos")
                    } else {
                        sentence.append("Atmos release for a movie held without Atmos")
                    }
                case .resolution:
                    // The resolution rule fires only when both resolutions are known.
                    if let to = release.resolution { sentence.append(to.label) } else { sentence.append("?") }
                    sentence.append(" release for a movie held in ")
                    if let from = current.resolution { sentence.append(from.label) } else { sentence.append("?") }
                default:
                    sentence.append(release.dynamicRange.label)
                    sentence.append(" release for a movie ")
                    if assessment.inLibrary {
                        sentence.append("held in ")
                        sentence.append(current.dynamicRange.label)
                    } else {
                        sentence.append("not in the library")
                    }
                }
                if !gains.isEmpty {
                    sentence.append(" (")
                    appendJoined(&sentence, gains)
                    sentence.append(")")
                }
                if assessment.lossCount() > 0 {
                    sentence.append(", though it would lose ")
                    assessment.writeLosses(&sentence)
                }
                sentence.append(".")
            }
        }

        /// A lower resolution under `notify_resolution_only_upgrades`:
        /// `Lower resolution than the copy held (2160p → 1080p).`, naming the gains it forgoes.
        static func downgrade(_ assessment: UpgradeAssessment, gains: [String]) -> String {
            SentenceWriter.write { sentence in
                sentence.append("Lower resolution than the copy held")
                if let from = assessment.current.resolution, let to = assessment.release.resolution, from != to {
                    sentence.append(" (")
                    assessment.writeResolutionChange(&sentence, from, to)
                    sentence.append(")")
                }
                if !gains.isEmpty {
                    sentence.append(", so its gains are not offered (")
                    appendJoined(&sentence, gains)
                    sentence.append(")")
                }
                if assessment.lossCount(includingResolution: false) > 0 {
                    sentence.append(", and it would also lose ")
                    assessment.writeLosses(&sentence, includingResolution: false)
                }
                sentence.append(".")
            }
        }

        /// Same DV rank, layer, Atmos and resolution: `Already held in P7 FEL: duplicate.`
        static func duplicate(_ assessment: UpgradeAssessment) -> String {
            SentenceWriter.write { sentence in
                sentence.append("Already held in ")
                assessment.current.appendRuleSummary(to: &sentence)
                let releaseRange = assessment.release.dynamicRange
                if releaseRange == assessment.current.dynamicRange {
                    sentence.append(": duplicate.")
                } else {
                    sentence.append(", which ranks the same as ")
                    sentence.append(releaseRange.label)
                    sentence.append(": duplicate.")
                }
            }
        }

        /// No rule fired: either the gains and the keys that are off
        /// (`Adds Atmos, but Atmos upgrades are off (notify_atmos).`), or that nothing is gained.
        static func nothingFired(_ assessment: UpgradeAssessment, blockers: RuleBlockers) -> String {
            SentenceWriter.write { sentence in
                let additions = gainPhraseCount(assessment)
                if additions == 0 {
                    if assessment.inLibrary {
                        sentence.append("No gain over the copy held (")
                        assessment.current.appendRuleSummary(to: &sentence)
                        sentence.append(")")
                    } else {
                        sentence.append("Not in the library, and nothing gained over an empty copy")
                    }
                } else {
                    sentence.append(assessment.inLibrary ? "Adds " : "Not in the library; it would add ")
                    writeGainPhrases(&sentence, assessment, count: additions)
                    if blockers.isEmpty {
                        sentence.append(", but no enabled rule covers it")
                    } else {
                        sentence.append(", but ")
                        var index = 0
                        for entry in RuleBlockers.all where blockers.contains(entry.blocker) {
                            sentence.appendListSeparator(before: index, of: blockers.count)
                            sentence.append(entry.upgrades)
                            index += 1
                        }
                        sentence.append(" are off (")
                        index = 0
                        for entry in RuleBlockers.all where blockers.contains(entry.blocker) {
                            if index > 0 { sentence.append(", ") }
                            sentence.append(entry.key)
                            index += 1
                        }
                        sentence.append(")")
                    }
                }
                if assessment.lossCount() > 0 {
                    sentence.append(", and it would lose ")
                    assessment.writeLosses(&sentence)
                }
                sentence.append(".")
            }
        }

        // MARK: - Helpers

        /// How many gain phrases ``writeGainPhrases(_:_:count:)`` writes.
        static func gainPhraseCount(_ assessment: UpgradeAssessment) -> Int {
            (assessment.gainsDVRank ? 1 : 0) + (assessment.gainsAtmos ? 1 : 0)
                + (assessment.gainsResolution && assessment.resolutionChange != nil ? 1 : 0)
        }

        /// The gains as noun phrases: `a higher DV rank (P5 → P7 FEL)`, `Dolby Vision (HDR10 → P8)`,
        /// `Atmos`, `a higher resolution (1080p → 2160p)`, as a list.
        static func writeGainPhrases(_ sentence: inout SentenceWriter, _ assessment: UpgradeAssessment, count: Int) {
            var index = 0
            if assessment.gainsDVRank {
                sentence.append(assessment.current.dv ? "a higher DV rank (" : "Dolby Vision (")
                assessment.writeDynamicRangeChange(&sentence)
                sentence.append(")")
                index += 1
            }
            if assessment.gainsAtmos {
                sentence.appendListSeparator(before: index, of: count)
                sentence.append("Atmos")
                index += 1
            }
            if assessment.gainsResolution, let from = assessment.current.resolution,
                let to = assessment.release.resolution, from != to
            {
                sentence.appendListSeparator(before: index, of: count)
                sentence.append("a higher resolution (")
                assessment.writeResolutionChange(&sentence, from, to)
                sentence.append(")")
            }
        }

        /// `a, b, c`.
        static func appendJoined(_ sentence: inout SentenceWriter, _ items: [String]) {
            for (offset, item) in items.enumerated() {
                if offset > 0 { sentence.append(", ") }
                sentence.append(item)
            }
        }
    }
}
