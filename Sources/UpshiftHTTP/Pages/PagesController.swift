import Foundation
import HTTPTypes
import Hummingbird
import UpshiftCore
import UpshiftServices
import UpshiftSettings

/// The web UI of SPEC §8: pending approvals, feed, history, library and settings pages, the
/// login page and Log out button (``PagesController+Session``), and the form posts behind the
/// Approve / Skip / Validate buttons.
///
/// Forms carry a CSRF token (double-submit: the `upshift_csrf` cookie and a hidden field), and
/// ``CrossSiteMiddleware`` refuses cross-site posts before they arrive here.
struct PagesController: Sendable {
    let daemon: DaemonContext
    let apiKey: String
    let sessions: SessionStore
    let limiter: FailureLimiter

    func addRoutes(to router: Router<UpshiftRequestContext>) {
        router.get("/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: .init(string: HTML.css)))
        }
        router.get("/") { request, _ in try await withCSRF(request) { try await pendingPage(csrf: $0) } }
        router.get("/feed") { request, _ in try await withCSRF(request) { try await feedPage(csrf: $0) } }
        router.get("/history") { request, _ in try await withCSRF(request) { try await historyPage(csrf: $0) } }
        router.get("/library") { request, _ in try await withCSRF(request) { try await libraryPage(csrf: $0) } }
        router.get("/settings") { request, _ in try await withCSRF(request) { await settingsPage(csrf: $0, check: nil) } }
        router.post("/ui/approve") { request, _ in try await answer(request, approve: true) }
        router.post("/ui/skip") { request, _ in try await answer(request, approve: false) }
        router.post("/ui/settings/validate") { request, _ in
            let form = try await checkedForm(request)
            return await settingsPage(csrf: form["csrf"] ?? "", check: form["settings"] ?? "")
        }
        router.get("/login") { _, _ in loginPage(error: nil) }
        router.post("/login") { request, context in try await login(request, client: context.clientAddress) }
        router.post("/logout") { request, _ in try await logout(request) }
    }

    /// A page of the UI, with the Log out button (carrying `csrf`) when a key is set.
    /// Every page opens with what is wrong right now (a refused library scan, a qBittorrent that
    /// refused the login), from the daemon's health board.
    func page(
        _ title: String, active: String, body: String, csrf: String, status: HTTPResponse.Status = .ok
    ) async -> Response {
        let problems = await daemon.health.all.map { "<p class=\"alert\">\(HTML.escape($0.problem))</p>" }.joined()
        return HTML.page(
            title, active: active, body: problems + body, status: status, logout: apiKey.isEmpty ? nil : csrf)
    }

    // MARK: - Pages

    private func pendingPage(csrf: String) async throws -> Response {
        let open = try await daemon.store.requests(in: [.pending, .approved, .downloading])
        guard !open.isEmpty else {
            return await page(
                "Pending approvals", active: "/", body: "<p class=\"muted\">Nothing is waiting for you.</p>", csrf: csrf)
        }
        let cards = open.reversed().map { request in
            var buttons = ""
            func button(_ action: String, _ label: String, _ style: String) -> String {
                """
                <form class="inline" method="post" action="/ui/\(action)"><input type="hidden" name="request_id" value="\(HTML.escape(request.id))"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))"><button class="\(style)">\(label)</button></form>
                """
            }
            if request.state == .pending {
                buttons = button("approve", "Download", "approve") + "\n" + button("skip", "Skip", "skip")
            } else if request.state == .approved {
                // Waiting for qBittorrent: the approval can still be withdrawn.
                buttons = "<p><strong>approved</strong>, waiting for qBittorrent</p>" + button("skip", "Cancel", "skip")
            } else {
                let progress = request.progress.map { " · \(Int(($0 * 100).rounded())) %" } ?? ""
                buttons = "<p><strong>\(HTML.escape(request.state.rawValue))</strong>\(progress)</p>"
            }
            let error = request.lastError.map { "<p class=\"error\">Last error: \(HTML.escape($0))</p>" } ?? ""
            return """
                <div class="card"><h2>\(HTML.badge(request.kind.rawValue)) \(HTML.escape(request.displayTitle))</h2>
                <p>\(HTML.escape(request.reason))</p>
                <table><tr><th>Current</th><td>\(HTML.quality(request.current))</td></tr>
                <tr><th>New</th><td>\(HTML.quality(request.new)) <span class="muted">\(HTML.size(request.sizeBytes))</span></td></tr>
                <tr><th>Release</th><td>\(HTML.escape(request.releaseName))</td></tr>
                <tr><th>Folder</th><td>\(HTML.escape(request.targetFolder ?? "qBittorrent's default folder"))</td></tr>
                <tr><th>Expires</th><td>\(HTML.date(request.expiresAt))</td></tr></table>
                \(error)<p>\(buttons)</p></div>
                """
        }
        return await page("Pending approvals", active: "/", body: cards.joined(separator: "\n"), csrf: csrf)
    }

