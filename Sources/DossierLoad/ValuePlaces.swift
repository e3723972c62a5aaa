/// Where each record's values are, for deferred columns (`JSONDeferredColumns`): a table of
/// records by fields holding each value's offset from its record's start (0: the record has
/// no such key; a record opens with `{`, so no value sits at 0). Flat, one row a record, so
/// recording a value is one store; the row width grows by doubling when new keys appear, and
/// fits the first record's keys exactly.
package struct ValuePlaces: Sendable {
    package private(set) var stride = 0
    private var offsets: [UInt32] = []
    package private(set) var recordStarts: [Int] = []
    /// A record longer than 32-bit offsets reach: the places are unusable.
    package private(set) var overflowed = false
    /// One past the highest field given a value.
    private var fieldsSeen = 0
    /// The current record's start in the file, and its row in `offsets`.
    private var currentStart = 0
    private var currentRow = 0

    /// The bytes the records are read from: with the first record's length, how many records
    /// to make room for at once (a table grown by doubling is copied, and faulted, again).
    private let expectedBytes: Int

    package init(expectedBytes: Int = 0) {
        self.expectedBytes = expectedBytes
    }

    package var records: Int { recordStarts.count }

    package mutating func startRecord(at start: Int) {
        if records == 1 {
            if stride > fieldsSeen { relayout(stride: fieldsSeen) }
            let firstLength = max(1, start - currentStart)
            offsets.reserveCapacity(min(expectedBytes / firstLength + 1024, 1 << 28) * stride)
            recordStarts.reserveCapacity(min(expectedBytes / firstLength + 1024, 1 << 28))
        }
        recordStarts.append(start)
        currentStart = start
        currentRow = offsets.count
        offsets.append(contentsOf: repeatElement(0, count: stride))
    }

    /// Records that `field` of the current record is at `position` of the file.
    @inline(__always)
    package mutating func set(_ field: Int, position: Int) {
        guard let offset = UInt32(exactly: position - currentStart) else {
            overflowed = true
            return
        }
        set(field, offset: offset)
    }

    @inline(__always)
    private mutating func set(_ field: Int, offset: UInt32) {
        if field >= fieldsSeen {
            if field >= stride { relayout(stride: max(field + 1, stride * 2)) }
            fieldsSeen = field + 1
        }
        offsets[currentRow + field] = offset
    }

    /// The file position of `field` in `record`, nil when the record has no such key.
    @inline(__always)
    package func position(record: Int, field: Int) -> Int? {
        guard field < stride else { return nil }
        let offset = offsets[record * stride + field]
        return offset == 0 ? nil : recordStarts[record] + Int(offset)
    }

    /// Appends the records of `other` (the file's second half), whose field `j` is this one's
    /// field `fieldMap[j]`.
    package mutating func append(_ other: ValuePlaces, fieldMap: [Int]) {
        overflowed = overflowed || other.overflowed
        if other.stride == stride, fieldMap == Array(0..<fieldMap.count) {
            // The usual case: both halves met the same keys in the same order.
            offsets += other.offsets
            recordStarts += other.recordStarts
            currentRow = offsets.count - stride
            currentStart = recordStarts.last ?? 0
            return
        }
        for record in 0..<other.records {
            startRecord(at: other.recordStarts[record])
            for field in 0..<other.stride {
                let offset = other.offsets[record * other.stride + field]
                if offset != 0 { set(fieldMap[field], offset: offset) }
            }
        }
    }

    private mutating func relayout(stride newStride: Int) {
        var wider = [UInt32](repeating: 0, count: records * newStride)
        let kept = min(stride, newStride)
        for record in 0..<records {
            for field in 0..<kept { wider[record * newStride + field] = offsets[record * stride + field] }
        }
        offsets = wider
        stride = newStride
        currentRow = max(0, records - 1) * newStride
    }
}
