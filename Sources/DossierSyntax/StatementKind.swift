import DossierSupport
import DossierDiagnostics

public enum StatementKind: Sendable {
    case query(Query)
    case letBinding(Name, Query)
    case load(PathArgument, alias: Name?, options: [LoadOption])
    case loadSample(Name)
    case samples
    case save(Query, PathArgument)
    /// `save QUERY to postgres TABLE`: the rows as a table on the connected server.
    case saveToServer(Query, Name)
    /// `connect [URL]`: without a URL, libpq's PG* environment variables say where.
    case connect(PathArgument?)
    case datasets
    case describe(Name)
    case explain(Query)
    case cite(Query)
    case run(PathArgument)
    case set(option: Name, value: Name)
    /// `set` alone (every option) or `set OPTION` without a value: what they are now.
    case showOptions(Name?)
    case drop(Name)
    case help(topic: Name?)
    case quit
}
