/// What a file is by its first bytes ("magic numbers"), so that a binary file is read by the
/// right reader or named in an error, never fed to the text readers (which would print its
/// bytes back in a message about UTF-8).
package enum FileSignature: Equatable, Sendable {
    /// A ZIP archive: an Excel workbook when it holds `xl/workbook.xml` (checked by the xlsx
    /// reader, which needs the archive's directory for that).
    case zip
    case sqlite
    /// A binary kind dossier does not read, by its name for people ("a Parquet file").
    case unsupported(String)
    /// Text, or nothing recognised: the text readers decide.
    case text

    /// Looks at the first bytes only.
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> FileSignature {
        func starts(with prefix: [UInt8]) -> Bool {
            guard bytes.count >= prefix.count else { return false }
            for index in prefix.indices where bytes[index] != prefix[index] { return false }
            return true
        }
        if starts(with: Array("SQLite format 3".utf8) + [0]) { return .sqlite }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        for (magic, name) in binaryKinds where starts(with: magic) { return .unsupported(name) }
        return .text
    }

    /// Kinds people are likely to try to load, with the words that name them.
    private static let binaryKinds: [([UInt8], String)] = [
        (Array("PAR1".utf8), "a Parquet file"),
        (Array("%PDF".utf8), "a PDF document"),
        ([0x1F, 0x8B], "a gzip-compressed file"),
        (Array("BZh".utf8), "a bzip2-compressed file"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a Zstandard-compressed file"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!".utf8), "a RAR archive"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        (Array("RIFF".utf8), "a RIFF file (an image, sound or video)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document (.xls or .doc)"),
        (Array("ARROW1".utf8), "an Arrow file"),
        (Array("Obj".utf8) + [0x01], "an Avro file"),
        (Array("ORC".utf8), "an ORC file"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
        ([0x89, 0x48, 0x44, 0x46], "an HDF5 file"),
    ]

    /// The kinds dossier reads, for the end of an error about a file it does not.
    package static let readableKinds = "dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"
}
