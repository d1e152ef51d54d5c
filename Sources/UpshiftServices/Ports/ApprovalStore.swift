import Foundation
import UpshiftCore

/// Everything the services keep: library, releases seen, approval requests and history (SPEC §7).
///
/// The live implementation is SQLite through GRDB (`UpshiftStore`). Every method is one atomic
/// transaction; ``apply(_:to:at:by:error:)`` is the only way a request changes state, so the
/// transition table of `ApprovalState` is enforced in one place.
public protocol ApprovalStore: Sendable {
    // MARK: - Library

    /// Replaces the library with a fresh scan.
    func replaceLibrary(_ movies: [LibraryMovie], source: String, scannedAt: Date) async throws
    /// Every library movie.
    func libraryMovies() async throws -> [LibraryMovie]
    /// When the library was last scanned, or `nil` before the first scan.
    func lastLibraryScan() async throws -> Date?

    // MARK: - Releases

    /// The subset of `guids` never recorded.
    func unseenGUIDs(_ guids: [String]) async throws -> Set<String>
    /// Records a judged feed item (insert, or replace a record with the same guid).
    func recordRelease(_ release: ReleaseRecord) async throws
    /// The most recent releases, newest first.
    func recentReleases(limit: Int) async throws -> [ReleaseRecord]
    /// Marks the releases recorded as `not_in_library` since `since` to be judged again (they count
    /// as unseen until recorded anew): after a good library scan, a film that was missing may be there.
    /// Returns how many were marked.
    func markNotInLibraryForRejudging(since: Date) async throws -> Int
    /// Deletes the releases first seen before `cutoff` that no request refers to (history is kept),
    /// and the torrent-fetch failures of items not recorded that first failed before
    /// `failuresBefore`; returns how many releases went.
    func pruneReleases(seenBefore cutoff: Date, failuresBefore: Date) async throws -> Int

    // MARK: - Requests

    /// Stores a new request with its `.torrent` file. Throws ``ApprovalError/alreadyRequested(_:)``
    /// when a live request (pending, approved, downloading or completed) has the same torrent.
    func insertRequest(_ request: ApprovalRequest, torrent: Data) async throws
    /// One request, or `nil`.
    func request(id: String) async throws -> ApprovalRequest?
    /// The requests in these states, oldest first.
    func requests(in states: Set<ApprovalState>) async throws -> [ApprovalRequest]
    /// A request for the same torrent or release name that is still open or succeeded
    /// (pending, approved, downloading, completed), to avoid asking twice.
    func liveRequest(torrentHash: String, releaseName: String) async throws -> ApprovalRequest?
    /// The stored `.torrent` file of a request.
    func torrent(requestID: String) async throws -> Data?
    /// Applies an event through `ApprovalState.apply` and records the history, atomically.
    /// Throws ``ApprovalError/notFound(_:)`` for an unknown id.
    func apply(_ event: ApprovalEvent, to id: String, at: Date, by: String?, error: String?) async throws
        -> ApprovalTransition
    /// Records where the question was sent, whatever the request's state now (a question answered
    /// while on its way still needs its buttons removed); the send attempts are cleared while it
    /// is pending. Returns the request, or `nil` when a message was already recorded.
    func recordMessage(_ message: MessageRef, for id: String) async throws -> ApprovalRequest?
    /// Records a failed attempt of the current step while the request is still in `state`:
    /// one more attempt, the error, and the next attempt after `backoff`. Returns the request,
    /// or `nil` when it has moved on meanwhile.
    func recordFailure(for id: String, in state: ApprovalState, error: String, at: Date, backoff: Backoff)
        async throws -> ApprovalRequest?
    /// Stores the download progress of a request that is downloading.
    func recordProgress(_ progress: Double, for id: String) async throws
    /// The most recent history entries, newest first.
    func history(limit: Int) async throws -> [HistoryEntry]

    // MARK: - Outbox

    /// Queues a chat message. An edit is not queued twice: while one for the request waits, it
    /// will show the request's latest state anyway.
    func enqueue(_ message: OutboxMessage) async throws
    /// Every queued message, in queue order.
    func outbox() async throws -> [OutboxMessage]
    /// Removes a delivered (or abandoned) message.
    func removeFromOutbox(_ id: Int64) async throws
    /// Records a failed delivery: one more attempt, the error, and the next attempt after `backoff`.
    func recordOutboxFailure(_ id: Int64, error: String, at: Date, backoff: Backoff) async throws

    // MARK: - Probe results

    /// What the probe read from the file at `path` when it had this `fingerprint`, or `nil`.
    func probeResult(path: String, fingerprint: String) async throws -> MediaProbeResult?
    /// Keeps a probe result for the file as it is now (replacing what was known of the path).
    func saveProbeResult(_ result: MediaProbeResult, path: String, fingerprint: String, at: Date) async throws

    // MARK: - Torrent fetch failures

    /// Records that fetching an upgrade's `.torrent` failed; returns when it first failed (kept
    /// across restarts, so the `notify_expire_hours` give-up clock is not reset by one).
    func recordTorrentFetchFailure(guid: String, at: Date) async throws -> Date
    /// Forgets the failures of an item (its torrent was fetched, or it was given up).
    func clearTorrentFetchFailure(guid: String) async throws

    // MARK: - Daemon state

    /// A small value the daemon keeps across restarts (the Telegram update offset), or `nil`.
    func stateValue(_ key: String) async throws -> String?
    /// Stores such a value.
    func setStateValue(_ value: String, for key: String) async throws
}

/// The result of ``ApprovalStore/apply(_:to:at:by:error:)``.
public struct ApprovalTransition: Sendable {
    /// What the event did.
    public var outcome: ApprovalOutcome
    /// The request after the event.
    public var request: ApprovalRequest

    /// Creates a result.
    public init(outcome: ApprovalOutcome, request: ApprovalRequest) {
        self.outcome = outcome
        self.request = request
    }

    /// True when the request changed state.
    public var moved: Bool {
        if case .moved = outcome { return true }
        return false
    }
}

/// Errors of the approval workflow, as the owner reads them.
public enum ApprovalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No request has this id.
    case notFound(String)
    /// The request cannot take this answer (expired, already decided).
    case refused(ApprovalRefusal)
    /// A live request already exists for this torrent (its id).
    case alreadyRequested(String)

    public var description: String {
        switch self {
        case .notFound(let id): "No request has the id \"\(id)\"."
        case .refused(let refusal): refusal.description
        case .alreadyRequested(let hash): "A request for the torrent \(hash) is already open or done."
        }
    }
}
