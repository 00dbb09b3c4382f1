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

extension Array where Element: Sendable {
    /// `transform` over every element on all cores (Dispatch runs one worker per core), blocking
    /// until every one is done, with the results in the array's order: for callers that are
    /// not async (`Checker.run`).
    func concurrentMapBlocking<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration writes its own slot, and only once.
            let slots = Slots(base: buffer.baseAddress!)
            let elements = self
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    (slots.base + index).initialize(to: transform(elements[index]))
                }
            }
            initialized = count
        }
    }
}

private struct Slots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>
}
