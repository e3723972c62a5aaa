#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierSupport
import DossierDiagnostics

/// One connection to a PostgreSQL server through libpq (loaded on first use). Every wait is
/// bounded: the socket is polled in short slices, Ctrl-C (the session's `Cancellation`) sends
/// `PQcancel` so the server stops too, and a server that does not answer a cancel within
/// `cancelGrace` loses the connection rather than the user their prompt. A connection the
/// server dropped is made again before the next statement.
public final class PostgresConnection: @unchecked Sendable {
    // @unchecked: one session uses a connection from one thread at a time; the only other
    // thread is none (Ctrl-C sets a flag that this thread polls), so nothing is shared.
    private let library: LibPQ
    private var handle: LibPQ.Handle?
    /// The URL as given, password included: kept only to reconnect, never shown.
    private let url: String
    /// What people see: the URL without its password; for `connect` alone, the server the
    /// `PG*` variables and libpq's defaults led to, as a URL.
    public private(set) var display: String
    /// How long a server may take to stop after a cancel before the connection is dropped.
    public var cancelGrace: Duration = .seconds(5)

    /// Connects, with libpq's own rules for the rest: `PG*` environment variables,
    /// `~/.pgpass`, a 10-second connect timeout unless the URL says otherwise.
    public static func connect(_ url: String) throws(Diagnostic) -> PostgresConnection {
        let library: LibPQ
        switch LibPQ.shared {
        case .success(let loaded): library = loaded
        case .failure(let error): throw PostgresMessages.libraryMissing(error.reason)
        }
        let connection = PostgresConnection(library: library, url: url)
        try connection.open()
        return connection
    }

    private init(library: LibPQ, url: String) {
        self.library = library
        self.url = url
        self.display = ConnectionText.redacted(url)
    }

    deinit {
        if let handle { library.finish(handle) }
    }

    private func open() throws(Diagnostic) {
        // Later keywords win over what the URL (dbname, expanded) says: put the URL last so
        // its own settings override these defaults.
        let settings: [(String, String)] = [
            ("connect_timeout", "10"), ("application_name", "dossier"), ("client_encoding", "UTF8"),
            // A server that vanishes without closing the socket is noticed within a minute.
            ("keepalives", "1"), ("keepalives_idle", "20"), ("keepalives_interval", "5"), ("keepalives_count", "4"),
            ("dbname", url),
        ]
        let opened: LibPQ.Handle? = withCStrings(settings.map(\.0)) { keywords in
            withCStrings(settings.map(\.1)) { values in library.connectdbParams(keywords, values, 1) }
        }
        guard let opened else { throw PostgresMessages.connectFailed(display, "out of memory") }
        if url.allSatisfy(\.isWhitespace) { display = reached(opened) }
        if library.status(opened) != LibPQ.connectionOK {
            let reason = LibPQ.text(library.errorMessage(opened))
            library.finish(opened)
            throw PostgresMessages.connectFailed(display, ConnectionText.redactingSecrets(reason, of: url))
        }
        handle = opened
        // Results come back in forms the decoder reads: ISO dates, exact text.
        try execute("SET DateStyle = ISO; SET standard_conforming_strings = on; SET extra_float_digits = 3", cancellation: nil)
    }

    /// `postgres://user@host:port/db` from what libpq settled on (a socket folder as host
    /// shows as it is); never the password.
    private func reached(_ handle: LibPQ.Handle) -> String {
        let user = LibPQ.text(library.user(handle))
        let host = LibPQ.text(library.host(handle))
        let port = LibPQ.text(library.port(handle))
        let database = LibPQ.text(library.database(handle))
        return "postgres://\(user)@\(host)\(port.isEmpty ? "" : ":" + port)/\(database)"
    }

    /// Whether the server is still there as far as libpq knows.
    public var isOpen: Bool { handle.map { library.status($0) == LibPQ.connectionOK } ?? false }

    public func close() {
        if let handle { library.finish(handle) }
        handle = nil
    }

    /// A connection the server dropped (a restart, a crash) is made again, once.
    private func ready() throws(Diagnostic) -> LibPQ.Handle {
        if let handle, library.status(handle) == LibPQ.connectionOK { return handle }
        close()
        try open()
        guard let handle else { throw PostgresMessages.connectFailed(display, "no connection") }
        return handle
    }

