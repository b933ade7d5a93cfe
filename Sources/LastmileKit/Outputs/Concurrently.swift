import Foundation
import Synchronization

/// Independent pieces of work run on all cores. The caller vouches that the pieces share no mutable
/// state (each writes its own files, or the run store its own connection), which is why they need not
/// be `Sendable`; every piece runs to its end, and the error of the first failing one (in the order
/// given) is the one thrown.
enum Concurrently {
    /// `first` on this thread and `second` on another, side by side; both results, or `first`'s error
    /// before `second`'s.
    static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        try withoutActuallyEscaping(second) { second in
            let job = Job(second)
            let done = DispatchGroup()
            DispatchQueue.global().async(group: done) { job.run() }
            let a = Result { try first() }
            done.wait()
            return (try a.get(), try job.outcome!.get())
        }
    }

    /// Every job once, as many at a time as there are cores.
    static func run(_ jobs: [() throws -> Void]) throws {
        let work = jobs.map(Job.init)
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(work.count, ProcessInfo.processInfo.activeProcessorCount)) {
            _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < work.count else { return }
                work[k].run()
            }
        }
        for job in work { try job.outcome!.get() }
    }

    /// One piece of work and, once run, its result: written by the thread that runs it, read after the
    /// wait for that thread (`DispatchGroup.wait`, the end of `concurrentPerform`), which orders the two.
    private final class Job<T>: @unchecked Sendable {
        let body: () throws -> T
        private(set) var outcome: Result<T, any Error>?
        init(_ body: @escaping () throws -> T) { self.body = body }
        func run() { outcome = Result { try body() } }
    }
}
