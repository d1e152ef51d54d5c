/// Reads a ``ByteSource`` through one small window, counting every byte and every container
/// element it is asked about, and stopping at ``ProbeLimits``.
///
/// A read that the window already holds costs nothing; any other read fetches at least
/// `readAhead` bytes so that the element headers that follow usually come with it.
struct SourceReader {
    /// The source.
    let source: any ByteSource
    /// The source's length, from ``open()``.
    private(set) var length: Int64 = 0
    /// Every byte the source returned, re-reads included.
    private(set) var bytesRead: Int64 = 0
    /// Container elements and boxes looked at so far.
    private(set) var elements = 0
    private var window: [UInt8] = []
    private var windowStart: Int64 = 0

    /// A reader over `source`; call ``open()`` first.
    init(source: any ByteSource) {
        self.source = source
    }

    /// Asks the source for its length.
    mutating func open() async throws {
        do {
            length = try await source.length()
        } catch {
            throw Self.wrapped(error)
        }
        guard length >= 0 else { throw ProbeError.source("it reported a negative length") }
    }

    /// Up to `count` bytes at `offset`: fewer only at the end of the source, none past it.
    mutating func bytes(at offset: Int64, count: Int, readAhead: Int = ProbeLimits.readAhead) async throws -> [UInt8] {
        guard count > 0, offset >= 0, offset < length else { return [] }
        let available = Int(min(Int64(count), length - offset))
        if offset >= windowStart, offset - windowStart + Int64(available) <= Int64(window.count) {
            let start = Int(offset - windowStart)
            return Array(window[start..<start + available])
        }
        let wanted = Int(min(Int64(max(available, readAhead)), length - offset))
        guard bytesRead + Int64(wanted) <= ProbeLimits.maxBytesRead else {
            throw ProbeError.limitReached("reading \(bytesRead) bytes")
        }
        var data: [UInt8]
        do {
            data = try await source.read(offset: offset, count: wanted)
        } catch {
            throw Self.wrapped(error)
        }
        if data.count > wanted { data.removeLast(data.count - wanted) }
        bytesRead += Int64(data.count)
        window = data
        windowStart = offset
        return Array(data.prefix(available))
    }

    /// Exactly `count` bytes at `offset`; throws ``ProbeError/truncated(_:)`` naming `place` when
    /// the source ends first.
    mutating func exactly(
        at offset: Int64, count: Int, readAhead: Int = ProbeLimits.readAhead, in place: @autoclosure () -> String
    ) async throws -> [UInt8] {
        let data = try await bytes(at: offset, count: count, readAhead: readAhead)
        guard data.count == count else { throw ProbeError.truncated(place()) }
        return data
    }

    /// Counts one more container element or box; throws past ``ProbeLimits/maxElements``.
    mutating func countElement() throws {
        elements += 1
        guard elements <= ProbeLimits.maxElements else {
            throw ProbeError.limitReached("looking at \(ProbeLimits.maxElements) container elements")
        }
    }

    /// A source's own error as a ``ProbeError``.
    private static func wrapped(_ error: any Error) -> ProbeError {
        if let error = error as? ProbeError { return error }
        return .source(String(describing: error))
    }
}

// MARK: - Big-endian integers

extension Array where Element == UInt8 {
    /// The unsigned big-endian integer in `count` bytes (at most 8) from `index`; the caller
    /// checks the bounds.
    func bigEndian(at index: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<count { value = value << 8 | UInt64(self[index + offset]) }
        return value
    }

    /// The big-endian `UInt32` at `index`, or `nil` past the end.
    func uint32(at index: Int) -> UInt32? {
        guard index >= 0, index <= count - 4 else { return nil }
        return UInt32(bigEndian(at: index, count: 4))
    }
}
