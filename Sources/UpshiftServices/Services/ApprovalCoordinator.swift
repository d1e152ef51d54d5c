import Foundation
import Logging
import UpshiftCore
import UpshiftSettings

/// The approval workflow (SPEC §7): creates requests for upgrades, asks the owner, takes the
/// answer from Telegram or the API, adds approved torrents to qBittorrent and retries what failed.
///
/// Every state change goes through ``ApprovalStore/apply(_:to:at:by:error:)``, so approve is
/// idempotent and late answers are refused in one place. Slow work (chat edits, the torrent add)
/// happens after the state change, in ``followUp(_:)``, so a button press is answered at once.
/// When qBittorrent is down the request stays `approved` and ``retryDue()`` adds it later; when
/// Telegram is down the request stays `pending` (visible in the API) and the send is retried.
public actor ApprovalCoordinator {
    let store: any ApprovalStore
    let feeds: any FeedSource
    let torrents: any TorrentClient
    let notifier: (any ApprovalNotifier)?
    let folders: (any MovieFolderLookup)?
    let settings: Settings
    let metrics: Metrics
    let logger: Logger
    let now: @Sendable () -> Date
    let backoff: Backoff
    /// Requests whose torrent add is running, so two callers never add the same one at once.
    private var adding: Set<String> = []
    /// Requests whose question is being sent, so a retry never sends it a second time.
    private var sending: Set<String> = []
    /// True while ``deliverOutbox()`` runs; `deliverAgain` asks it for one more round.
    private var delivering = false
    private var deliverAgain = false
    /// When releases were last pruned.
    private var lastPrune: Date?
    /// What is wrong right now (`/api/health`, the web UI).
    let health: HealthBoard
    /// True once the owner was told that qBittorrent refused the login (told once per process).
    private var toldLoginRefusal = false

    /// Creates the coordinator.
    public init(
        store: any ApprovalStore, feeds: any FeedSource, torrents: any TorrentClient,
        notifier: (any ApprovalNotifier)?, folders: (any MovieFolderLookup)?, settings: Settings, metrics: Metrics,
        logger: Logger, backoff: Backoff = Backoff(), health: HealthBoard = HealthBoard(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.health = health
        self.store = store
        self.feeds = feeds
        self.torrents = torrents
        self.notifier = notifier
        self.folders = folders
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        self.backoff = backoff
        self.now = now
    }

    // MARK: - Proposing

    /// Turns an upgrade into a request: fetches the `.torrent` (so the hash is known and a broken
    /// link never reaches the owner), finds the movie's folder, stores the request and asks the
    /// owner, or approves it at once for an `auto_approve` kind.
    ///
    /// Returns `nil` when the same torrent or release already has a live request (no second
    /// message). Throws when the torrent cannot be fetched or read.
    public func propose(_ entry: FeedEntry, judgement: ReleaseJudge.Judgement) async throws -> ApprovalRequest? {
        let torrent = try await feeds.downloadTorrent(entry)
        let metadata = try torrents.inspect(torrent)
        if let existing = try await store.liveRequest(torrentHash: metadata.hash, releaseName: entry.title) {
            logger.info(
                "Release already has a request",
                metadata: ["release.name": "\(entry.title)", "request.id": "\(existing.id)"])
            return nil
        }
        let folder = await targetFolder(for: judgement.movie)
        let created = now()
        var quality = judgement.parsed.quality
        quality.sizeBytes = metadata.sizeBytes > 0 ? metadata.sizeBytes : quality.sizeBytes
        let decision = judgement.decision
        var request = ApprovalRequest(
            id: RequestID.make(), movieID: judgement.movie?.id,
            movieTitle: judgement.movie?.title ?? judgement.parsed.title ?? entry.title,
            year: judgement.movie?.year ?? judgement.parsed.year, releaseName: entry.title, releaseGUID: entry.guid,
            torrentURL: entry.link?.redacted ?? "", targetFolder: folder, kind: decision.kind, reason: decision.reason,
            gains: decision.gains, current: judgement.movie?.quality, new: quality, sizeBytes: quality.sizeBytes,
            torrentHash: metadata.hash, createdAt: created,
            expiresAt: created.addingTimeInterval(Double(settings.ruleSettings.notifyExpireHours) * 3600))
        if decision.autoApprove {
            request.state = .approved
            request.decidedAt = created
            request.decidedBy = "auto"
        }
        do {
            try await store.insertRequest(request, torrent: torrent)
        } catch ApprovalError.alreadyRequested {
            logger.info("Release already has a request", metadata: ["release.name": "\(entry.title)"])
            return nil
        }
        await metrics.increment("upshift_requests_total", ["kind": decision.kind.rawValue])
        logger.info(
            "Request created",
            metadata: [
                "request.id": "\(request.id)", "release.name": "\(entry.title)", "request.kind": "\(decision.kind)",
                "request.state": "\(request.state)",
            ])
        if request.state == .approved {
            await metrics.increment("upshift_approvals_total", ["answer": "approve", "by": "auto"])
            request = await startDownload(request)
        } else {
            request = await sendRequest(request)
        }
        return request
    }

    // MARK: - Answers

    /// Applies the owner's answer. Fast: only the state changes here; call ``followUp(_:)`` next.
    ///
    /// Approving twice is not an error (the outcome is `.unchanged` and nothing is added twice).
    /// Throws ``ApprovalError/notFound(_:)`` or ``ApprovalError/refused(_:)`` (expired, or already
    /// answered the other way) with a sentence for the owner.
    public func answer(_ id: String, approve: Bool, by channel: String) async throws -> ApprovalTransition {
        let at = now()
        // Past its time but not swept yet: it is expired, whatever the sweeper's schedule.
        if let request = try await store.request(id: id), request.state == .pending, request.expiresAt <= at {
            await expire(request, at: at)
            throw ApprovalError.refused(.expired)
        }
        // A Skip takes the add claim for as long as it is applied: while qBittorrent is taking the
        // torrent it is refused (the torrent would stay there untracked), and no add starts meanwhile.
        if !approve {
            guard adding.insert(id).inserted else { throw ApprovalError.refused(.beingAdded) }
        }
        defer { if !approve { adding.remove(id) } }
        if !approve, let stored = try await store.request(id: id), stored.state == .approved, stored.attempts > 0,
            (try? await torrents.status(hash: stored.torrentHash)) != nil
        {
            // An add whose reply was lost (a timeout) may have gone through: the torrent is in
            // qBittorrent, so it is followed, never left there untracked by a Skip.
            let started = await recordStarted(stored)
            throw ApprovalError.refused(.alreadyDecided(started.state))
        }
        let transition = try await store.apply(approve ? .approve : .skip, to: id, at: at, by: channel, error: nil)
        if case .refused(let refusal) = transition.outcome { throw ApprovalError.refused(refusal) }
        if transition.moved {
            await metrics.increment("upshift_approvals_total", ["answer": approve ? "approve" : "skip", "by": channel])
            logger.info(
                "Request answered",
                metadata: [
                    "request.id": "\(id)", "request.state": "\(transition.request.state)", "request.by": "\(channel)",
                ])
        }
        return transition
    }

    /// The slow part of an answer: edits the chat message and, for an approval, adds the torrent.
    /// Returns the request as it ends up.
    @discardableResult
    public func followUp(_ transition: ApprovalTransition) async -> ApprovalRequest {
        var request = transition.request
        if transition.moved { await updateMessage(request) }
        if request.state == .approved { request = await startDownload(request) }
        return request
    }

    // MARK: - Retries and expiry

    /// One pass over the work that is due: unsent questions are sent, approved requests are
    /// added to qBittorrent. Each failure is recorded on its request with the next attempt time.
    public func retryDue() async {
        let due = now()
        let open: [ApprovalRequest]
        do {
            open = try await store.requests(in: [.pending, .approved])
        } catch {
            logger.error("Reading open requests failed", metadata: ["error": "\(error)"])
            return
        }
        for request in open where (request.nextAttemptAt ?? .distantPast) <= due {
            if request.state == .approved {
                await startDownload(request)
            } else if request.message == nil, notifier != nil, request.expiresAt > due {
                await sendRequest(request)
            }
        }
    }

    /// Expires every pending request past its `expires_at` and edits its message. Returns how
    /// many expired.
    @discardableResult
    public func expireDue() async -> Int {
        let due = now()
        let pending: [ApprovalRequest]
        do {
            pending = try await store.requests(in: [.pending])
        } catch {
            logger.error("Reading pending requests failed", metadata: ["error": "\(error)"])
            return 0
        }
        var expired = 0
        for request in pending where request.expiresAt <= due {
            if await expire(request, at: due) { expired += 1 }
        }
        return expired
    }

    /// After a failed torrent-client call: when the client refused the login and stopped trying
    /// (a wrong password; trying again would earn an IP ban), says so on the health board and,
    /// once, on Telegram.
    public func checkTorrentClientLogin() async {
        guard let refusal = await torrents.loginRefusal else { return }
        await health.report("qbittorrent", refusal)
        guard !toldLoginRefusal else { return }
        toldLoginRefusal = true
        logger.error("qBittorrent refused the login; no more attempts until a restart", metadata: ["error": "\(refusal)"])
        guard notifier != nil else { return }
        await enqueue(OutboxMessage(requestID: "", kind: .alert, detail: refusal, createdAt: now()))
    }

    /// Once a day: forgets the feed items older than `releases_keep_days` that no request refers
    /// to (the history stays), and gives their pages back to the file system. Returns how many went.
    @discardableResult
    public func pruneIfDue() async -> Int {
        let at = now()
        if let lastPrune, at.timeIntervalSince(lastPrune) < 24 * 3600 { return 0 }
        lastPrune = at
        do {
            let cutoff = at.addingTimeInterval(-Double(settings.releasesKeepDays) * 24 * 3600)
            // A fetch-failure clock is kept at least as long as the item may still be retried.
            let retried = at.addingTimeInterval(-Double(settings.ruleSettings.notifyExpireHours) * 3600)
            let removed = try await store.pruneReleases(seenBefore: cutoff, failuresBefore: min(cutoff, retried))
            if removed > 0 { logger.info("Old releases pruned", metadata: ["releases.count": "\(removed)"]) }
            return removed
        } catch {
            logger.error("Pruning old releases failed", metadata: ["error": "\(error)"])
            return 0
        }
    }

    /// Expires one request and edits its message; true when it moved.
    @discardableResult
    private func expire(_ request: ApprovalRequest, at: Date) async -> Bool {
        do {
            let transition = try await store.apply(.expire, to: request.id, at: at, by: "expiry", error: nil)
            guard transition.moved else { return false }
            logger.info("Request expired", metadata: ["request.id": "\(request.id)"])
            await updateMessage(transition.request)
            return true
        } catch {
            logger.error("Expiring a request failed", metadata: ["request.id": "\(request.id)", "error": "\(error)"])
            return false
        }
    }

    // MARK: - Private

    /// Sends the question; on failure records the attempt for ``retryDue()``.
    @discardableResult
    private func sendRequest(_ request: ApprovalRequest) async -> ApprovalRequest {
        guard let notifier, sending.insert(request.id).inserted else { return request }
        defer { sending.remove(request.id) }
        do {
            // Read again: a press, the API or the sweeper may have answered it meanwhile.
            guard let current = try await store.request(id: request.id), current.state == .pending,
                current.message == nil
            else { return request }
            let message = try await notifier.sendRequest(current)
            guard let sent = try await store.recordMessage(message, for: current.id) else { return current }
            // Answered or expired while the question was on its way: its buttons go at once.
            if sent.state != .pending { await updateMessage(sent) }
            return sent
        } catch {
            return await recordFailure(request, in: .pending, error: error, component: "telegram", what: "Sending the request failed")
        }
    }

    /// Adds an approved request's torrent; moves it to `downloading`, or records the failure.
    @discardableResult
    private func startDownload(_ request: ApprovalRequest) async -> ApprovalRequest {
        guard adding.insert(request.id).inserted else { return request }
        defer { adding.remove(request.id) }
        let current: ApprovalRequest
        let torrent: Data
        do {
            // Read again under the claim: it may have been added, cancelled or failed meanwhile.
            guard let stored = try await store.request(id: request.id), stored.state == .approved else {
                return (try? await store.request(id: request.id)) ?? request
            }
            guard let data = try await store.torrent(requestID: stored.id), !data.isEmpty else {
                return await fail(stored, detail: ApprovalWorkflowError.torrentMissing(stored.id).description)
            }
            current = stored
            torrent = data
        } catch {
            logger.error("Reading a request failed", metadata: ["request.id": "\(request.id)", "error": "\(error)"])
            return request
        }
        do {
            let options = TorrentAddOptions(
                savePath: current.targetFolder, category: settings.qbittorrentCategory,
                tags: ["upshift", current.kind.rawValue], sequentialDownload: settings.qbitSequentialDownload,
                paused: settings.qbitPauseOnAdd)
            try await torrents.add(torrent, options: options)
        } catch let error as PermanentTorrentError {
            return await fail(current, detail: error.description)
        } catch {
            await checkTorrentClientLogin()
            return await recordFailure(current, in: .approved, error: error, component: "qbittorrent", what: "Adding the torrent failed")
        }
        return await recordStarted(current)
    }

    /// Moves a request qBittorrent has taken to `downloading`, edits its message and sends the
    /// "started" notice; returns the request as stored.
    private func recordStarted(_ current: ApprovalRequest) async -> ApprovalRequest {
        let transition: ApprovalTransition
        do {
            transition = try await store.apply(.startDownload, to: current.id, at: now(), by: nil, error: nil)
        } catch {
            logger.error("Recording a started download failed", metadata: ["request.id": "\(current.id)", "error": "\(error)"])
            return current
        }
        guard transition.moved else { return transition.request }
        let started = transition.request
        await metrics.increment("upshift_downloads_total", ["outcome": "started"])
        logger.info(
            "Download started",
            metadata: ["request.id": "\(started.id)", "torrent.hash": "\(started.torrentHash)"])
        await updateMessage(started)
        if settings.notifyDownloadStart { await notice(.started, started) }
        return started
    }

    /// Moves a request to `error` and tells the owner.
    private func fail(_ request: ApprovalRequest, detail: String) async -> ApprovalRequest {
        logger.error("Download failed", metadata: ["request.id": "\(request.id)", "error": "\(detail)"])
        let transition: ApprovalTransition
        do {
            transition = try await store.apply(.fail, to: request.id, at: now(), by: nil, error: detail)
        } catch {
            logger.error("Recording a failed download failed", metadata: ["request.id": "\(request.id)", "error": "\(error)"])
            return request
        }
        guard transition.moved else { return transition.request }
        await metrics.increment("upshift_downloads_total", ["outcome": "error"])
        await updateMessage(transition.request)
        if settings.notifyDownloadError { await notice(.error, transition.request, detail: detail) }
        return transition.request
    }

    /// Records a failed attempt (send or add) with its backoff, logged; returns the request as stored.
    private func recordFailure(
        _ request: ApprovalRequest, in state: ApprovalState, error: any Error, component: String, what: String
    ) async -> ApprovalRequest {
        await metrics.increment("upshift_errors_total", ["component": component])
        do {
            guard
                let updated = try await store.recordFailure(
                    for: request.id, in: state, error: String(describing: error), at: now(), backoff: backoff)
            else { return request }
            logger.warning(
                "\(what)",
                metadata: [
                    "request.id": "\(request.id)", "error": "\(error)", "retry.attempts": "\(updated.attempts)",
                    "retry.in_seconds": "\(Int(backoff.delay(afterAttempts: updated.attempts)))",
                ])
            return updated
        } catch let storeError {
            logger.error(
                "\(what)", metadata: ["request.id": "\(request.id)", "error": "\(error)", "store.error": "\(storeError)"])
            return request
        }
    }

    /// Queues an edit of the request's message to its state, then delivers what is due.
    func updateMessage(_ request: ApprovalRequest) async {
        guard notifier != nil, request.message != nil else { return }
        await enqueue(OutboxMessage(requestID: request.id, kind: .edit, createdAt: now()))
    }

    /// Queues a notice, then delivers what is due.
    func notice(_ kind: DownloadNotice.Kind, _ request: ApprovalRequest, detail: String? = nil) async {
        guard notifier != nil else { return }
        await enqueue(OutboxMessage(requestID: request.id, kind: .notice(kind), detail: detail, createdAt: now()))
    }

    private func enqueue(_ message: OutboxMessage) async {
        do {
            try await store.enqueue(message)
        } catch {
            await metrics.increment("upshift_errors_total", ["component": "store"])
            logger.error(
                "Queueing a chat message failed",
                metadata: ["request.id": "\(message.requestID)", "outbox.kind": "\(message.kind.rawValue)", "error": "\(error)"])
            return
        }
        await deliverOutbox()
    }

    // MARK: - Outbox

    /// Delivers every queued notice and edit that is due, oldest first. Messages of one request go
    /// out in the order they were queued: after a failure the request's later messages wait for
    /// the retry (with backoff), so "completed" never arrives before "started". A message still
    /// undelivered after ``outboxGiveUp`` is dropped and logged. A call made while a delivery runs
    /// makes that delivery look again once it is done, so nothing waits for the next pass.
    public func deliverOutbox() async {
        guard let notifier else { return }
        guard !delivering else {
            deliverAgain = true
            return
        }
        delivering = true
        defer { delivering = false }
        repeat {
            deliverAgain = false
            let queued: [OutboxMessage]
            do {
                queued = try await store.outbox()
            } catch {
                logger.error("Reading the chat outbox failed", metadata: ["error": "\(error)"])
                return
            }
            var waiting = Set<String>()
            for message in queued {
                guard let id = message.id, !waiting.contains(message.requestID), !Task.isCancelled else { continue }
                let at = now()
                if (message.nextAttemptAt ?? .distantPast) > at {
                    waiting.insert(message.requestID)
                    continue
                }
                guard await deliver(message, id: id, notifier: notifier, at: at) else {
                    // Telegram is down or slow: the rest waits for the next pass, so whoever queued
                    // a message (an approval, a tracker pass) waits for one failed call at most.
                    return
                }
            }
        } while deliverAgain && !Task.isCancelled
    }

    /// Sends one queued message; true when it is gone from the queue (delivered, or refused for
    /// good and dropped), false when it is to be retried.
    private func deliver(_ message: OutboxMessage, id: Int64, notifier: any ApprovalNotifier, at: Date) async -> Bool {
        do {
            if message.kind == .alert {
                try await notifier.sendAlert(message.detail ?? "")
            } else if let request = try await store.request(id: message.requestID) {
                switch message.kind {
                case .edit:
                    if let ref = request.message { try await notifier.updateRequest(request, message: ref) }
                case .notice(let kind):
                    try await notifier.sendNotice(DownloadNotice(kind: kind, request: request, detail: message.detail))
                case .alert:
                    break
                }
            }
            try await store.removeFromOutbox(id)
            return true
        } catch let error as PermanentChatError {
            logger.warning(
                "Chat message refused for good, dropped",
                metadata: ["request.id": "\(message.requestID)", "outbox.kind": "\(message.kind.rawValue)", "error": "\(error)"])
            try? await store.removeFromOutbox(id)
            return true
        } catch {
            await metrics.increment("upshift_errors_total", ["component": "telegram"])
            if at.timeIntervalSince(message.createdAt) >= Self.outboxGiveUp {
                logger.error(
                    "Giving up on a chat message",
                    metadata: ["request.id": "\(message.requestID)", "outbox.kind": "\(message.kind.rawValue)", "error": "\(error)"])
                try? await store.removeFromOutbox(id)
                return false
            }
            logger.warning(
                "Sending a chat message failed",
                metadata: [
                    "request.id": "\(message.requestID)", "outbox.kind": "\(message.kind.rawValue)",
                    "retry.attempts": "\(message.attempts + 1)", "error": "\(error)",
                ])
            do {
                try await store.recordOutboxFailure(id, error: String(describing: error), at: at, backoff: backoff)
            } catch {
                logger.error("Recording a chat failure failed", metadata: ["error": "\(error)"])
            }
            return false
        }
    }

    /// How long an undeliverable chat message is retried before it is dropped: a week.
    public static let outboxGiveUp: TimeInterval = 7 * 24 * 3600

    private func targetFolder(for movie: LibraryMovie?) async -> String? {
        guard let movie, let folders else { return nil }
        do {
            return try await folders.folder(for: movie)
        } catch {
            logger.warning("Finding the movie folder failed", metadata: ["movie.title": "\(movie.title)", "error": "\(error)"])
            return nil
        }
    }
}

/// A torrent the client refused for good (not a torrent, rejected): retrying cannot help, so the
/// request moves to `error`. Adapters throw it; other errors are retried.
public struct PermanentTorrentError: Error, Sendable, CustomStringConvertible {
    /// What was refused and why, free of secrets.
    public var description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// Workflow failures that no retry can fix.
enum ApprovalWorkflowError: Error, CustomStringConvertible {
    case torrentMissing(String)

    var description: String {
        switch self {
        case .torrentMissing(let id): "The stored .torrent of request \(id) is missing."
        }
    }
}
