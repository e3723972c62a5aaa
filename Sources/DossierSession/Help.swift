import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

public enum Help {
    public static let overview = """
        dossier: ask questions of datasets. A query starts with a dataset; clauses follow:

          countries where concern = rights
          countries where region = Africa sort by name select name, status
          countries | count by region | chart
          cite countries where concern = rights

        statements  datasets  describe NAME  load PATH  samples  save QUERY to PATH
                    let NAME = QUERY  explain QUERY  cite QUERY  run PATH  drop NAME
                    set format csv  set timer on  help TOPIC  quit
        clauses     \(WordTable.clauses.filter { $0.keyword != .order }.map(\.typed).joined(separator: "  "))
        topics      expressions  text  numbers  missing  lists  dates  formats  keys  sqlite

        Type `help where` (or any word above) for more. Tab completes names and values.

        """

    public static let topics: [HelpTopic] = statementTopics + clauseTopics + conceptTopics

    public static func topic(named name: String) -> HelpTopic? {
        let key = name.lowercased().trimmingSpaces
        return topics.first { $0.name == key || $0.aliases.contains(key) }
    }

    package static let statementTopics: [HelpTopic] = [
        HelpTopic(name: "query", aliases: ["queries", "pipeline"],
            summary: "a dataset followed by clauses, applied left to right",
            body: "Clauses may be separated by `|`. A new line that starts with `|` continues the query.\n" + WordTable.clauseList,
            examples: ["countries", "countries where region = Africa select name, status", "countries | where incentives = \"financial aid\" | count by region"]),
        HelpTopic(name: "datasets", aliases: [".tables", "tables"],
            summary: "the loaded datasets and named queries, with row counts and where they came from",
            body: "", examples: ["datasets"]),
        HelpTopic(name: "describe", aliases: [".schema", "schema"],
            summary: "a dataset's fields: type, missing values, and the values with their counts",
            body: "describe NAME", examples: ["describe countries", "describe transfers"]),
        HelpTopic(name: "load", aliases: [".load", "import"],
            summary: "load a CSV, TSV, JSON or JSON Lines file, or every such file in a directory",
            body: "load PATH [as NAME]\nload sample NAME\nThe dataset is named after the file (deals.csv → deals) unless you say `as NAME`.\nLoading over a name replaces it, only if the load succeeds.\nCSV headers may declare types: people:int, tags:list, when:date.",
            examples: ["load sample third-country-deals"]),
        HelpTopic(name: "samples", aliases: ["sample"],
            summary: "the bundled sample datasets; `load sample NAME` loads one",
            body: "", examples: ["samples"]),
        HelpTopic(name: "save", aliases: ["export", "output"],
            summary: "write a query's result to a file; the format follows the extension",
            body: "save QUERY to PATH   (.csv .tsv .json .jsonl .md)\nCSV and TSV get typed headers (people:int) so the file loads back with the same types.\nsave QUERY | chart to PATH.svg   the query's chart as a standalone SVG to publish; its title is the query",
            examples: ["save countries where region = Africa to /tmp/africa.csv", "save countries count by region | chart to /tmp/dossier-regions.svg"]),
        HelpTopic(name: "connect", aliases: ["postgres", "postgresql", "database", "server"],
            summary: "use the tables of a PostgreSQL database as datasets; queries then run on the server",
            body: """
                connect postgres://USER@HOST:PORT/DATABASE
                connect            (with PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD set)
                The database's tables and views become datasets; the same queries compile to SQL
                (explain shows it). save QUERY to postgres TABLE uploads a result in one transaction.
                """,
            examples: []),
        HelpTopic(name: "let", aliases: ["define", "view"],
            summary: "name a query; the name can then be used like a dataset, and is re-evaluated each time",
            body: "let NAME = QUERY\n`drop NAME` removes it.",
            examples: ["let african = countries where region = Africa", "african count by status"]),
        HelpTopic(name: "explain", aliases: ["plan"],
            summary: "the query in plain words, one clause a line, with the rows left after each",
            body: "", examples: ["explain countries where concern = rights select name"]),
        HelpTopic(name: "cite", aliases: ["quote", "source", "sources"],
            summary: "each result row with the sentence of the report it rests on, and its source",
            body: "", examples: ["cite countries where concern = rights", "cite transfers where to = Panama"]),
        HelpTopic(name: "run", aliases: [".read", "read", "script"],
            summary: "run the statements of a script file (.dq), one per line",
            body: "run PATH\nErrors are reported as path:line:column. A line indented more than its statement's first line, a line starting with `|` and the line after one ending with `|` continue the statement.\nThe whole script is parsed before it runs: a syntax error anywhere runs nothing.",
            examples: []),
        HelpTopic(name: "set", aliases: ["options", ".mode", "mode", "timer", "pager"],
            summary: "session options",
            body: "set                (every option and its value)\nset format table|csv|tsv|json|jsonl|markdown|record\n                   (record: one block a row, one line a field, for wide rows; like sqlite's .mode line)\nset timer on|off   (how long each statement took)\nset pager on|off   (long results through $PAGER)",
            examples: ["set", "set format record", "countries where concern = rights select name, quote", "set format table"]),
        HelpTopic(name: "drop", aliases: ["remove", "forget"],
            summary: "forget a dataset or a named query", body: "drop NAME",
            examples: ["let rights = countries where concern = rights", "drop rights"]),
        HelpTopic(name: "help", aliases: [".help", "?"], summary: "this help; `help TOPIC` for one topic",
            body: "", examples: ["help where"]),
        HelpTopic(name: "quit", aliases: ["exit", ".quit", ".exit"],
            summary: "leave the shell (Ctrl-D on an empty line does too)", body: "", examples: []),
    ]

