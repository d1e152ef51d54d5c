/// Encodes wire DTOs as JSON text with their keys in the order their `encode(to:)` writes them.
struct JSONLine {
    /// Indent by two spaces per level instead of writing one line (for `config check`).
    var pretty = false

    /// The JSON text of `value`.
    func string(_ value: some Encodable) throws -> String {
        try OrderedJSONEncoder().encode(value).text(pretty: pretty)
    }
}
