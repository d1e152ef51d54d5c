/// An open-addressing table from ASCII matching keys to the first movie under each: a key is hashed from its
/// bytes where they lie (no `String`, no per-character work), and compared byte for byte. ASCII keys compare
/// equal as `String`s exactly when their bytes are equal; a key with other bytes never equals an ASCII one in the
/// comparison form (it is lower-cased, and `` ` `` and `;`, which U+1FEF and U+037E decompose to, are not in it).
struct ASCIIKeyTable: Sendable {
    private struct Slot: Sendable {
        /// The key's hash, never 0; 0 marks an empty slot.
        var hash: UInt64
        /// Where the key's bytes are in `keyBytes`.
        var keyStart: Int32
        var keyLength: Int32
        /// First movie under the key.
        var first: Int32
    }

    private var slots: [Slot]
    private let keyBytes: [UInt8]
    private let shift: UInt64

    /// Room for `expectedKeys` keys (at most half full) whose bytes are in `keyBytes`.
    init(expectedKeys: Int, keyBytes: [UInt8]) {
        var capacity = 16
        while capacity < expectedKeys * 2 { capacity *= 2 }
        slots = Array(repeating: Slot(hash: 0, keyStart: 0, keyLength: 0, first: -1), count: capacity)
        self.keyBytes = keyBytes
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// True when every byte is ASCII.
    static func isASCII<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var all: UInt8 = 0
        for byte in bytes { all |= byte }
        return all < 0x80
    }

    /// Makes the movie at `position` the first under the key at `range` of `keyBytes`; returns the movie that was
    /// first before (-1 for a new key).
    mutating func insert(_ range: Range<Int>, _ position: Int32) -> Int32 {
        let hash = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[range])) }
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while slots[slot].hash != 0 {
            if slots[slot].hash == hash && equal(slots[slot], range) {
                let previous = slots[slot].first
                slots[slot].first = position
                return previous
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Slot(
            hash: hash, keyStart: Int32(truncatingIfNeeded: range.lowerBound),
            keyLength: Int32(truncatingIfNeeded: range.count), first: position)
        return -1
    }

    /// The first movie under `key`, or -1.
    func first(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash >> shift)
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { keyBytes in
                while true {
                    let candidate = slots[slot]
                    if candidate.hash == 0 { return -1 }
                    if candidate.hash == hash && Int(candidate.keyLength) == key.count {
                        let start = Int(candidate.keyStart)
                        let stored = UnsafeBufferPointer(rebasing: keyBytes[start..<start + key.count])
                        if Self.equal(stored, key) { return candidate.first }
                    }
                    slot = (slot + 1) & (slots.count - 1)
                }
            }
        }
    }

    private func equal(_ slot: Slot, _ range: Range<Int>) -> Bool {
        guard Int(slot.keyLength) == range.count else { return false }
        return keyBytes.withUnsafeBufferPointer { bytes in
            Self.equal(
                UnsafeBufferPointer(rebasing: bytes[Int(slot.keyStart)..<Int(slot.keyStart + slot.keyLength)]),
                UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    /// Byte-for-byte equality of two buffers of the same length, eight bytes at a time.
    private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lhs.count
        guard count > 0 else { return true }
        let left = UnsafeRawPointer(lhs.baseAddress!)
        let right = UnsafeRawPointer(rhs.baseAddress!)
        var offset = 0
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if lhs[offset] != rhs[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A 64-bit hash of `bytes` (eight bytes at a time, then a full avalanche), never 0.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }
}
