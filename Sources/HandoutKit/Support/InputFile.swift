import Foundation
import SystemPackage

/// Reads an input file (directory, handout.yml, facts.yml, template, layout) as UTF-8 text,
/// with the limits every input has: a size (checked before reading) and valid UTF-8, the
/// first invalid byte reported with its offset, line and column.
public enum InputFile {
    /// The largest input read unless a project says otherwise (`max_directory_mb`): 50 MB.
    public static let defaultMaximumBytes = 50_000_000

    /// - Parameters:
    ///   - what: how the file is named in an error: "the partner directory", "the template".
    ///   - limitAdvice: how to raise the limit, if it can be raised.
    public static func read(
        _ path: String, displayPath: String? = nil, what: String,
        maximumBytes: Int = defaultMaximumBytes, limitAdvice: String? = nil
    ) throws -> String {
        let shown = displayPath ?? PathDisplay.relative(path)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maximumBytes {
            let message = "\(what) is \(megabytes(size.intValue)), more than the limit of \(megabytes(maximumBytes))"
            throw InputErrors([Diagnostic(.error, message + (limitAdvice.map { ": \($0)" } ?? ""), path: shown)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputErrors([Diagnostic(.error, "cannot read \(what)", path: shown)])
        }
        return try text(of: data, path: shown, what: what)
    }

    /// `data` as a String, or an error at its first byte that is not UTF-8.
    static func text(of data: Data, path: String, what: String) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        let bytes = [UInt8](data)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
                throw InputErrors([Diagnostic(.error, "\(what) is not UTF-8 text: byte \(byte) at byte offset \(offset) cannot start or continue a character; save the file as UTF-8",
                    path: path, line: line, column: column)])
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A file's bytes if it can be read and is UTF-8 throughout, read straight into the
    /// array and checked in place (no Data, no String): for the 1.4 MB ZIP table, which
    /// every render reads.
    static func utf8Bytes(atPath path: String) -> [UInt8]? {
        guard let descriptor = try? FileDescriptor.open(FilePath(path), .readOnly) else { return nil }
        defer { try? descriptor.close() }
        guard let end = try? descriptor.seek(offset: 0, from: .end), (try? descriptor.seek(offset: 0, from: .start)) == 0 else { return nil }
        let size = Int(end)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                guard let got = try? descriptor.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))), got > 0 else {
                    complete = false
                    break
                }
                count += got
            }
        }
        guard complete, (try? UTF8Span(validating: bytes.span)) != nil else { return nil }
        return bytes
    }

    /// 52428800 → "52.4 MB"; under a megabyte, in bytes.
    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(bytes) bytes" }
        let value = Double(bytes) / 1_000_000
        return value == value.rounded() ? "\(Int(value)) MB" : String(format: "%.1f MB", value)
    }
}
