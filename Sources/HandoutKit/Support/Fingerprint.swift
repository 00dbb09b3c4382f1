/// A fingerprint of content that is the same in every run on every machine (Swift's `Hasher`
/// is seeded per process, so it cannot be kept in a manifest): FNV-1a over 64 bits, each
/// part prefixed with its length so that "ab"+"c" and "a"+"bc" differ. Enough to notice that
/// an input changed, not a security measure.
struct Fingerprint: Sendable {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    /// Raw bytes, eight at a time (a file's bytes, where a byte at a time is too slow to
    /// read a project's every input on each build): each word is mixed in as FNV-1a mixes a
    /// byte, then the remaining bytes one by one; the count goes first, as for text.
    mutating func add(raw bytes: UnsafeRawBufferPointer) {
        add(bytes: String(bytes.count).utf8)
        add(bytes: CollectionOfOne(UInt8(ascii: ":")))
        let words = bytes.count / 8
        for index in 0..<words {
            value ^= UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            value &*= 0x0000_0100_0000_01b3
        }
        add(bytes: bytes[(words * 8)...])
    }

    mutating func add(_ text: String) {
        add(bytes: String(text.utf8.count).utf8)
        add(bytes: CollectionOfOne(UInt8(ascii: ":")))
        add(bytes: text.utf8)
    }

    mutating func add(_ other: Fingerprint) { add(other.description) }

    /// Every stored property of `value`, recursively, by name: a field added to a type later
    /// is covered without touching this code. Dictionaries and sets are taken in a sorted
    /// order, since their own order changes from run to run.
    mutating func add(contentsOf value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            let parts = mirror.children.map { child -> String in
                var part = Fingerprint()
                part.add(contentsOf: child.value)
                return part.description
            }.sorted()
            add("{\(parts.count)")
            for part in parts { add(part) }
        case .optional?:
            if let some = mirror.children.first { add("?"); add(contentsOf: some.value) } else { add("nil") }
        case nil:
            // A leaf: String, Int, Double, Bool, Character…
            add(String(describing: type(of: value)))
            add(String(describing: value))
        default:
            add(String(describing: mirror.subjectType))
            // An enum case without a payload has no children: its name tells it.
            if mirror.children.isEmpty { add(String(describing: value)) }
            for child in mirror.children {
                add(child.label ?? "")
                add(contentsOf: child.value)
            }
        }
    }

    static func of(_ parts: String...) -> Fingerprint {
        var fingerprint = Fingerprint()
        for part in parts { fingerprint.add(part) }
        return fingerprint
    }

    /// "fnv1a64:" and 16 hex digits, as the manifest keeps it.
    var description: String {
        let hex = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
