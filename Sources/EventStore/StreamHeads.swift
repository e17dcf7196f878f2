/// The last versions of streams the writer has appended to or looked up, kept between its
/// commits: staging an append to a stream the unindexed tail no longer holds then costs a
/// dictionary lookup instead of a search of the `streams` index.
///
/// Only the writer's commits move a stream's head in this process, and it records them once
/// they are durable, so a version here is the stream's current one. When another process has
/// appended (``LogTailRefresh``) the writer starts again from empty.
struct StreamHeads: Sendable {
    /// More streams than this and the writer forgets them all and starts over: the cache
    /// stays a few megabytes whatever the number of streams.
    static let streamsMax = 100_000

    private(set) var versions: [[UInt8]: UInt64] = [:]

    func version(of stream: [UInt8]) -> UInt64? { versions[stream] }

    /// Takes the heads a commit has made durable (or found in the index).
    mutating func record(_ heads: [[UInt8]: UInt64]) {
        if versions.count + heads.count > Self.streamsMax { versions.removeAll(keepingCapacity: true) }
        versions.merge(heads) { _, committed in committed }
    }
}
