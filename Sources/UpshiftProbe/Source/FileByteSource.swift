#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A local file (Glibc pread).
///
/// Each call opens the file, reads with `pread` and closes it again, so the value holds no
/// descriptor and stays a plain `Sendable` struct; a probe makes only a handful of calls.
public struct FileByteSource: ByteSource {
    /// The path, as given.
    public let path: String

    /// A source for the file at `path`; nothing is opened until the first call.
    public init(path: String) {
        self.path = path
    }

    /// The file's size; throws when it cannot be opened or is not a regular file.
    public func length() async throws -> Int64 {
        #if canImport(Glibc) || canImport(Darwin)
            let descriptor = try openFile()
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw ProbeError.io(path: path, reason: Self.lastError()) }
            guard (status.st_mode & S_IFMT) == S_IFREG else { throw ProbeError.notARegularFile(path: path) }
            return Int64(status.st_size)
        #else
            throw ProbeError.io(path: path, reason: "files cannot be read on this platform")
        #endif
    }

    /// Up to `count` bytes at `offset`, fewer only at the end of the file.
    public func read(offset: Int64, count: Int) async throws -> [UInt8] {
        #if canImport(Glibc) || canImport(Darwin)
            guard count > 0, offset >= 0 else { return [] }
            let descriptor = try openFile()
            defer { close(descriptor) }
            return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                while initialized < count {
                    let result = pread(
                        descriptor, buffer.baseAddress! + initialized, count - initialized,
                        off_t(offset + Int64(initialized)))
                    if result < 0 {
                        if errno == EINTR { continue }
                        throw ProbeError.io(path: path, reason: Self.lastError())
                    }
                    if result == 0 { break }
                    initialized += result
                }
            }
        #else
            throw ProbeError.io(path: path, reason: "files cannot be read on this platform")
        #endif
    }

    #if canImport(Glibc) || canImport(Darwin)
        private func openFile() throws -> Int32 {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw ProbeError.io(path: path, reason: Self.lastError()) }
            return descriptor
        }

        private static func lastError() -> String {
            String(cString: strerror(errno))
        }
    #endif
}
