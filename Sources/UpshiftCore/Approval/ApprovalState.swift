/// Where an approval request stands (SPEC §7):
/// `pending → approved → downloading → completed | error`, and `pending → skipped | expired`; an
/// approval qBittorrent has not taken yet may be cancelled (`approved → skipped`).
public enum ApprovalState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for the owner's answer.
    case pending
    /// The owner said yes (or an `auto_approve` kind); the torrent is not in qBittorrent yet.
    case approved
    /// In qBittorrent, being followed.
    case downloading
    /// Finished.
    case completed
    /// Failed; the history keeps the message.
    case error
    /// The owner said no.
    case skipped
    /// Nobody answered within `notify_expire_hours`.
    case expired

    /// True once the owner's question is settled (everything but `pending`).
    public var isDecided: Bool { self != .pending }

    /// True when nothing more will happen to the request.
    public var isFinal: Bool {
        switch self {
        case .completed, .error, .skipped, .expired: true
        case .pending, .approved, .downloading: false
        }
    }
}

/// Something that happens to a request.
public enum ApprovalEvent: Sendable, Hashable {
    /// The owner pressed Download (Telegram or web), or an auto-approved kind.
    case approve
    /// The owner pressed Skip.
    case skip
    /// `notify_expire_hours` passed without an answer.
    case expire
    /// qBittorrent accepted the torrent.
    case startDownload
    /// qBittorrent reports the download complete.
    case complete
    /// The download failed for good (qBittorrent error state, a torrent that cannot be added).
    case fail
}

/// What an event does to a request in a given state.
public enum ApprovalOutcome: Sendable, Hashable {
    /// The request moves to this state.
    case moved(to: ApprovalState)
    /// Nothing changes and nothing is wrong: a second press of Download, a repeated report.
    case unchanged
    /// The event is refused; ``ApprovalRefusal`` says why in words for the owner.
    case refused(ApprovalRefusal)
}

/// Why an event was refused, as the owner reads it (web UI, Telegram toast, API error).
public enum ApprovalRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The request expired before an answer.
    case expired
    /// The request was already answered the other way, or has finished.
    case alreadyDecided(ApprovalState)
    /// The event makes no sense in this state (e.g. `complete` for a pending request).
    case notApplicable(event: ApprovalEvent, state: ApprovalState)
    /// qBittorrent is taking the torrent right now: a Skip would leave it there untracked.
    case beingAdded

    public var description: String {
        switch self {
        case .expired:
            "This request has expired: nothing was downloaded."
        case .alreadyDecided(let state):
            "This request was already \(state.rawValue)."
        case .notApplicable(let event, let state):
            "A \(event) event does not apply to a request that is \(state.rawValue)."
        case .beingAdded:
            "The torrent is being added to qBittorrent right now; try again in a moment."
        }
    }
}

extension ApprovalState {
    /// The transition table of SPEC §7. Approve is idempotent: approving an approved, downloading
    /// or completed request changes nothing and adds nothing; approving an expired or skipped one is
    /// refused with a clear message.
    public func apply(_ event: ApprovalEvent) -> ApprovalOutcome {
        switch (self, event) {
        case (.pending, .approve): .moved(to: .approved)
        case (.pending, .skip): .moved(to: .skipped)
        // Cancelling an approval qBittorrent has not taken yet (it is down, or refuses the
        // login): without this a request could wait for qBittorrent forever.
        case (.approved, .skip): .moved(to: .skipped)
        case (.pending, .expire): .moved(to: .expired)
        case (.approved, .startDownload): .moved(to: .downloading)
        case (.approved, .fail), (.downloading, .fail): .moved(to: .error)
        case (.downloading, .complete): .moved(to: .completed)
        // The one way out of `error`: qBittorrent finished the download after all (a NAS mount
        // that was gone longer than the grace); the owner is told it completed.
        case (.error, .complete): .moved(to: .completed)

        // Repeats of what already happened.
        case (.approved, .approve), (.downloading, .approve), (.completed, .approve): .unchanged
        case (.skipped, .skip), (.expired, .expire), (.downloading, .startDownload), (.completed, .complete): .unchanged
        case (.error, .fail): .unchanged
        // Expiry only concerns unanswered requests.
        case (.approved, .expire), (.downloading, .expire), (.completed, .expire), (.error, .expire),
            (.skipped, .expire):
            .unchanged

        // The owner's answer after the fact.
        case (.expired, .approve), (.expired, .skip): .refused(.expired)
        case (_, .approve), (_, .skip): .refused(.alreadyDecided(self))

        default: .refused(.notApplicable(event: event, state: self))
        }
    }
}
