extension Settings {
    /// Why the daemon may not start as configured, or `nil`: an open daemon is a choice. Bound to an
    /// address that is not loopback with an empty `web_api_key`, every page and call would be open to
    /// the network, so `upshift serve` (and `upshift config check`) refuse unless
    /// `web_allow_unauthenticated` is true. The key named is `web_api_key`; the problem completes the
    /// sentence and names `web_allow_unauthenticated`.
    public var openWebProblem: (key: String, problem: String)? {
        guard !WebHostName.isLoopback(webHost), !webAPIKey.isSet, !webAllowUnauthenticated else { return nil }
        return (
            CodingKeys.webAPIKey.rawValue,
            "must be set while web_host \"\(webHost)\" is not a loopback address; to serve every page and call "
                + "without a key on purpose, set web_allow_unauthenticated to true"
        )
    }
}
