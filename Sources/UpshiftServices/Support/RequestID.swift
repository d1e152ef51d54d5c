/// Short, opaque request ids: 10 characters of lower-case base 32 (50 bits), safe in callback data
/// (`dl:<id>` stays far under Telegram's 64 bytes) and URLs.
enum RequestID {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// A new random id.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
