import DossierSupport
import DossierDiagnostics

/// One instruction of a compiled pattern (a Thompson NFA laid out as code, as in RE2 and Pike's VM).
///
/// Consuming instructions (`scalar` ... `set`) advance past one scalar of the text;
/// the others move between states without consuming anything.
package enum RegexInst: Sendable, Equatable {
    case scalar(UInt32)
    /// A case-insensitive scalar: matches the scalar itself, or any scalar whose simple lowercase or uppercase mapping is `lower` or `upper`.
    case scalarFold(UInt32, lower: UInt32, upper: UInt32)
    case anyScalar
    case anyButNewline
    /// An index into the program's classes.
    case set(Int)
    /// Continue at both targets; the first has priority (this is how greedy, lazy and `|` order are expressed).
    case split(Int, Int)
    case jump(Int)
    /// Record the current position in capture slot n (group n/2; even slots are starts, odd slots ends).
    case save(Int)
    case assert(RegexAssertion)
    case match
}

