import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on up to `jobs` threads, keeping the order of the elements.
    ///
    /// Threads are made with an 8 MB stack (GCD workers have 512 KB), so deeply nested YAML, which
    /// libyaml allows up to 1,000 levels, cannot overflow them.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        let workers = Swift.max(1, Swift.min(jobs, count))
        guard workers > 1 else { return map(transform) }
        let items = self
        let results = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    let value = transform(items[index])
                    results.withLock { $0[index] = value }
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        return results.withLock { $0.compactMap { $0 } }
    }
}
