import Foundation

/// Maps over a collection on every core, keeping the order of the input. For work whose items are independent:
/// reading reports, rendering pages.
enum ParallelMap {
    /// - Parameter parallel: false runs on the calling thread, for comparing against a single-threaded build.
    static func map<Input, Output>(_ inputs: [Input], parallel: Bool = true, _ transform: (Input) -> Output) -> [Output] {
        guard parallel, inputs.count > 1 else { return inputs.map(transform) }
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each index is written by exactly one iteration, so the buffer needs no lock.
        nonisolated(unsafe) let shared = results
        nonisolated(unsafe) let inputs = inputs
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                shared[index] = transform(inputs[index])
            }
        }
        return results.map { $0! }
    }
}
