import DossierSupport
import DossierDiagnostics

/// The clauses that add a column computed over the rows (shares, ranks, running totals,
/// change from the row before) and `expand`. Each may work within groups: `per G, ...`, as
/// `limit ... per` does.
extension Parser {
    /// share         = "share" [ "of" expression ] [ per ]
    /// rank          = "rank" [ "by" sort_key { "," sort_key } ] [ per ]
    /// running_total = "running" "total" [ "of" expression ] [ per ]
    /// change        = "change" [ "of" expression ] [ per ]
    /// expand        = "expand" name
    /// per           = "per" expression_list
    /// The clause's keyword has been read; `keywordEnd` grows over `total` and `by`.
    package mutating func parseAnalysisClause(_ word: Keyword, keywordEnd: inout Int) throws(Diagnostic) -> ClauseKind {
        switch word {
        case .share:
            let value = try parseOf(after: "share")
            return .share(of: value, per: try parsePer())
        case .rank:
            offer(.words(["by", "per"]))
            var keys: [SortKey] = []
            if continuesLine, isKeyword(.by) {
                keywordEnd = current.end
                advance()
                keys = try parseSortKeys(after: "rank by")
            }
            return .rank(by: keys, per: try parsePer())
        case .running:
            offer(.words(["total"]))
            guard continuesLine || current.kind == .endOfInput, isKeyword(.total) else {
                throw error(SyntaxMessages.expectedTotalAfterRunning(found: describeNext()))
            }
            keywordEnd = current.end
            advance()
            let value = try parseOf(after: "running total")
            return .runningTotal(of: value, per: try parsePer())
        case .change:
            let value = try parseOf(after: "change")
            return .change(of: value, per: try parsePer())
        default:
            offer(.field)
            let field = try parseOperand(else: SyntaxMessages.expectedFieldToExpand(), allowBinary: false)
            switch field.kind {
            case .name, .qualified: return .expand(field)
            default: throw error(SyntaxMessages.expandNeedsAField(), at: field.range)
            }
        }
    }

    /// [ "of" expression ]: the number a share, running total or change is of.
    private mutating func parseOf(after clause: String) throws(Diagnostic) -> Expr? {
        offer(.words(["of", "per"]))
        guard continuesLine, isKeyword(.of) else { return nil }
        advance()
        offer(.field)
        return try parseOperand(else: SyntaxMessages.missingListField(after: "\(clause) of"))
    }

    /// [ "per" expression_list ]: the groups the clause works within.
    private mutating func parsePer() throws(Diagnostic) -> [Expr] {
        offer(.words(["per"]))
        guard continuesLine, isKeyword(.per) else { return [] }
        advance()
        offer(.field)
        return try parseExpressionList(after: "per")
    }
}
