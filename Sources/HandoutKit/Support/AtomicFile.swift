#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes output files whole or not at all: a temporary file in the same folder, then a
/// rename, so a killed process never leaves half a handout. Plain POSIX calls, because
/// Foundation's atomic writes fsync every file (see TOOLING.md).
public enum AtomicFile {
    public enum Outcome: Sendable, Equatable { case written, unchanged }

    /// Writes `contents` to `path` with `mode` unless the file already holds exactly that.
    @discardableResult
    public static func write(_ contents: String, to path: String, mode: mode_t = 0o600) throws -> Outcome {
        let bytes = Array(contents.utf8)
        if let existing = FileManager.default.contents(atPath: path), existing.elementsEqual(bytes) {
            return .unchanged
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw failure("cannot create a file in this folder", path: path) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                close(descriptor)
                unlink(temporary)
                throw failure("cannot write the file", path: path)
            }
            written += result
        }
        // The mode passed to open() is reduced by the umask; set it exactly.
        fchmod(descriptor, mode)
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot write the file", path: path)
        }
        return .written
    }

    /// Creates `path` and its parents when missing.
    public static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output folder", path: path)
        }
    }

    private static func failure(_ message: String, path: String) -> InputErrors {
        InputErrors([Diagnostic(.error, "\(message): \(String(cString: strerror(errno)))", path: PathDisplay.relative(path))])
    }
}
