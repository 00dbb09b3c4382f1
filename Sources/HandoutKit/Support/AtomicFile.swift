import Foundation
import SystemPackage

/// Writes output files whole or not at all: a hidden temporary file (`.name.<pid>.<random>.tmp`)
/// in the same folder, then a rename, so a killed process never leaves half a handout and
/// nothing a reader would open. Plain POSIX calls through swift-system's `FileDescriptor`,
/// because Foundation's atomic writes fsync every file (see TOOLING.md); the three calls
/// swift-system lacks (`fchmod`, `rename`, `unlink`) are in `Platform` below.
///
/// It never writes through a symbolic link: an output folder or an existing output file that
/// is one is refused, since following it could put a client's handout anywhere.
public enum AtomicFile {
    public enum Outcome: Sendable, Equatable { case written, unchanged }

    /// Writes `contents` to `path` with exactly `mode`, unless the file already holds exactly
    /// that with that mode. A file with the right bytes but another mode (a 0644 copy of a
    /// personalized handout) is rewritten, so it ends up with `mode` too.
    @discardableResult
    public static func write(_ contents: String, to path: String, mode: mode_t = 0o600) throws -> Outcome {
        try write(bytes: Array(contents.utf8), to: path, mode: mode)
    }

    /// `write(_:to:mode:)` for bytes that are not text (a PDF).
    @discardableResult
    public static func write(bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws -> Outcome {
        if try holds(bytes: bytes, at: path, mode: mode) { return .unchanged }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .noFollow],
                permissions: FilePermissions(rawValue: mode))
        } catch {
            throw failure("cannot create a file in this folder", path: path, error)
        }
        do {
            try descriptor.writeAll(bytes)
            // The mode given to open() is reduced by the umask; set it exactly.
            try Platform.setMode(of: descriptor, to: mode)
        } catch {
            // The error is kept before close and unlink can change errno.
            try? descriptor.close()
            Platform.remove(temporary)
            throw failure("cannot write the file", path: path, error)
        }
        do {
            try descriptor.close()
            try Platform.replace(path, with: temporary)
        } catch {
            Platform.remove(temporary)
            throw failure("cannot write the file", path: path, error)
        }
        return .written
    }

    /// Whether the file at `path` already holds exactly `contents` with `mode`, so writing
    /// would change nothing (`--check` and `--dry-run` ask this without writing).
    public static func holds(_ contents: String, at path: String, mode: mode_t = 0o600) throws -> Bool {
        try holds(bytes: Array(contents.utf8), at: path, mode: mode)
    }

    public static func holds(bytes: [UInt8], at path: String, mode: mode_t = 0o600) throws -> Bool {
        guard let existing = try existingFile(path) else { return false }
        return existing.permissions == mode && existing.bytes == bytes
    }

    /// The bytes and permission bits of the regular file at `path`, or nil when there is none.
    /// A symbolic link there is refused, not followed.
    private static func existingFile(_ path: String) throws -> (bytes: [UInt8], permissions: mode_t)? {
        let status: Stat
        do {
            status = try Stat(FilePath(path), followTargetSymlink: false)
        } catch {
            return nil  // missing (or unreadable): the write that follows says what is wrong
        }
        if status.type == .symbolicLink {
            throw InputErrors([Diagnostic(.error, "is a symbolic link; handout never writes through one: remove it, or write to another folder", path: PathDisplay.relative(path))])
        }
        guard status.type == .regular else { return nil }
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.noFollow])
            let bytes = try descriptor.closeAfter { () throws -> [UInt8] in
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    let count = try buffer.withUnsafeMutableBytes { try descriptor.read(into: $0) }
                    if count == 0 { return bytes }
                    bytes.append(contentsOf: buffer[0..<count])
                }
            }
            return (bytes, mode_t(status.permissions.rawValue & 0o7777))
        } catch {
            return nil  // unreadable: rewrite it
        }
    }

    /// Removes the temporary files a killed run left in `folder` for outputs named in
    /// `names`: `.name.<pid>.<random>.tmp`, only when no process `<pid>` is running any more,
    /// so a write in progress in another process is never disturbed. Nothing else matches.
    public static func removeLeftovers(in folder: String, of names: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let parts = entry.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 3, let pid = pid_t(parts[parts.count - 2]), pid > 0, UInt32(parts[parts.count - 1]) != nil,
                names.contains(parts.dropLast(2).joined(separator: ".")),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            Platform.remove(folder + "/" + entry)
        }
    }

    /// Creates `path` and its parents when missing; folders it creates get `mode` when one is
    /// given (0700 keeps a client's folder to its owner), and an existing folder is left as
    /// it is. A folder that is a symbolic link is refused, never followed.
    public static func makeFolder(_ path: String, mode: mode_t? = nil) throws {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        if let status = try? Stat(FilePath(trimmed), followTargetSymlink: false) {
            if status.type == .symbolicLink {
                throw InputErrors([Diagnostic(.error, "the output folder is a symbolic link; handout never writes through one: give the folder it points to", path: PathDisplay.relative(path))])
            }
            if status.type == .directory { return }
        }
        do {
            let attributes = mode.map { [FileAttributeKey.posixPermissions: NSNumber(value: $0)] }
            try FileManager.default.createDirectory(atPath: trimmed, withIntermediateDirectories: true, attributes: attributes)
        } catch {
            throw InputErrors([Diagnostic(.error, "cannot create the output folder", path: PathDisplay.relative(path))])
        }
    }

    private static func failure(_ message: String, path: String, _ error: Error) -> InputErrors {
        let reason = (error as? Errno)?.description ?? "\(error)"
        return InputErrors([Diagnostic(.error, "\(message): \(reason)", path: PathDisplay.relative(path))])
    }
}

/// The file calls swift-system does not wrap, one line each on Glibc, Musl and Darwin, each
/// reading `errno` right after its call.
enum Platform {
    static func setMode(of descriptor: FileDescriptor, to mode: mode_t) throws {
        if fchmod(descriptor.rawValue, mode) != 0 { throw Errno(rawValue: errno) }
    }

    /// Renames `temporary` over `path`: atomic, and a link at `path` is replaced, not followed.
    static func replace(_ path: String, with temporary: String) throws {
        if rename(temporary, path) != 0 { throw Errno(rawValue: errno) }
    }

    /// Removes a temporary file; a failure leaves only a hidden file behind.
    static func remove(_ path: String) {
        _ = unlink(path)
    }
}
