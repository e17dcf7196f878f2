// harbour-bench: Harbour's event store against the physical limit of raw C LMDB, in one run.
//
//     swift run -c release harbour-bench [--events 200000] [--shared ../shared] ...   (--help lists the options)
//
// Builds ../shared/bench/lmdb_limit.c and runs it on the same generated events as EventStore,
// each Harbour workload right after its raw twin (the same batch size; batch 1 or 100 for the
// concurrent appenders), keeps the round with the best Harbour figure and its twin, then prints
// one table of events/s and ratios.
import Foundation

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--tail-read-child" {
    try await TailReads.runChild(storePath: CommandLine.arguments[2])
}
let options = BenchmarkOptions.parse(CommandLine.arguments.dropFirst())
let workspace = try Workspace(options: options)
defer { workspace.clean() }

say("Harbour benchmark: \(options.events) events (\(options.singleEvents) for batch 1), workspace \(workspace.root)")
if options.concurrentOnly > 0 {
    say("\(try await HarbourRuns(workspace: workspace, options: options).concurrentOnly(options.concurrentOnly)) events/s")
    exit(0)
}
if options.tailRead {
    try await TailReads(workspace: workspace).measure()
    exit(0)
}
if options.bulkOnly {
    say("\(try await HarbourRuns(workspace: workspace, options: options).bulkOnly())")
    exit(0)
}
let raw = try RawLMDB(workspace: workspace)
if options.singleOnly > 0 {
    try await HarbourRuns(workspace: workspace, options: options).singleOnly(against: raw, pairs: options.singleOnly)
    exit(0)
}
let fdatasyncBefore = try raw.fdatasyncMicroseconds()
say("disk: one fdatasync takes \(Int(fdatasyncBefore)) µs")
let (rawFigures, harbourFigures) = try await HarbourRuns(workspace: workspace, options: options)
    .measure(against: raw, repeats: options.repeats)
let fdatasyncAfter = try raw.fdatasyncMicroseconds()
say()
say(Report(raw: rawFigures, harbour: harbourFigures).markdownTable())
say()
say("Each row's raw figure is the run just before its Harbour figure, in the same round.")
say("Disk: one fdatasync of a 4 KiB overwrite took \(Int(fdatasyncBefore)) µs before the run and \(Int(fdatasyncAfter)) µs after it.")
