import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on up to `threads` threads, keeping the order of the elements.
    ///
    /// Threads are made with an 8 MB stack (GCD workers have 512 KB), so deeply nested YAML, which
    /// libyaml allows up to 1,000 levels, cannot overflow them. Each element done counts one on
    /// `progress` (`BuildProgress.begin` returns it for the stage the map is).
    func parallelMap<Result: Sendable>(threads: Int, counting progress: BuildProgress? = nil,
                                       _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        let workers = Swift.max(1, Swift.min(threads, count))
        guard workers > 1 else {
            return map { element in
                defer { progress?.advance() }
                return transform(element)
            }
        }
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
                    progress?.advance()
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
