import Foundation

/// A tiny bencode writer for tests (BEP 3): dictionaries are written with their keys sorted byte-wise,
/// as a valid torrent needs; ``raw(_:)`` splices bytes in unchanged to build broken files on purpose.
public indirect enum TestBencode: Sendable, Hashable {
    /// `i42e`.
    case integer(Int64)
    /// `4:spam` from bytes.
    case bytes(Data)
    /// `4:spam` from UTF-8 text.
    case string(String)
    /// `l…e`.
    case list([TestBencode])
    /// `d…e`, keys sorted when written.
    case dictionary([String: TestBencode])
    /// Bytes written as they are.
    case raw(Data)

    /// The encoded bytes.
    public var encoded: Data {
        var out = Data()
        write(to: &out)
        return out
    }

    private func write(to out: inout Data) {
        switch self {
        case .integer(let value):
            out.append(contentsOf: Array("i\(value)e".utf8))
        case .bytes(let bytes):
            out.append(contentsOf: Array("\(bytes.count):".utf8))
            out.append(bytes)
        case .string(let text):
            TestBencode.bytes(Data(text.utf8)).write(to: &out)
        case .list(let items):
            out.append(UInt8(ascii: "l"))
            for item in items { item.write(to: &out) }
            out.append(UInt8(ascii: "e"))
        case .dictionary(let entries):
            out.append(UInt8(ascii: "d"))
            for key in entries.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                TestBencode.string(key).write(to: &out)
                entries[key]!.write(to: &out)
            }
            out.append(UInt8(ascii: "e"))
        case .raw(let bytes):
            out.append(bytes)
        }
    }
}