    package static let clauseTopics: [HelpTopic] = [
        HelpTopic(name: "where", aliases: ["filter", "conditions", "condition"],
            summary: "keep the rows where a condition is true",
            body: "Compare with = != < <= > >=, in (...), between ... and ..., contains, like, matches,\nis missing; combine with and, or, not and brackets. A word that is not a field is text:\n`concern = rights` needs no quotes. Text with spaces does: status = \"nearly finalized\".",
            examples: [
                "countries where concern = rights", "countries where region = Africa and not concern = rights",
                "countries where region in (Asia, \"Eastern Europe\")", "agreements where status = \"nearly finalized\"",
            ]),
        HelpTopic(name: "select", aliases: ["fields", "columns", "as"],
            summary: "choose, order, rename and compute the fields of the result",
            body: "select ITEM, ...   ITEM is a field, an expression, or *; `as NAME` renames\n* is every field not listed before it: `select name, *` puts name first.",
            examples: ["countries select name, region", "countries select upper(name) as country, len(name) as letters", "transfers select *, people * 2 as doubled", "countries select status, *"]),
        HelpTopic(name: "sort", aliases: ["sort by", "order", "order by", "asc", "desc"],
            summary: "order the rows; stable; missing values last in both directions",
            body: "sort by F [asc|desc], ...   (also: order by)\nText sorts ignoring case.",
            examples: ["countries sort by region, name", "countries sort by name desc limit 3"]),
        HelpTopic(name: "limit", aliases: ["offset", "top", "head", "per"],
            summary: "keep the first N rows, optionally after skipping M, or the first N of each group",
            body: "limit N [offset M] [per F, ...]\nWith per, the first N rows of each group of equal F: after a sort, each group's top N.",
            examples: ["countries limit 3", "countries sort by name limit 3 offset 3", "countries sort by name limit 1 per region select region, name"]),
        HelpTopic(name: "distinct", aliases: ["unique", "uniq"],
            summary: "distinct rows, or the distinct values of some fields, in first-seen order",
            body: "distinct [F, ...]", examples: ["countries distinct region", "agreements distinct kind, status"]),
        HelpTopic(name: "count", aliases: ["count by", "group", "group by"],
            summary: "count rows, or count them by group, most frequent first",
            body: "count [by F, ...]   as a clause\ncount QUERY [by F, ...]   as a statement\nA list field counts each row once under each of its items.",
            examples: ["countries count", "countries count by region", "count countries by status", "countries count by incentives", "count countries by region | chart"]),
        HelpTopic(name: "summarize", aliases: ["aggregate", "aggregates", "sum", "avg", "min", "max", "median", "quantile", "stddev", "variance", "corr"],
            summary: "aggregates over all rows or by group",
            body: """
                summarize ITEM [as NAME], ... [by F, ...]
                ITEM: an aggregate, or arithmetic on aggregates (max(v) - min(v) as range)
                count(), count(F), count distinct F, sum(F), avg(F), min(F), max(F)
                median(F), quantile(F, p) (p from 0 to 1: quantile(F, 0.9) is the 90th percentile),
                stddev(F) and variance(F) (of a sample), corr(F, G) (Pearson's r)
                Missing values are ignored; count() counts rows. Medians and quantiles of integers
                and decimals are exact, interpolated between the two nearest values.
                """,
            examples: ["transfers summarize count() as transfers, sum(people) as people", "countries summarize count() as countries, count distinct status by region",
                "transfers summarize median(people), max(people) - min(people) as range by origin"]),
        HelpTopic(name: "join", aliases: ["left join", "left"],
            summary: "pair rows with the rows of another dataset whose key is equal",
            body: "join SOURCE on A = B   (left join keeps rows without a match)\nA field both sides have is the pipeline's; the joined one is reached as source.field.\nJoining a dataset with itself: `name` is the pipeline's row, `people.name` the joined copy's.\nMissing keys match nothing.",
            examples: ["agreements join countries on country = name where region = Africa select country, agreements.status", "countries left join agreements on name = country select name, kind"]),
        HelpTopic(name: "chart", aliases: ["bar", "bars", "plot", "histogram", "svg"],
            summary: "draw the result: bars, a time chart, or a histogram",
            body: """
                chart is the last clause, and may follow where, sort and limit (the usual top ten).
                after count by / summarize by    a bar a group, labelled with the keys, to the last column
                LABEL, NUMBER as the last fields a bar a row
                one numeric field                a histogram: the rows in about ten bins of a round width
                a date label                     a time chart: periods in time order, a period without rows a gap
                Negative values draw on the other side of a zero axis `│`.
                save QUERY | chart to PATH.svg writes the chart as a standalone SVG to publish.
                """,
            examples: [
                "countries count by region | chart", "countries count by region sort by count desc limit 3 | chart",
                "transfers where people is not missing select to, people | chart", "countries select len(name) as letters | chart",
                "countries summarize count() by status chart",
            ]),
    ]

