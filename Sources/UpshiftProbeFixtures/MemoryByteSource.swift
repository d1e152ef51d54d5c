import UpshiftProbe

/// A ``ByteSource`` over bytes in memory that counts what it is asked for, so tests can check
/// the probe's own `bytesRead` and that it stays small. It can also fail after a number of
/// bytes, like a network source that drops.
public struct MemoryByteSource: ByteSource {
    /// The whole "file".
    public let bytes: [UInt8]
    /// Throw on any read that would take the total past this many bytes.
    public let failAfterBytes: Int64?
    private let log = ReadLog()

    /// The error thrown once `failAfterBytes` is reached.
    public struct Failure: Error, CustomStringConvertible {
        /// One sentence.
        public var description: String { "the connection was reset" }
    }

    /// A source over `bytes`.
    public init(_ bytes: [UInt8], failAfterBytes: Int64? = nil) {
        self.bytes = bytes
        self.failAfterBytes = failAfterBytes
    }

    /// The number of bytes.
    public func length() async throws -> Int64 {
        Int64(bytes.count)
    }

    /// Up to `count` bytes at `offset`.
    public func read(offset: Int64, count: Int) async throws -> [UInt8] {
        guard offset >= 0, offset < Int64(bytes.count), count > 0 else { return [] }
        let end = Int(min(Int64(bytes.count), offset + Int64(count)))
        let slice = Array(bytes[Int(offset)..<end])
        if let failAfterBytes, await log.total + Int64(slice.count) > failAfterBytes { throw Failure() }
        await log.record(slice.count)
        return slice
    }

    /// Bytes returned so far.
    public var bytesRead: Int64 {
        get async { await log.total }
    }

    /// Read calls answered so far.
    public var reads: Int {
        get async { await log.reads }
    }
}

/// The running totals of a ``MemoryByteSource``.
private actor ReadLog {
    var total: Int64 = 0
    var reads = 0

    func record(_ count: Int) {
        total += Int64(count)
        reads += 1
    }
}
