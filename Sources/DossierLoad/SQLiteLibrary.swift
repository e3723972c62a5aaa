import DossierSupport
import DossierDiagnostics

/// The system's libsqlite3 (Debian's libsqlite3-0), opened with dlopen the first time a
/// database is loaded: dossier has no link-time dependency on it, so start-up does not pay
/// for it and a machine without it still runs everything else. Only the few C functions the
/// reader needs are looked up, with their C signatures written out here.
package struct SQLiteLibrary: @unchecked Sendable {
    package typealias Database = OpaquePointer
    package typealias Statement = OpaquePointer

    package typealias OpenFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<Database?>, Int32, UnsafePointer<CChar>?) -> Int32
    package typealias CloseFunction = @convention(c) (Database?) -> Int32
    package typealias ErrorMessageFunction = @convention(c) (Database?) -> UnsafePointer<CChar>?
    package typealias PrepareFunction = @convention(c) (
        Database?, UnsafePointer<CChar>, Int32, UnsafeMutablePointer<Statement?>, UnsafeMutablePointer<UnsafePointer<CChar>?>?
    ) -> Int32
    package typealias StepFunction = @convention(c) (Statement?) -> Int32
    package typealias FinalizeFunction = @convention(c) (Statement?) -> Int32
    package typealias ColumnCountFunction = @convention(c) (Statement?) -> Int32
    package typealias ColumnNameFunction = @convention(c) (Statement?, Int32) -> UnsafePointer<CChar>?
    package typealias ColumnTypeFunction = @convention(c) (Statement?, Int32) -> Int32
    package typealias ColumnIntegerFunction = @convention(c) (Statement?, Int32) -> Int64
    package typealias ColumnTextFunction = @convention(c) (Statement?, Int32) -> UnsafePointer<UInt8>?
    package typealias DeserializeFunction = @convention(c) (
        Database?, UnsafePointer<CChar>, UnsafeMutablePointer<UInt8>?, Int64, Int64, UInt32
    ) -> Int32

    package let open: OpenFunction
    package let close: CloseFunction
    package let errorMessage: ErrorMessageFunction
    package let prepare: PrepareFunction
    package let step: StepFunction
    package let finalize: FinalizeFunction
    package let columnCount: ColumnCountFunction
    package let columnName: ColumnNameFunction
    package let columnDeclaredType: ColumnNameFunction
    package let columnType: ColumnTypeFunction
    package let columnInteger: ColumnIntegerFunction
    package let columnText: ColumnTextFunction
    package let columnBytes: ColumnTypeFunction
    package let deserialize: DeserializeFunction?

    // The constants of sqlite3.h used here.
    package static let ok: Int32 = 0
    package static let row: Int32 = 100
    package static let done: Int32 = 101
    package static let openReadOnly: Int32 = 0x0000_0001
    package static let openNoMutex: Int32 = 0x0000_8000
    package static let deserializeReadOnly: UInt32 = 4
    package enum StorageClass: Int32 { case integer = 1, float = 2, text = 3, blob = 4, null = 5 }

    /// Opened once, on first use.
    package static let shared: Result<SQLiteLibrary, Missing> = {
        let (opened, error) = SharedLibrary.open(["libsqlite3.so.0", "libsqlite3.so"])
        guard let opened else { return .failure(Missing(reason: error)) }
        guard let library = SQLiteLibrary(opened) else { return .failure(Missing(reason: "a function is missing from libsqlite3")) }
        return .success(library)
    }()

    package struct Missing: Error {
        package var reason: String
    }

    private init?(_ library: SharedLibrary) {
        guard let open = library.function("sqlite3_open_v2", as: OpenFunction.self),
            let close = library.function("sqlite3_close_v2", as: CloseFunction.self),
            let errorMessage = library.function("sqlite3_errmsg", as: ErrorMessageFunction.self),
            let prepare = library.function("sqlite3_prepare_v2", as: PrepareFunction.self),
            let step = library.function("sqlite3_step", as: StepFunction.self),
            let finalize = library.function("sqlite3_finalize", as: FinalizeFunction.self),
            let columnCount = library.function("sqlite3_column_count", as: ColumnCountFunction.self),
            let columnName = library.function("sqlite3_column_name", as: ColumnNameFunction.self),
            let columnDeclaredType = library.function("sqlite3_column_decltype", as: ColumnNameFunction.self),
            let columnType = library.function("sqlite3_column_type", as: ColumnTypeFunction.self),
            let columnInteger = library.function("sqlite3_column_int64", as: ColumnIntegerFunction.self),
            let columnText = library.function("sqlite3_column_text", as: ColumnTextFunction.self),
            let columnBytes = library.function("sqlite3_column_bytes", as: ColumnTypeFunction.self)
        else { return nil }
        self.open = open
        self.close = close
        self.errorMessage = errorMessage
        self.prepare = prepare
        self.step = step
        self.finalize = finalize
        self.columnCount = columnCount
        self.columnName = columnName
        self.columnDeclaredType = columnDeclaredType
        self.columnType = columnType
        self.columnInteger = columnInteger
        self.columnText = columnText
        self.columnBytes = columnBytes
        // Only in builds with deserialization (the default since 3.36); used by the fuzz target.
        deserialize = library.function("sqlite3_deserialize", as: DeserializeFunction.self)
    }
}
