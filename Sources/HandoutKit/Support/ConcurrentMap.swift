import Foundation

extension Array where Element: Sendable {
    /// `transform` over every element, on at most `width` tasks at a time (one per core by
    /// default), with the results in the array's order whatever order they finish in.
    /// `progress` is called once per finished element, from one task at a time.
    func concurrentMap<Result: Sendable>(
        width: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil,
        _ transform: @escaping @Sendable (Element) throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func startNext() {
                guard next < count else { return }
                let index = next, element = self[index]
                group.addTask { (index, try transform(element)) }
                next += 1
            }
            for _ in 0..<Swift.max(1, width) { startNext() }
            var finished = 0
            while let (index, result) = try await group.next() {
                results[index] = result
                finished += 1
                progress?(finished)
                startNext()
            }
        }
        return results.map { $0! }
    }
}
