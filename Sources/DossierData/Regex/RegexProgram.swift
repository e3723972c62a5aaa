import DossierSupport
import DossierDiagnostics

/// A compiled pattern: the instructions and what the matcher needs to know about them.
package struct RegexProgram: Sendable {
    package let instructions: [RegexInst]
    package let classes: [RegexCharClass]
    /// Names of capture groups 1...n (nil where unnamed).
    package let captureNames: [String?]
    /// Two per group, group 0 (the whole match) included.
    package var slotCount: Int { 2 * (captureNames.count + 1) }
    /// Every path from the start passes `\A` (or `^`) before consuming anything,
    /// so a match can only start at offset 0.
    package let anchoredAtStart: Bool
    /// When every match must start with one of these bytes (and no match is empty).
    package let firstBytes: RegexByteSet?
    /// Whether any instruction needs the input's case mappings (computing them costs for non-ASCII).
    package let usesCaseFolding: Bool

    /// A set with more members than this rarely skips anything: not worth scanning for.
    private static let usefulFirstByteCount = 200

    /// Parses and compiles `pattern`.
    package init(pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let root = try parser.parse()
        var compiler = RegexCompiler(patternLength: parser.bytes.count)
        try compiler.compileProgram(root)
        let instructions = compiler.instructions
        let classes = parser.classes
        self.instructions = instructions
        self.classes = classes
        captureNames = parser.captureNames
        guard Self.isWellFormed(instructions, classCount: classes.count, slotCount: 2 * (captureNames.count + 1)) else {
            // A compiler bug, not the user's: refuse rather than let the matcher index out of bounds.
            throw DataMessages.invalidProgram(at: 0..<parser.bytes.count)
        }
        anchoredAtStart = Self.isAnchoredAtStart(instructions)
        firstBytes = Self.firstBytes(of: instructions, classes: classes)
        usesCaseFolding = instructions.contains {
            if case .scalarFold = $0 { return true }
            if case .set(let index) = $0 { return classes[index].caseInsensitive }
            return false
        }
    }

    /// Whether every jump target, class index and slot is in range and the
    /// program ends in `match`: what the matcher's unchecked indexing relies on.
    private static func isWellFormed(_ instructions: [RegexInst], classCount: Int, slotCount: Int) -> Bool {
        let valid = 0..<instructions.count
        guard instructions.last == .match else { return false }
        return instructions.allSatisfy { inst in
            switch inst {
            case .split(let first, let second): valid.contains(first) && valid.contains(second)
            case .jump(let target): valid.contains(target)
            case .set(let index): (0..<classCount).contains(index)
            case .save(let slot): (0..<slotCount).contains(slot)
            default: true
            }
        }
    }

    /// Calls `visit` for each instruction reachable from the start without
    /// consuming input; `visit` returns false to stop following that path.
    private static func walkStart(_ instructions: [RegexInst], _ visit: (RegexInst) -> Bool) {
        var seen = [Bool](repeating: false, count: instructions.count)
        var stack = [0]
        while let pc = stack.popLast() {
            guard pc >= 0, pc < instructions.count, !seen[pc] else { continue }
            seen[pc] = true
            let inst = instructions[pc]
            guard visit(inst) else { continue }
            switch inst {
            case .split(let first, let second): stack += [second, first]
            case .jump(let target): stack.append(target)
            case .save, .assert: stack.append(pc + 1)
            default: break
            }
        }
    }

    private static func isAnchoredAtStart(_ instructions: [RegexInst]) -> Bool {
        var anchored = true
        walkStart(instructions) { inst in
            switch inst {
            case .assert(.textStart): return false
            case .split, .jump, .save, .assert: return true
            default:
                anchored = false
                return false
            }
        }
        return anchored
    }

    /// The bytes any match must start with, or nil when that is not useful or not known.
    /// Assertions are passed through as if true, which can only add bytes.
    private static func firstBytes(of instructions: [RegexInst], classes: [RegexCharClass]) -> RegexByteSet? {
        var set = RegexByteSet()
        var useful = true
        walkStart(instructions) { inst in
            switch inst {
            case .split, .jump, .save, .assert:
                return true
            case .match, .anyScalar, .anyButNewline:
                useful = false  // an empty match, or (nearly) every byte
            case .scalar(let scalar):
                if scalar == RegexScalars.replacement { set.insertAllNonASCII() }  // bad bytes read as U+FFFD
                set.insert(RegexScalars.leadByte(scalar))
            case .scalarFold(let scalar, let lower, let upper):
                for variant in [scalar, lower, upper] where variant < 0x80 {
                    set.insert(UInt8(truncatingIfNeeded: variant))
                }
                // Non-ASCII scalars can fold to ASCII ones (the Kelvin sign to k).
                set.insertAllNonASCII()
            case .set(let index):
                let charClass = classes[index]
                for byte in UInt8(0)..<0x80 where charClass.containsASCII(byte) { set.insert(byte) }
                if charClass.reachesBeyondASCII { set.insertAllNonASCII() }
            }
            return false
        }
        return useful && set.count <= usefulFirstByteCount ? set : nil
    }
}
