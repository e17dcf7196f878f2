/// What a batch does to one projection's model, before the model is touched.
protocol PreparedProjection: Sendable {}

/// One projection's prepared events for a batch, one per event, in the batch's order.
struct PreparedPlacements<P: FactProjection>: PreparedProjection {
    let events: [PreparedEvent<P.Fact>]
}

/// A decoded batch with what it does to each projection (in the runners' order).
struct PreparedBatch: Sendable {
    let events: [ProjectionEvent]
    let projections: [any PreparedProjection]
}

/// Works out every projection's placements for a batch without touching the models, so the
/// decoding thread can do it while the previous batch is written: building placements (the
/// projections' casts, rows and facts) is a large share of a rebuild's work.
struct BatchPreparer: Sendable {
    let typeNumbers: EventTypeNumbers
    /// One step per projection, in the runners' order.
    let steps: [@Sendable ([ProjectionEvent], [Int]) -> any PreparedProjection]

    func prepare(_ events: [ProjectionEvent]) -> PreparedBatch {
        let types = events.map { typeNumbers.number(of: $0.eventType) }
        return PreparedBatch(events: events, projections: steps.map { $0(events, types) })
    }
}