    package static let conceptTopics: [HelpTopic] = [
        HelpTopic(name: "expressions", aliases: ["operators", "functions", "arithmetic"],
            summary: "what can go in a condition or a computed field",
            body: """
                comparison   = != < <= > >=  (also == and <>)
                lists        F in (a, b)   F not in (a, b)
                ranges       F between 10 and 100
                text         F contains "aid"   F like "Cost*" (* any, ? one)   F matches "^[A-M]"
                             (matches: a regular expression, case-sensitive unless it starts with (?i);
                             no backreferences, so no pattern can run away)
                missing      F is missing   F is not missing
                logic        and  or  not  ( )
                arithmetic   + - * /   (integer overflow becomes a decimal; / always gives a decimal)
                functions    lower(T) upper(T) len(T or list) year(D) month(D)
                             number(T) date(T [, format]) text(X) round(N [, digits]) floor(N) ceil(N) abs(N)
                             sqrt(N) pow(N, N)
                """,
            examples: ["countries where name like \"*a\"", "countries where name matches \"^[A-M]\"", "transfers where people between 50 and 500"]),
        HelpTopic(name: "text", aliases: ["case", "strings", "quotes", "bare words"],
            summary: "text compares without regard to case; quotes are needed only for spaces",
            body: "\"Alpha\" = \"alpha\" and \"straße\" = \"STRASSE\" (full case folding); é typed either way is one letter.\nSorting follows the alphabet: Åland sorts with A, then accents, then case.\nStrings go in '...' or \"...\" with backslash escapes.\nA word that is not a field is text: region = Africa. Names with spaces go in backticks: `first name`.",
            examples: ["countries where region = AFRICA", "countries where status = 'nearly finalized'"]),
        HelpTopic(name: "missing", aliases: ["null", "empty", "is missing"],
            summary: "an empty cell; it equals only missing, and < > like contains are false on it",
            body: "concern != rights is true where concern is missing. `not` negates exactly.",
            examples: ["countries where concern is missing count", "countries where status is not missing count by status"]),
        HelpTopic(name: "lists", aliases: ["list", "any"],
            summary: "a field holding several texts (CSV header `name:list`, items split on ;)",
            body: "A comparison is true if ANY item satisfies it; != and not in are true if NO item equals.",
            examples: ["countries where incentives = \"financial aid\" select name", "countries where roles != receiving select name, roles"]),
        HelpTopic(name: "dates", aliases: ["date", "year", "month", "date()"],
            summary: "dates are written YYYY-MM-DD and compare by time",
            body: """
                A quoted text in date form compared with a date field is a date. year(D) and month(D) take them apart.
                date(x) reads text as a date: 2025-03-01, 2025/03/01, 20250301, 2025-03-01T10:00 (the date of it).
                date(x, "dd.mm.yyyy") reads it with a format: yyyy yy mm m dd d mon (Jan) month (January).
                Text that does not read is missing, never an error.
                """,
            examples: ["countries select name, date(\"01.03.2025\", \"dd.mm.yyyy\") as d limit 1", "countries select date(\"1 Mar 2025\", \"d mon yyyy\") as d limit 1"]),
        HelpTopic(name: "numbers", aliases: ["number", "decimals", "round", "floor", "ceil", "abs", "sqrt", "pow", "number()", "text()"],
            summary: "numbers are exact and print as the file wrote them",
            body: """
                A decimal with up to 18 significant digits is exact: 0.1 + 0.2 is 0.3, 19.99 * 3 is 59.97, and
                1.10 stays 1.10. Division and avg give 18 significant digits, rounded half to even. Larger
                numbers (1e300) are binary floating point, and describe says so.
                number(x)     text read as a number: 1,234  $1,234.50  12% (12)  (1,234) (-1234); else missing
                round(x)      round(x, 2) keeps two digits; round(x, -3) rounds to thousands (halves away from zero)
                floor(x)  ceil(x)  abs(x)
                sqrt(x)       pow(x, y)   exact for perfect squares and whole powers, else binary floating point
                text(x)       the value as text, as it is shown
                A text field whose values are mostly numbers (one stray `N/A` made it text) cannot be ordered
                against a number: number(code) > 2 reads it. N/A, NA, null, None, - and — in a number
                column are missing values.
                """,
            examples: ["transfers select to, people / 3 as third, round(people / 3, 2) as rounded", "transfers select number(\"$1,234.50\") as n limit 1", "transfers where people is not missing select text(people) as t, abs(0 - people) as a"]),
        HelpTopic(name: "formats", aliases: ["format", "csv", "json", "tsv", "markdown", "table", "record"],
            summary: "how results are printed: table (default), csv, tsv, json, jsonl, markdown, record",
            body: "set format F in the shell, --format F on the command line; save picks the format from the file's extension.",
            examples: ["set format json", "countries where concern = rights select name", "set format table"]),
        HelpTopic(name: "keys", aliases: ["keyboard", "shortcuts", "completion", "history"],
            summary: "keys in the shell",
            body: """
                Tab          complete names, fields and values (after `field =`, with how often each occurs)
                Up / Down    history; Ctrl-R searches it
                Ctrl-C       clear the line, or cancel a running query or load
                Ctrl-D       leave (on an empty line); at the continuation prompt, give up the statement
                """,
            examples: []),
        HelpTopic(name: "sqlite", aliases: ["sql", "dot", "dot commands"],
            summary: "sqlite habits understood here",
            body: ".help .quit .exit .read FILE .load FILE .mode FORMAT .tables .schema [NAME]\nSQL's SELECT ... FROM is written the other way round: countries select name.",
            examples: [".tables", ".schema countries", ".mode table"]),
    ]
}

extension Session {
    package func help(_ topic: Name?, source: SourceText) throws(Diagnostic) {
        guard let topic else {
            output.emit(.result(Help.overview))
            return
        }
        guard let found = Help.topic(named: topic.text) else {
            throw SessionMessages.unknownHelpTopic(
                topic.text, names: Help.topics.flatMap { [$0.name] + $0.aliases }, topics: Help.topics.map(\.name),
                at: .source(source, topic.range))
        }
        output.emit(.result(found.text))
    }
}