    /// The server's version as a number (150004 for 15.4).
    public var serverVersion: Int { handle.map { Int(library.serverVersion($0)) } ?? 0 }

    // MARK: - Statements

    /// Runs statements that return no rows (several may be separated by `;`).
    public func execute(_ sql: String, cancellation: Cancellation?) throws(Diagnostic) {
        try run(sql, singleRow: false, cancellation: cancellation, columns: { _ in }, row: { _ throws(Diagnostic) in })
    }

    /// Runs a query and hands each row to `row` as it arrives (single-row mode: memory stays
    /// flat however many rows come). `columns` is told the result's columns first.
    public func query(
        _ sql: String, cancellation: Cancellation?, columns: ([ResultColumn]) -> Void,
        row: (ResultRow) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        try run(sql, singleRow: true, cancellation: cancellation, columns: columns, row: row)
    }

    private func run(
        _ sql: String, singleRow: Bool, cancellation: Cancellation?, columns: ([ResultColumn]) -> Void,
        row: (ResultRow) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        try cancellation?.check()
        let connection = try ready()
        guard sql.withCString({ library.sendQuery(connection, $0) }) == 1 else {
            throw PostgresMessages.serverError(LibPQ.text(library.errorMessage(connection)), sql: sql)
        }
        if singleRow { _ = library.setSingleRowMode(connection) }
        var failure: Diagnostic?
        var cancelSentAt: ContinuousClock.Instant?
        var describedColumns = false
        let clock = ContinuousClock()
        while true {
            if failure == nil, cancellation?.isCancelled == true { failure = PostgresMessages.cancelled() }
            if cancelSentAt == nil, failure != nil {
                // Ctrl-C or a failed row: the server stops now, not after the last row.
                sendCancel(connection)
                cancelSentAt = clock.now
            }
            // Wait for a whole result without blocking in libpq, so Ctrl-C is seen.
            while library.isBusy(connection) == 1 {
                if failure == nil, cancellation?.isCancelled == true { failure = PostgresMessages.cancelled() }
                if cancelSentAt == nil, failure != nil {
                    sendCancel(connection)
                    cancelSentAt = clock.now
                }
                if let sent = cancelSentAt, clock.now - sent > cancelGrace {
                    close()
                    throw failure ?? PostgresMessages.cancelIgnored(display)
                }
                waitReadable(connection, milliseconds: 100)
                if library.consumeInput(connection) == 0 {
                    let reason = LibPQ.text(library.errorMessage(connection))
                    close()
                    throw failure ?? PostgresMessages.connectionLost(display, reason)
                }
            }
            guard let result = library.getResult(connection) else { break }
            defer { library.clear(result) }
            let status = library.resultStatus(result)
            switch status {
            case LibPQ.singleTuple, LibPQ.tuplesOK:
                if !describedColumns {
                    describedColumns = true
                    columns(describe(result))
                }
                guard failure == nil, status == LibPQ.singleTuple else { continue }
                do throws(Diagnostic) {
                    try row(ResultRow(library: library, result: result, row: 0))
                } catch {
                    // Stop the server, then drain what it already sent before reporting.
                    failure = error
                }
            case LibPQ.commandOK:
                continue
            case LibPQ.copyIn:
                // Not expected here: end it so the connection stays usable.
                _ = library.putCopyEnd(connection, "unexpected COPY")
            default:
                if failure == nil { failure = serverFailure(result, sql: sql, cancellation: cancellation) }
            }
        }
        if let failure { throw failure }
        if !isOpen {
            let reason = handle.map { LibPQ.text(library.errorMessage($0)) } ?? ""
            close()
            throw PostgresMessages.connectionLost(display, reason)
        }
    }

    /// The server's error as a diagnostic; a cancel that Ctrl-C asked for is `cancelled`.
    private func serverFailure(_ result: LibPQ.Handle, sql: String, cancellation: Cancellation?) -> Diagnostic {
        let state = LibPQ.text(library.resultErrorField(result, LibPQ.fieldSQLState))
        if state == "57014", cancellation?.isCancelled == true { return PostgresMessages.cancelled() }
        var message = LibPQ.text(library.resultErrorField(result, LibPQ.fieldPrimary))
        if message.isEmpty { message = LibPQ.text(library.resultErrorMessage(result)) }
        if message.isEmpty, let handle { message = LibPQ.text(library.errorMessage(handle)) }
        return PostgresMessages.serverError(message, state: state, sql: sql)
    }

