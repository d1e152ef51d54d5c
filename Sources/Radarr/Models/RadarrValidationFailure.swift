/// One entry of the JSON array Radarr answers a 400 with.
public struct RadarrValidationFailure: Sendable, Hashable, Decodable {
    /// The property that failed (`Title`, `TmdbId`).
    public var propertyName: String?
    /// Why.
    public var errorMessage: String?
    /// `error` or `warning`.
    public var severity: String?

    /// Creates a failure.
    public init(propertyName: String? = nil, errorMessage: String? = nil, severity: String? = nil) {
        self.propertyName = propertyName
        self.errorMessage = errorMessage
        self.severity = severity
    }

    /// The JSON names (`attemptedValue` may be any JSON value and is not read: it may echo input).
    enum CodingKeys: String, CodingKey {
        case propertyName, errorMessage, severity
    }
}

/// Radarr's `ErrorModel`: `{"message": "…", "description": "…"}` on 404, 409 and 500.
struct RadarrErrorBody: Decodable {
    var message: String?
    var description: String?

    enum CodingKeys: String, CodingKey {
        case message, description
    }
}
