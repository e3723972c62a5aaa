import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

extension Session {
    package func setOption(_ option: Name, _ value: Name, source: SourceText) throws(Diagnostic) {
        switch option.text.lowercased() {
        case "format", "mode":
            guard let format = OutputFormat(name: value.text) else {
                throw SessionMessages.unknownFormat(value.text, at: .source(source, value.range))
            }
            options.format = format
            note(SessionMessages.formatSet(format))
        case "timer":
            options.timer = try onOff(value, source: source)
        case "pager":
            options.pager = try onOff(value, source: source)
        default:
            throw SessionMessages.unknownOption(option.text, known: WordTable.options, at: .source(source, option.range))
        }
    }

    private func onOff(_ value: Name, source: SourceText) throws(Diagnostic) -> Bool {
        switch value.text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default:
            throw SessionMessages.expectedOnOrOff(value.text, at: .source(source, value.range))
        }
    }

    /// `run PATH`: the statements of a script file, reported as `path:line:col`.
    package func runScript(_ path: PathArgument, source: SourceText, keepGoing: Bool) throws(Diagnostic) -> Status {
        guard scriptDepth < Session.maximumScriptDepth else {
            throw SessionMessages.scriptsTooDeep(limit: Session.maximumScriptDepth, at: .source(source, path.range))
        }
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try FileAccess.read(path.text, limit: DataLimits.maximumScriptBytes)
        } catch {
            var located = Diagnostic(error)
            located.message = SessionMessages.cannotRun(path.text, error.message)
            located.location = .source(source, path.range)
            throw located
        }
        scriptDepth += 1
        defer { scriptDepth -= 1 }
        let summary = run(SourceText(bytes: bytes, path: path.text), keepGoing: keepGoing)
        if summary.quit { return .quit }
        return summary.failed ? .failed : .ok
    }
}

extension Session {
    /// Loads a file or directory named on the command line.
    public func loadPath(_ path: String) -> Status {
        do throws(Diagnostic) {
            try load(path, alias: nil)
            return .ok
        } catch {
            output.emit(.diagnostic(error))
            return .failed
        }
    }

    /// Runs a script file named on the command line (`-f`).
    @discardableResult
    public func runScriptFile(_ path: String, keepGoing: Bool) -> Summary {
        do throws(FileError) {
            let bytes = try FileAccess.read(path, limit: DataLimits.maximumScriptBytes)
            return run(SourceText(bytes: bytes, path: path), keepGoing: keepGoing)
        } catch {
            output.emit(.diagnostic(Diagnostic(error)))
            return Summary(failed: true, quit: false)
        }
    }
}
