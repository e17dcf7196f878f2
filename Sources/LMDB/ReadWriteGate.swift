import Glibc

/// Many transactions at once, or one map resize alone.
///
/// `mdb_env_set_mapsize` is only safe while no transaction of this process is open, and
/// LMDB does not check that for readers: growing the map under a live reader invalidates its
/// pointers. Every transaction therefore holds this gate shared; growth takes it exclusive.
/// Writer preference keeps a stream of readers from starving a resize. The critical sections
/// are synchronous and short, which is why a lock rather than an actor fits here.
final class ReadWriteGate: @unchecked Sendable {  // the pthread lock is the synchronisation
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func withShared<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func withExclusive<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
