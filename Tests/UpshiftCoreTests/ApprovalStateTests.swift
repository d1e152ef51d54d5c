import Testing
import UpshiftCore

/// The request life cycle of SPEC §7, cell by cell.
@Suite struct ApprovalStateTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let state: ApprovalState
        let event: ApprovalEvent
        let outcome: ApprovalOutcome
        var testDescription: String { "\(state.rawValue) + \(event)" }
    }

    static let rows: [Row] = [
        Row(state: .pending, event: .approve, outcome: .moved(to: .approved)),
        Row(state: .pending, event: .skip, outcome: .moved(to: .skipped)),
        Row(state: .pending, event: .expire, outcome: .moved(to: .expired)),
        Row(state: .approved, event: .startDownload, outcome: .moved(to: .downloading)),
        Row(state: .approved, event: .fail, outcome: .moved(to: .error)),
        Row(state: .downloading, event: .complete, outcome: .moved(to: .completed)),
        Row(state: .downloading, event: .fail, outcome: .moved(to: .error)),
        // A download failed for good that qBittorrent finishes after all is reported complete.
        Row(state: .error, event: .complete, outcome: .moved(to: .completed)),
        // A second press adds nothing.
        Row(state: .approved, event: .approve, outcome: .unchanged),
        Row(state: .downloading, event: .approve, outcome: .unchanged),
        Row(state: .completed, event: .approve, outcome: .unchanged),
        // Answers after the fact are refused with the reason.
        Row(state: .expired, event: .approve, outcome: .refused(.expired)),
        Row(state: .expired, event: .skip, outcome: .refused(.expired)),
        Row(state: .skipped, event: .approve, outcome: .refused(.alreadyDecided(.skipped))),
        // An approval qBittorrent has not taken yet can still be cancelled.
        Row(state: .approved, event: .skip, outcome: .moved(to: .skipped)),
        Row(state: .error, event: .approve, outcome: .refused(.alreadyDecided(.error))),
        // Expiry never touches an answered request.
        Row(state: .approved, event: .expire, outcome: .unchanged),
        Row(state: .downloading, event: .expire, outcome: .unchanged),
        // Nonsense is refused, not silently accepted.
        Row(state: .pending, event: .complete, outcome: .refused(.notApplicable(event: .complete, state: .pending))),
        Row(state: .pending, event: .startDownload, outcome: .refused(.notApplicable(event: .startDownload, state: .pending))),
        Row(state: .completed, event: .fail, outcome: .refused(.notApplicable(event: .fail, state: .completed))),
    ]

    @Test(arguments: rows)
    func transition(_ row: Row) {
        #expect(row.state.apply(row.event) == row.outcome)
    }

    @Test func everyCellIsDefinedAndFinalStatesStayPut() {
        let events: [ApprovalEvent] = [.approve, .skip, .expire, .startDownload, .complete, .fail]
        for state in ApprovalState.allCases {
            for event in events {
                if case .moved(let next) = state.apply(event), !(state == .error && event == .complete) {
                    #expect(!state.isFinal, "\(state) is final but \(event) moves it to \(next)")
                    #expect(next != state)
                }
            }
        }
    }

    @Test func refusalsReadAsSentences() {
        #expect(ApprovalRefusal.expired.description == "This request has expired: nothing was downloaded.")
        #expect(ApprovalRefusal.alreadyDecided(.skipped).description == "This request was already skipped.")
    }
}
