public import LMDB

/// How an ``EventStore`` is opened.
public struct StoreConfiguration: Sendable {
    public var environment: EnvironmentConfiguration
    public var limits: StoreLimits

    public init(environment: EnvironmentConfiguration = .init(), limits: StoreLimits = .init()) {
        self.environment = environment
        self.limits = limits
    }
}