    private func feedPage(csrf: String) async throws -> Response {
        let releases = try await daemon.store.recentReleases(limit: 200)
        let rows = releases.map { r in
            """
            <tr><td>\(HTML.date(r.seenAt))</td><td>\(HTML.escape(r.name))<br><span class="muted">\(HTML.escape(r.movieTitle ?? ""))</span></td>
            <td>\(HTML.badge(r.decision.kind.rawValue))</td><td>\(HTML.escape(r.decision.reason))</td><td>\(HTML.size(r.sizeBytes))</td></tr>
            """
        }
        let body =
            rows.isEmpty
            ? "<p class=\"muted\">No release seen yet.</p>"
            : "<table><tr><th>Seen</th><th>Release</th><th>Decision</th><th>Reason</th><th>Size</th></tr>\(rows.joined())</table>"
        return await page("Feed", active: "/feed", body: body, csrf: csrf)
    }

    private func historyPage(csrf: String) async throws -> Response {
        let entries = try await daemon.store.history(limit: 200)
        let rows = entries.map { h in
            """
            <tr><td>\(HTML.date(h.startedAt))</td><td>\(HTML.escape(h.movieTitle))\(h.year.map { " (\($0))" } ?? "")<br><span class="muted">\(HTML.escape(h.releaseName))</span></td>
            <td>\(HTML.badge(h.qualityType))</td><td>\(HTML.escape(h.status))\(h.errorMessage.map { "<br><span class=\"error\">\(HTML.escape($0))</span>" } ?? "")</td>
            <td>\(HTML.date(h.completedAt))</td><td><code>\(HTML.escape(h.torrentHash ?? ""))</code></td></tr>
            """
        }
        let body =
            rows.isEmpty
            ? "<p class=\"muted\">Nothing decided yet.</p>"
            : "<table><tr><th>Started</th><th>Movie</th><th>Kind</th><th>Status</th><th>Finished</th><th>Hash</th></tr>\(rows.joined())</table>"
        return await page("History", active: "/history", body: body, csrf: csrf)
    }

    private func libraryPage(csrf: String) async throws -> Response {
        let movies = try await daemon.store.libraryMovies()
        let summary = LibrarySummary(movies)
        let rows = movies.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }.map { m in
            "<tr><td>\(HTML.escape(m.title))</td><td>\(m.year.map(String.init) ?? "")</td><td>\(HTML.quality(m.quality))</td><td>\(Self.layerSource(m.quality))</td></tr>"
        }
        let probing = await daemon.library.probeProgress.map {
            "<p class=\"muted\">Reading Dolby Vision layers from library files: \($0.done) of \($0.total) done; feeds wait for it.</p>"
        } ?? ""
        let body = """
            \(probing)<p>\(HTML.escape(summary.line))</p>
            <p class="muted">Profile 7 layers: \(HTML.escape(summary.p7Line))</p>
            <table><tr><th>Title</th><th>Year</th><th>Current copy</th><th>Layer known from</th></tr>\(rows.joined())</table>
            """
        return await page("Library", active: "/library", body: body, csrf: csrf)
    }

    /// How a profile 7 copy's layer is known: `the file`, `the name`, or `unknown`; empty for others.
    static func layerSource(_ quality: Quality) -> String {
        guard quality.dv, quality.dvProfile == .p7 else { return "" }
        switch (quality.dvLayer, quality.dvLayerSource) {
        case (nil, _): return "<span class=\"muted\">unknown</span>"
        case (_, .file): return "the file"
        case (_, .name), (_, nil): return "the name"
        }
    }

    private func settingsPage(csrf: String, check: String?) async -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(daemon.settings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let warnings = daemon.settingsWarnings.map { "<li>\(HTML.escape($0))</li>" }.joined()
        var result = ""
        if let check {
            do {
                let loaded = try SettingsLoader.validate(Data(check.utf8), source: "pasted settings")
                let notes = loaded.warnings.map { "<li>\(HTML.escape($0))</li>" }.joined()
                result = "<p><strong>Valid.</strong></p>\(notes.isEmpty ? "" : "<ul>\(notes)</ul>")"
            } catch {
                let problems = error.problems.map { "<li>\(HTML.escape($0.description))</li>" }.joined()
                result = "<p class=\"error\"><strong>Not valid:</strong></p><ul class=\"error\">\(problems)</ul>"
            }
        }
        let body = """
            <p class="muted">The settings in use, secrets masked. Edit settings.json (or the UPSHIFT_* variables) and restart to change them.</p>
            \(warnings.isEmpty ? "" : "<ul>\(warnings)</ul>")
            <pre>\(HTML.escape(json))</pre>
            <h2>Validate a settings file</h2>
            <form method="post" action="/ui/settings/validate"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <textarea name="settings">\(HTML.escape(check ?? ""))</textarea><p><button class="approve">Validate</button></p></form>
            \(result)
            """
        return await page("Settings", active: "/settings", body: body, csrf: csrf)
    }

    // MARK: - Actions

    private func answer(_ request: Request, approve: Bool) async throws -> Response {
        let form = try await checkedForm(request)
        guard let id = form["request_id"], !id.isEmpty else {
            throw APIError(.badRequest, "The form has no request_id.")
        }
        do {
            let transition = try await daemon.coordinator.answer(id, approve: approve, by: "web")
            await daemon.coordinator.followUp(transition)
        } catch let error as ApprovalError {
            let status = error.status
            return await page(
                "Pending approvals", active: "/",
                body: "<p class=\"error\">\(HTML.escape(error.description))</p><p><a href=\"/\">Back</a></p>",
                csrf: form["csrf"] ?? "", status: status)
        }
        return Response(status: .seeOther, headers: [.location: "/"])
    }
}
