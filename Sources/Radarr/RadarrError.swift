import HTTPClientSupport

/// Why a Radarr call failed. Every text in it has been redacted: the API key never appears.
public enum RadarrError: Error, Sendable, CustomStringConvertible {
    /// 401: the API key is missing or wrong.
    case unauthorized(operation: String)
    /// 404: no such movie or endpoint (a wrong URL base also answers 404).
    case notFound(operation: String, message: String?)
    /// 400: Radarr's validation failures.
    case validation(operation: String, failures: [RadarrValidationFailure])
    /// Any other non-2xx status (409, 500, 503, …) with Radarr's `message` when it sent one.
    case status(Int, operation: String, message: String?)
    /// A 2xx reply that is not the documented JSON.
    case malformed(operation: String, detail: String)
    /// The call did not complete: timeout, refused connection, body over the cap.
    case transport(HTTPCallError)

    /// The HTTP status, when Radarr answered one.
    public var status: Int? {
        switch self {
        case .unauthorized: 401
        case .notFound: 404
        case .validation: 400
        case .status(let code, _, _): code
        case .malformed: nil
        case .transport(let error): error.status
        }
    }

    /// One sentence naming the problem, the request and the status.
    public var description: String {
        switch self {
        case .unauthorized(let operation):
            return "Radarr refused the API key (HTTP 401) for \(operation); check radarr_api_key."
        case .notFound(let operation, let message):
            return "Radarr found nothing (HTTP 404) for \(operation)\(Self.tail(message))."
        case .validation(let operation, let failures):
            let reasons = failures.map { failure in
                [failure.propertyName, failure.errorMessage].compactMap { $0 }.joined(separator: ": ")
            }
            return "Radarr rejected \(operation) (HTTP 400)\(Self.tail(reasons.joined(separator: "; ")))."
        case .status(let code, let operation, let message):
            return "Radarr answered HTTP \(code) for \(operation)\(Self.tail(message))."
        case .malformed(let operation, let detail):
            return "Radarr sent a reply to \(operation) that is not the expected JSON: \(detail)."
        case .transport(let error):
            return "\(error.description)."
        }
    }

    private static func tail(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return ": \(text)"
    }
}
