/// Small numbers for the event types projections read, so the batch loop decides whether a
/// projection reads an event by indexing an array instead of hashing the type name again for
/// every projection. 0 stands for every type no projection reads.
struct EventTypeNumbers: Sendable {
    private let numbers: [String: Int]

    /// Numbers every type in `payloadTypes` (one set per projection) from 1.
    init(_ payloadTypes: [Set<String>]) {
        let names = payloadTypes.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 + 1) })
    }

    /// The number of `eventType` (0 when no projection reads it).
    func number(of eventType: String) -> Int { numbers[eventType] ?? 0 }

    /// Per number, whether a projection reading `types` reads it; nil reads every type (a
    /// projection that files every event, whatever its payload).
    func mask(_ types: Set<String>?) -> [Bool] {
        var mask = [Bool](repeating: types == nil, count: numbers.count + 1)
        if let types {
            for (name, number) in numbers where types.contains(name) { mask[number] = true }
        }
        return mask
    }
}
