import CQRencode
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A QR code that leads to a web address, so a client holding the paper can scan it instead
/// of typing. The matrix comes from libqrencode (error correction level M); the drawing is
/// ours: an inline SVG with one path of dark modules, so a page stays self-contained.
///
/// Nothing from the input reaches the SVG but modules and the escaped label: the address
/// only decides which squares are dark.
struct QRCode: Sendable, Equatable {
    /// Modules on each side of the symbol, without the quiet zone.
    let width: Int
    /// Row by row, `true` for a dark module.
    let modules: [Bool]
    /// The path of the dark modules: each row's runs as one-module-high strokes
    /// (`M4 4.5h7m2 0h1` draws 7 dark, skips 2, draws 1), the shortest form that draws
    /// them exactly. Drawn once, with the code.
    let pathData: String

    /// The light border a reader needs around the symbol, in modules (ISO/IEC 18004: 4).
    static let quietZone = 4
    /// The densest symbol we draw: version 10 (57 modules) still scans at about 2.2 cm.
    /// That holds an address of up to 213 bytes at level M; a longer one gets no code.
    static let maximumVersion = 10

    /// The code for `address`, or nil when it is not an http(s) address with a host (spaces
    /// and control characters included), or is too long to scan at the size we print.
    init?(address: String) {
        // A batch draws the same partners' codes for client after client: each is made once.
        if let known = Self.drawn.lookup(address) {
            guard let known else { return nil }
            self = known
            return
        }
        guard let code = Self.encode(address) else {
            Self.drawn.store(nil, for: address)
            return nil
        }
        self = code
        Self.drawn.store(code, for: address)
    }

    private init(width: Int, modules: [Bool]) {
        self.width = width
        self.modules = modules
        self.pathData = Self.pathData(width: width, modules: modules)
    }

    private static func encode(_ address: String) -> QRCode? {
        guard WebAddress.isHTTP(address), !address.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        guard let code = QRcode_encodeString8bit(Self.linkForm(address), 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard Int(code.pointee.version) <= Self.maximumVersion, let data = code.pointee.data else { return nil }
        // Bit 0 of each byte is the module's colour; the other bits say what it is part of.
        return QRCode(width: width, modules: UnsafeBufferPointer(start: data, count: width * width).map { $0 & 1 == 1 })
    }

    /// Codes made so far, by address (nil for an address that gets none); emptied when it
    /// holds `Memo.capacity`, so memory stays flat however many addresses a batch meets.
    private static let drawn = Memo()

    private final class Memo: @unchecked Sendable {
        static let capacity = 4096
        private let lock = NSLock()
        private var codes: [String: QRCode?] = [:]

        func lookup(_ address: String) -> QRCode?? {
            lock.lock()
            defer { lock.unlock() }
            return codes[address]
        }

        func store(_ code: QRCode?, for address: String) {
            lock.lock()
            defer { lock.unlock() }
            if codes.count >= Self.capacity { codes.removeAll() }
            codes[address] = .some(code)
        }
    }

    /// Characters cmark leaves as they are in a link's `href`; every other byte of the
    /// address's UTF-8 becomes `%XX`, as cmark writes it.
    private static let hrefSafe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'()*+,-./:;=?@_~".utf8)

    /// `address` as the page's link to it gives it, so the code leads exactly where the link
    /// does: `https://example.org/José` becomes `https://example.org/Jos%C3%A9`.
    static func linkForm(_ address: String) -> String {
        var result = ""
        for byte in address.utf8 {
            if hrefSafe.contains(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// Modules on each side with the quiet zone: the SVG's view box.
    var side: Int { width + 2 * Self.quietZone }

    private static func pathData(width: Int, modules: [Bool]) -> String {
        var data = ""
        for row in 0..<width {
            var column = 0
            var penX: Int?
            while column < width {
                guard modules[row * width + column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < width, modules[row * width + column] { column += 1 }
                let x = start + quietZone
                if let pen = penX {
                    data += "m\(x - pen) 0"
                } else {
                    data += "M\(x) \(row + quietZone).5"
                }
                data += "h\(column - start)"
                penX = x + column - start
            }
        }
        return data
    }

    /// The code as an inline SVG element: an image named by `label` (escaped here), white
    /// behind the modules so it scans on any background, sized by the page's stylesheet
    /// (`svg.qr`), four pixels a module where no stylesheet says.
    func svg(label: String) -> String {
        let side = side
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""
            + " width=\"\(side * 4)\" height=\"\(side * 4)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path stroke=\"#000\" d=\"\(pathData)\"/></svg>"
    }
}
