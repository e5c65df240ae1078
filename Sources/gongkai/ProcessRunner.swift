import Foundation

/// Runs an external program with a time limit and collects what it wrote to standard error.
enum ProcessRunner {
    struct Result {
        let status: Int32
        let timedOut: Bool
        let standardError: String
    }

    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorPipe = Pipe()
        process.standardError = errorPipe
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read while it runs, so a chatty program never blocks on a full pipe.
        let errorData = LockedBox(Data())
        let readDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = errorPipe.fileHandleForReading.readDataToEndOfFile()
            errorData.withValue { $0 = data }
            readDone.signal()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        readDone.wait()
        return Result(status: process.terminationStatus, timedOut: timedOut, standardError: String(decoding: errorData.withValue { $0 }, as: UTF8.self))
    }
}
