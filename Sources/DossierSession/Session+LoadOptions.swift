import DossierSupport
import DossierDiagnostics
import DossierSyntax
import DossierLoad

extension Session {
    /// The options of a `load` statement as the loader takes them; a value that makes no sense
    /// is an error pointing at it, before any file is opened.
    package func loadOptions(_ written: [LoadOption], source: SourceText) throws(Diagnostic) -> LoadOptions {
        var options = LoadOptions()
        var seen = Set<String>()
        for option in written {
            let group = option.kind == .noHeader ? "header" : option.kind == .table ? "sheet" : option.kind.rawValue
            guard seen.insert(group).inserted else {
                throw SessionMessages.loadOptionTwice(option.kind.rawValue, at: .source(source, option.range))
            }
            let value = option.value ?? ""
            let at = Diagnostic.Location.source(source, option.valueRange)
            switch option.kind {
            case .delimiter:
                guard let byte = SessionMessages.delimiterByte(value) else { throw SessionMessages.badDelimiter(value, at: at) }
                options.delimiter = byte
            case .quote:
                guard value.utf8.count == 1, let byte = value.utf8.first, byte != 0x0A, byte != 0x0D else {
                    throw SessionMessages.badQuote(value, at: at)
                }
                options.quote = byte
            case .header:
                options.header = true
            case .noHeader:
                options.header = false
            case .skip:
                guard let lines = Int(value), lines >= 0, lines <= 1_000_000 else { throw SessionMessages.badSkip(value, at: at) }
                options.skip = lines
            case .encoding:
                guard let encoding = TextEncoding(name: value) else { throw SessionMessages.badEncoding(value, at: at) }
                options.encoding = encoding
            case .sheet, .table:
                guard !value.isEmpty else { throw SessionMessages.badPart(option.kind.rawValue, at: at) }
                options.part = value
            }
        }
        if options.delimiter != nil, options.delimiter == options.quote {
            throw SessionMessages.delimiterIsQuote(at: .source(source, written.last?.range ?? 0..<0))
        }
        return options
    }
}
