import Foundation

/// Maps over a collection on every core, keeping the order of the input. For work whose items are independent:
/// reading reports, rendering pages.
package enum ParallelMap {
    /// - Parameter parallel: false runs on the calling thread, for comparing against a single-threaded build.
    package static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], parallel: Bool = true,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard parallel, inputs.count > 1 else { return inputs.map(transform) }
        let slots = Slots<Output>(count: inputs.count)
        defer { slots.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                slots.set(index, transform(inputs[index]))
            }
        }
        return slots.values()
    }

    /// One result slot per input. Each index is written by exactly one iteration, and read only after all have
    /// finished, so the slots need no lock.
    private struct Slots<Output>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Output?>

        package init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        package func set(_ index: Int, _ value: Output) { buffer[index] = value }

        package func values() -> [Output] { buffer.map { $0! } }

        package func deallocate() {
            _ = buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
