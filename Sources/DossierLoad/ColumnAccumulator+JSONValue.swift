import DossierSupport
import DossierDiagnostics
import DossierData

/// One JSON value at the scanner's cursor, read into a column: by the reader as it goes, or
/// later from the value's recorded place (`JSONDeferredColumns`).
extension ColumnAccumulator {
    @inline(__always)
    package mutating func appendJSONValue(from scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) {
        switch scanner.peek() {
        case UInt8(ascii: "\"")?:
            let (start, end, escaped) = try scanner.stringSpan()
            if escaped {
                scanner.scratch.withUnsafeBufferPointer { appendJSONString($0) }
            } else {
                // Safe: a span the scanner just returned, inside its bytes; the column copies what it keeps.
                appendJSONString(UnsafeBufferPointer(rebasing: scanner.bytes[start..<end]))
            }
        case UInt8(ascii: "[")?:
            try appendJSONArray(from: &scanner, depth: depth)
        case let byte? where byte == UInt8(ascii: "-") || byte &- 0x30 < 10:
            let (range, isWhole) = try scanner.number()
            appendJSONNumber(UnsafeBufferPointer(rebasing: scanner.bytes[range]), isWhole: isWhole)
        default:
            if let flag = try scanner.literal() {
                appendJSONBool(flag)
            } else {
                appendMissing()
            }
        }
    }

    /// An array of scalars becomes a list; one holding objects or arrays is kept as its
    /// JSON text.
    private mutating func appendJSONArray(from scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) {
        var items: [[UInt8]] = []
        let (start, nested) = try JSONArrayItems.read(&scanner, depth: depth) { items.append(Array($0)) }
        if nested {
            appendJSONString(UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
        } else {
            appendJSONList(items)
        }
    }
}

/// The items of a JSON array, walked the same way whether they are kept or only checked.
package enum JSONArrayItems {
    /// Reads the array at the cursor, handing each scalar item's text to `item`; returns where
    /// the array began and whether it held objects or arrays (skipped, one level deeper).
    @inline(__always)
    package static func read(
        _ scanner: inout JSONScanner, depth: Int, item: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(JSONScanner.Failure) -> (start: Int, nested: Bool) {
        let start = scanner.position
        scanner.position += 1
        var nested = false
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return (start, false)
        }
        while true {
            switch scanner.peek() {
            case UInt8(ascii: "\"")?:
                try scanner.string { item($0) }
            case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
                nested = true
                try scanner.skipValue(depth: depth + 1)
            case let byte? where byte == UInt8(ascii: "-") || byte &- 0x30 < 10:
                let (range, _) = try scanner.number()
                item(UnsafeBufferPointer(rebasing: scanner.bytes[range]))
            default:
                if let flag = try scanner.literal() {
                    let text: StaticString = flag ? "true" : "false"
                    text.withUTF8Buffer { item($0) }
                }
            }
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "]"), else: LoadMessages.expectedArrayEnd)
            return (start, nested)
        }
    }
}
