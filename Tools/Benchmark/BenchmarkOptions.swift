import Foundation

struct BenchmarkOptions {
    var events = 200_000
    var singleEvents = 5_000
    var concurrentEvents = 40_000
    var sharedPath = "../shared"
    var repeats = 2
    /// Run only Harbour's bulk append (for profiling with perf).
    var bulkOnly = false
    /// Run only this many concurrent appenders (0: the whole benchmark).
    var concurrentOnly = 0
    /// Run only the reads by stream with a full unindexed tail.
    var tailRead = false
    /// Run only batch 1 and its raw twin, alternately, this many times (0: the whole benchmark).
    var singleOnly = 0

    static let usage = """
        usage: harbour-bench [--events N] [--single-events N] [--concurrent-events N] [--repeats N]
                             [--shared PATH] [--bulk-only yes | --concurrent-only APPENDERS |
                              --tail-read yes | --single-only PAIRS]
          --events N             events for the batch 100 and 10,000 runs and the full read (default 200000)
          --single-events N      events for batch 1 (default 5000)
          --concurrent-events N  events for the 16 and 256 concurrent appenders (default 40000)
          --repeats N            rounds; each figure is the best round's, with its raw twin (default 2)
          --shared PATH          the folder holding bench/lmdb_limit.c (default ../shared)
          --bulk-only yes        only Harbour's batch 10,000 and full reads, for profiling
          --concurrent-only N    only N concurrent appenders
          --tail-read yes        only reads by stream while the indexes lag by a full tail
          --single-only PAIRS    only batch 1 and its raw twin, alternately, PAIRS times
        """

    /// The options, or exits with the usage: 0 for `--help`, 2 for an unknown option or a bad value.
    static func parse(_ arguments: ArraySlice<String>) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--help" || argument == "-h" {
                print(usage)
                exit(0)
            }
            let value = iterator.next() ?? ""
            func positiveValue() -> Int { positive(value, option: argument) }
            switch argument {
            case "--events": options.events = positiveValue()
            case "--single-events": options.singleEvents = positiveValue()
            case "--concurrent-events": options.concurrentEvents = positiveValue()
            case "--shared": options.sharedPath = value
            case "--repeats": options.repeats = positiveValue()
            case "--bulk-only": options.bulkOnly = yes(value, option: argument)
            case "--concurrent-only": options.concurrentOnly = positiveValue()
            case "--tail-read": options.tailRead = yes(value, option: argument)
            case "--single-only": options.singleOnly = positiveValue()
            default: refuse("unknown option \(argument)")
            }
        }
        return options
    }

    private static func positive(_ value: String, option: String) -> Int {
        guard let number = Int(value), number > 0 else { refuse("\(option): '\(value)' is not a whole number above 0") }
        return number
    }

    private static func yes(_ value: String, option: String) -> Bool {
        guard value == "yes" || value == "no" else { refuse("\(option): '\(value)' is neither yes nor no") }
        return value == "yes"
    }

    private static func refuse(_ problem: String) -> Never {
        FileHandle.standardError.write(Data("harbour-bench: \(problem)\n\(usage)\n".utf8))
        exit(2)
    }
}

/// The temporary folder a run works in, and the generated workload files.
struct Workspace {
    let root: String
    let benchSource: String
    let bigEvents: String
    let smallEvents: String

    init(options: BenchmarkOptions) throws {
        root = FileManager.default.temporaryDirectory.path + "/harbour-bench-\(getpid())"
        benchSource = options.sharedPath + "/bench"
        guard FileManager.default.fileExists(atPath: benchSource + "/lmdb_limit.c") else {
            throw BenchmarkError("cannot find \(benchSource)/lmdb_limit.c: pass --shared PATH")
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        bigEvents = root + "/events-big.jsonl"
        smallEvents = root + "/events-small.jsonl"
        try Shell.run("python3 '\(benchSource)/gen_events.py' --events \(options.events) --seed 1 > '\(bigEvents)'")
        try Shell.run("python3 '\(benchSource)/gen_events.py' --events \(options.singleEvents) --seed 1 > '\(smallEvents)'")
    }

    func path(_ name: String) -> String { root + "/" + name }

    func clean() { try? FileManager.default.removeItem(atPath: root) }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Shell {
    /// Runs `command` with /bin/sh and returns its standard output.
    @discardableResult
    static func run(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("command failed (\(process.terminationStatus)): \(command)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Empties the page cache so a scan reads from disk; false when not permitted.
    static func dropPageCache() -> Bool {
        (try? run("sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null")) != nil
    }
}

/// Prints a line at once, even when standard output is a pipe or a file.
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// CPU time this process has used (user + system), in seconds: under a loaded machine,
/// CPU per event moves far less than events/s, so A/B comparisons of one workload use it.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
