/// Builds a short text from static pieces in a stack buffer, then makes one `String` of it: the decision
/// reasons are written for every judged release, and appending to a `String` piece by piece cost more than the
/// rest of the judgement.
struct SentenceWriter: ~Copyable {
    /// The longest text a writer holds; the longest reason is about 550 bytes.
    static let capacity = 1_024

    private let buffer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    /// Calls `body` with an empty writer and returns the text it wrote.
    static func write(_ body: (inout SentenceWriter) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { storage in
            var writer = SentenceWriter(buffer: storage.baseAddress!)
            body(&writer)
            return writer.text
        }
    }

    private init(buffer: UnsafeMutablePointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text written so far.
    var text: String {
        String(unsafeUninitializedCapacity: count) { output in
            output.baseAddress!.initialize(from: buffer, count: count)
            return count
        }
    }

    mutating func append(_ piece: StaticString) {
        append(UnsafeBufferPointer(start: piece.utf8Start, count: piece.utf8CodeUnitCount))
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= Self.capacity, "sentence longer than SentenceWriter.capacity")
        if let base = bytes.baseAddress { (buffer + count).initialize(from: base, count: bytes.count) }
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `separator` between items: `, ` and, before the last of several, ` and ` (`a`, `a and b`, `a, b and c`).
    mutating func appendListSeparator(before index: Int, of count: Int) {
        guard index > 0 else { return }
        append(index == count - 1 ? " and " : ", ")
    }
}
