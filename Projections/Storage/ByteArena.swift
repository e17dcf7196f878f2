import Foundation

/// Bytes appended back to back in one block that grows with `realloc`, for ``SortedPuts``.
/// An array doubles by copying every byte queued so far into a new block, which is then
/// faulted in page by page: a fifth of an in-memory build's fold went to that copy and those
/// faults. glibc serves a large block with `mmap` and grows it with `mremap`, which moves the
/// pages instead of copying them, so each page is touched once. A value type like an array:
/// a copy shares the block until one of them appends.
struct ByteArena: Sendable {
    /// The block. Unchecked Sendable: its bytes are written only through a uniquely
    /// referenced storage (``append(_:)`` copies a shared one first), so every thread that can
    /// see a storage only reads it.
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutableRawPointer?
        var count = 0
        var capacity = 0

        init(capacity: Int) { reserve(capacity) }

        deinit { free(base) }

        func reserve(_ wanted: Int) {
            guard wanted > capacity else { return }
            guard let grown = realloc(base, wanted) else { fatalError("out of memory growing an arena to \(wanted) bytes") }
            base = grown
            capacity = wanted
        }

        func copy() -> Storage {
            let copy = Storage(capacity: max(count, 1))
            if let base, count > 0 { copy.base!.copyMemory(from: base, byteCount: count) }
            copy.count = count
            return copy
        }
    }

    private var storage = Storage(capacity: 0)

    /// The bytes appended so far.
    var count: Int { storage.count }

    /// Appends `bytes` after the ones already there.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let needed = storage.count + bytes.count
        if needed > storage.capacity { storage.reserve(max(needed, storage.capacity * 2, 4_096)) }
        if let source = bytes.baseAddress, bytes.count > 0 {
            storage.base!.advanced(by: storage.count).copyMemory(from: source, byteCount: bytes.count)
        }
        storage.count = needed
    }

    /// Appends `bytes` after the ones already there.
    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// Forgets the bytes, keeping the block when no copy shares it.
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) { storage.count = 0 } else { storage = Storage(capacity: 0) }
    }

    /// Calls `body` with the bytes appended so far.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }
}