    private func describe(_ result: LibPQ.Handle) -> [ResultColumn] {
        (0..<library.nfields(result)).map { index in
            ResultColumn(name: LibPQ.text(library.fname(result, index)), typeOID: library.ftype(result, index))
        }
    }

    private func sendCancel(_ connection: LibPQ.Handle) {
        guard let cancel = library.getCancel(connection) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = buffer.withUnsafeMutableBufferPointer { space in
            space.baseAddress.map { library.cancel(cancel, $0, CInt(space.count)) }
        }
        library.freeCancel(cancel)
    }

    private func waitReadable(_ connection: LibPQ.Handle, milliseconds: Int32) {
        let socket = library.socket(connection)
        guard socket >= 0 else { return }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
    }

    // MARK: - COPY

    /// `COPY … FROM STDIN` with the data `produce` writes chunk by chunk (text format). An
    /// error in `produce` ends the copy with a failure, so the server keeps nothing of it.
    public func copyIn(
        _ sql: String, cancellation: Cancellation?, produce: ((String) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let connection = try ready()
        guard sql.withCString({ library.sendQuery(connection, $0) }) == 1 else {
            throw PostgresMessages.serverError(LibPQ.text(library.errorMessage(connection)), sql: sql)
        }
        guard let started = library.getResult(connection) else {
            throw PostgresMessages.connectionLost(display, LibPQ.text(library.errorMessage(connection)))
        }
        let status = library.resultStatus(started)
        if status != LibPQ.copyIn {
            let failure = serverFailure(started, sql: sql, cancellation: cancellation)
            library.clear(started)
            while let rest = library.getResult(connection) { library.clear(rest) }
            throw failure
        }
        library.clear(started)
        var failure: Diagnostic?
        do throws(Diagnostic) {
            try produce { (chunk: String) throws(Diagnostic) in
                try cancellation?.check()
                var text = chunk
                if text.isEmpty { return }
                let sent = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        chars.baseAddress.map { library.putCopyData(connection, $0, CInt(clamping: chars.count)) } ?? 1
                    }
                }
                if sent != 1 { throw PostgresMessages.connectionLost(display, LibPQ.text(library.errorMessage(connection))) }
            }
        } catch {
            failure = error
        }
        _ = library.putCopyEnd(connection, failure == nil ? nil : "stopped by dossier")
        try drain(connection, failure: failure, sql: sql, cancellation: cancellation)
    }

    private func drain(_ connection: LibPQ.Handle, failure: Diagnostic?, sql: String, cancellation: Cancellation?) throws(Diagnostic) {
        var failure = failure
        while let result = library.getResult(connection) {
            let status = library.resultStatus(result)
            if status != LibPQ.commandOK, status != LibPQ.tuplesOK, failure == nil {
                failure = serverFailure(result, sql: sql, cancellation: cancellation)
            }
            library.clear(result)
        }
        if let failure { throw failure }
    }
}

/// A column of a result: its name and PostgreSQL type (an OID from pg_type).
public struct ResultColumn: Sendable, Equatable {
    public var name: String
    public var typeOID: UInt32
}

/// One row of a result, read in place (valid only inside the callback that receives it).
public struct ResultRow {
    fileprivate let library: LibPQ
    fileprivate let result: LibPQ.Handle
    fileprivate let row: CInt

    public var count: Int { Int(library.nfields(result)) }

    public func isNull(_ column: Int) -> Bool {
        library.getisnull(result, row, CInt(column)) == 1
    }

    /// The cell's text (PostgreSQL's text format); nil when NULL.
    public func text(_ column: Int) -> String? {
        if isNull(column) { return nil }
        return LibPQ.text(library.getvalue(result, row, CInt(column)))
    }

    /// The cell's bytes without copying, for hot decoders; empty when NULL.
    public func withBytes<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let length = Int(library.getlength(result, row, CInt(column)))
        guard let pointer = library.getvalue(result, row, CInt(column)) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) { body(UnsafeBufferPointer(start: $0, count: length)) }
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T?) -> T? {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { buffer in
        // Never empty (the terminating nil is in it), so the base address exists.
        buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in rebound.baseAddress.flatMap(body) }
    }
}
