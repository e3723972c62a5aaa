#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libpq's C functions, found with `dlopen` the first time a connection is made, so dossier
/// has no link-time dependency on it: start-up costs nothing when no server is used (linking
/// libpq added 3.5 ms to every start), and a machine without libpq runs everything else.
/// Each function is declared with its C type; a missing symbol is an error, never a crash.
// Safe: every stored property is a `let` C function pointer (or the library handle) set once
// when the library is opened; calling them from any thread touches no state of this value.
struct LibPQ: @unchecked Sendable {
    // The C types, as in libpq-fe.h. Handles (PGconn *, PGresult *, PGcancel *) are opaque.
    typealias Handle = OpaquePointer
    typealias ConnectParams = @convention(c) (
        UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>, CInt
    ) -> Handle?
    typealias ConnFunction = @convention(c) (Handle?) -> CInt
    typealias ConnText = @convention(c) (Handle?) -> UnsafeMutablePointer<CChar>?
    typealias ConnVoid = @convention(c) (Handle?) -> Void
    typealias SendQuery = @convention(c) (Handle?, UnsafePointer<CChar>) -> CInt
    typealias GetResult = @convention(c) (Handle?) -> Handle?
    typealias ResultInt = @convention(c) (Handle?) -> CInt
    typealias ResultText = @convention(c) (Handle?) -> UnsafeMutablePointer<CChar>?
    typealias ResultField = @convention(c) (Handle?, CInt) -> UnsafeMutablePointer<CChar>?
    typealias ResultType = @convention(c) (Handle?, CInt) -> UInt32
    typealias ResultValue = @convention(c) (Handle?, CInt, CInt) -> UnsafeMutablePointer<CChar>?
    typealias ResultCell = @convention(c) (Handle?, CInt, CInt) -> CInt
    typealias Cancel = @convention(c) (Handle?, UnsafeMutablePointer<CChar>, CInt) -> CInt
    typealias PutCopyData = @convention(c) (Handle?, UnsafePointer<CChar>, CInt) -> CInt
    typealias PutCopyEnd = @convention(c) (Handle?, UnsafePointer<CChar>?) -> CInt

    let connectdbParams: ConnectParams
    let status: ConnFunction
    let errorMessage: ConnText
    let finish: ConnVoid
    let sendQuery: SendQuery
    let setSingleRowMode: ConnFunction
    let consumeInput: ConnFunction
    let isBusy: ConnFunction
    let socket: ConnFunction
    let getResult: GetResult
    let resultStatus: ResultInt
    let resultErrorMessage: ResultText
    let resultErrorField: ResultField
    let ntuples: ResultInt
    let nfields: ResultInt
    let fname: ResultField
    let ftype: ResultType
    let getvalue: ResultValue
    let getlength: ResultCell
    let getisnull: ResultCell
    let clear: ConnVoid
    let getCancel: GetResult
    let cancel: Cancel
    let freeCancel: ConnVoid
    let putCopyData: PutCopyData
    let putCopyEnd: PutCopyEnd
    let serverVersion: ConnFunction
    /// What a connection reached, however it was said (URL, `PG*` variables, defaults).
    let user: ConnText
    let host: ConnText
    let port: ConnText
    let database: ConnText

    // Result statuses (ExecStatusType) and the connection status that matter here.
    static let connectionOK: CInt = 0
    static let commandOK: CInt = 1
    static let tuplesOK: CInt = 2
    static let copyIn: CInt = 4
    static let singleTuple: CInt = 9
    /// PG_DIAG_SQLSTATE and PG_DIAG_MESSAGE_PRIMARY.
    static let fieldSQLState = CInt(UInt8(ascii: "C"))
    static let fieldPrimary = CInt(UInt8(ascii: "M"))

    /// The library, loaded once per process; a failure is remembered with its reason.
    static let shared: Result<LibPQ, LibPQLoadError> = load()

    /// Where to look: Debian's soname first, then the unversioned name (a development install).
    static let candidates = ["libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"]

    private static func load() -> Result<LibPQ, LibPQLoadError> {
        var reasons: [String] = []
        for name in candidates {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                if let reason = dlerror() { reasons.append(String(cString: reason)) }
                continue
            }
            // The library stays loaded for the life of the process: no dlclose.
            do throws(LibPQLoadError) {
                return .success(try LibPQ(library: library))
            } catch {
                return .failure(error)
            }
        }
        return .failure(LibPQLoadError(reason: reasons.first ?? "libpq was not found"))
    }

    private init(library: UnsafeMutableRawPointer) throws(LibPQLoadError) {
        func symbol<T>(_ name: String, _: T.Type) throws(LibPQLoadError) -> T {
            guard let address = dlsym(library, name) else {
                throw LibPQLoadError(reason: "libpq has no function \(name) (too old a libpq?)")
            }
            return unsafeBitCast(address, to: T.self)
        }
        connectdbParams = try symbol("PQconnectdbParams", ConnectParams.self)
        status = try symbol("PQstatus", ConnFunction.self)
        errorMessage = try symbol("PQerrorMessage", ConnText.self)
        finish = try symbol("PQfinish", ConnVoid.self)
        sendQuery = try symbol("PQsendQuery", SendQuery.self)
        setSingleRowMode = try symbol("PQsetSingleRowMode", ConnFunction.self)
        consumeInput = try symbol("PQconsumeInput", ConnFunction.self)
        isBusy = try symbol("PQisBusy", ConnFunction.self)
        socket = try symbol("PQsocket", ConnFunction.self)
        getResult = try symbol("PQgetResult", GetResult.self)
        resultStatus = try symbol("PQresultStatus", ResultInt.self)
        resultErrorMessage = try symbol("PQresultErrorMessage", ResultText.self)
        resultErrorField = try symbol("PQresultErrorField", ResultField.self)
        ntuples = try symbol("PQntuples", ResultInt.self)
        nfields = try symbol("PQnfields", ResultInt.self)
        fname = try symbol("PQfname", ResultField.self)
        ftype = try symbol("PQftype", ResultType.self)
        getvalue = try symbol("PQgetvalue", ResultValue.self)
        getlength = try symbol("PQgetlength", ResultCell.self)
        getisnull = try symbol("PQgetisnull", ResultCell.self)
        clear = try symbol("PQclear", ConnVoid.self)
        getCancel = try symbol("PQgetCancel", GetResult.self)
        cancel = try symbol("PQcancel", Cancel.self)
        freeCancel = try symbol("PQfreeCancel", ConnVoid.self)
        putCopyData = try symbol("PQputCopyData", PutCopyData.self)
        putCopyEnd = try symbol("PQputCopyEnd", PutCopyEnd.self)
        serverVersion = try symbol("PQserverVersion", ConnFunction.self)
        user = try symbol("PQuser", ConnText.self)
        host = try symbol("PQhost", ConnText.self)
        port = try symbol("PQport", ConnText.self)
        database = try symbol("PQdb", ConnText.self)
    }
}

/// Why libpq could not be loaded: dlopen's or dlsym's own words.
struct LibPQLoadError: Error, Sendable {
    var reason: String
}

extension LibPQ {
    /// A C string from libpq (never nil-terminated garbage: libpq owns and terminates it).
    static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
