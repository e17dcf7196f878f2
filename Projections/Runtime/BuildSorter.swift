import Foundation

/// Sorts the folded builds of an in-memory build on threads of its own while the caller writes
/// the ones already sorted. The largest go first, one per core at a time, and each build is
/// handed over as soon as its sort is done, so the writer starts on whichever finishes first:
/// with one sorting thread and a fixed order, the writer waited for the first model's sort
/// while a core stood idle, and the funder model's aggregates (folded in its sort) would have
/// held up every model after it. Real threads, not a dispatch queue: a concurrent queue ran
/// the sorts one after another when the machine was busy.
enum BuildSorter {
    /// Starts sorting every build; the result hands over the index of each build (in
    /// `builds`) once it is sorted, each exactly once, so take one per build. A build must not
    /// be touched before its index comes out.
    static func sortInBackground(_ builds: [any EmptyModelBuilding], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Handoff<Int> {
        let sorted = Handoff<Int>(depth: max(1, builds.count))
        let waiting = Handoff<Int>(depth: max(1, builds.count))
        for index in builds.indices.sorted(by: { builds[$0].queuedPuts > builds[$1].queuedPuts }) { _ = waiting.put(index) }
        waiting.finish()
        for _ in 0..<max(1, min(threads, builds.count)) {
            let thread = Thread {
                // Nothing fails here: the handoff of waiting builds was finished without a failure.
                while let index = try? waiting.take() {
                    builds[index].sort()
                    _ = sorted.put(index)
                }
            }
            thread.name = "harbour-empty-model-sort"
            thread.start()
        }
        return sorted
    }
}
