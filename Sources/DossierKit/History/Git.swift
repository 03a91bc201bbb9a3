import Foundation

/// Runs the `git` command-line tool as a subprocess: with arguments, never through a shell.
struct Git: Sendable {
    /// Why git gave no answer.
    enum Failure: Error, Equatable {
        case notInstalled
        case failed(status: Int32)
    }

    /// The folder git runs in.
    var folder: URL

    /// Runs `git <arguments>` and returns its standard output; `input` is written to its standard input.
    func run(_ arguments: [String], input: Data? = nil) -> Result<Data, Failure> {
        guard let executable = Self.executable else { return .failure(.notInstalled) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-c", "core.quotePath=false"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do {
            try process.run()
        } catch {
            return .failure(.notInstalled)
        }
        if let input {
            // Written on the side: git reads and answers at once, so both pipes must flow together.
            let writer = feed.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(input)
                try? writer.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(.failed(status: process.terminationStatus)) }
        return .success(data)
    }

    /// The `git` on the PATH, if any.
    static let executable = Executable.find(["git"])
}
