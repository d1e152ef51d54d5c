/// A file or a remote object read by byte ranges (a local file; HTTP Range requests elsewhere).
///
/// The probe asks for a few small ranges (the head, the track list, the tail of the first video
/// frame), so a remote implementation maps each call to one range request.
public protocol ByteSource: Sendable {
    /// Total length in bytes.
    func length() async throws -> Int64
    /// Up to `count` bytes at `offset` (fewer only at the end of the source).
    func read(offset: Int64, count: Int) async throws -> [UInt8]
}
