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
        clauses     \(clauseList)
        topics      expressions  functions  search  text  numbers  missing  lists  dates
                    conditions  formats  keys  sqlite

        Type `help where` (or any word above) for more. Tab completes names and values.

        """

    public static let topics: [HelpTopic] = statementTopics + clauseTopics + conceptTopics

    /// The clause words, a line holding what fits in the overview's 80 columns.
    private static var clauseList: String {
        var lines: [String] = [""]
        for word in WordTable.clauses.filter({ $0.keyword != .order }).map(\.typed) {
            if let last = lines.last, !last.isEmpty, last.count + 2 + word.count > 66 { lines.append("") }
            lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : "  ") + word
        }
        return lines.joined(separator: "\n" + String(repeating: " ", count: 12))
    }

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
            summary: "load a CSV, TSV, JSON, JSON Lines, Excel or SQLite file, every data file of a directory, or files by a pattern",
            body: """
                load PATH [as NAME] [OPTIONS]
                load data/*.csv as trips       stack files with the same columns, with a `file` field
                load sample NAME
                The dataset is named after the file (deals.csv → deals) unless you say `as NAME`;
                each sheet of a workbook and each table of a database is one (budget_costs).
                Loading over a name replaces it, only if the load succeeds.
                How a CSV file is written is guessed and said after the load; options say it instead:
                  delimiter ";"      the field separator: "," ";" "|" tab …
                  quote "'"          the quote character
                  header             the first row names the fields
                  no header          the first row is data: fields are column_1, column_2, …
                  skip 3             skip 3 lines (a title, notes) before the header
                  encoding latin1    utf-8, utf-16, windows-1252 or latin1 (else guessed)
                  sheet "Costs"      one sheet of an Excel workbook (table "x": one table of a database)
                CSV headers may declare types: people:int, tags:list, when:date.
                """,
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
        HelpTopic(name: "share", aliases: ["percent", "percentage", "shares", "of total"],
            summary: "a number as a percent of its total, in a field `share`",
            body: """
                share [of F] [per G, ...]
                F is the last number field unless named (after count by: the count). With per, the
                percent of each group's total. One digit after the point; missing where F is missing
                or the total is zero.
                """,
            examples: ["countries count by region | share", "countries count by region, status | share per region",
                "transfers where people is not missing select to, people | share of people"]),
        HelpTopic(name: "rank", aliases: ["ranks", "ranking", "position"],
            summary: "number the rows 1, 2, 3 by a field, in a field `rank`; ties share a rank",
            body: """
                rank [by F [asc|desc], ...] [per G, ...]
                Without by: the biggest of the last number field first (after count by: most rows first).
                Ties share the rank of the first of them (1, 2, 2, 4); missing values rank last.
                The rows keep their order: sort by rank puts them in it. With per, ranks start at 1 in each group.
                """,
            examples: ["countries count by region | rank", "countries select name, region, len(name) as letters | rank by letters desc per region | where rank = 1"]),
        HelpTopic(name: "running", aliases: ["running total", "cumulative", "total"],
            summary: "add up a number row by row, in a field `running_total`",
            body: """
                running total [of F] [per G, ...]
                In the rows' order (sort first); with per, a total for each group. A missing value adds
                nothing; the total is missing until the first value.
                """,
            examples: ["countries count by region | running total", "load sample releases",
                "debian where release is not missing count by year(release) | sort by year(release) | running total"]),
        HelpTopic(name: "change", aliases: ["difference", "growth", "year over year", "change_pct", "lag"],
            summary: "the difference from the row before, and in percent: fields `change` and `change_pct`",
            body: """
                change [of F] [per G, ...]
                change is F minus F of the row before (in its group, with per); change_pct is that as a
                percent of the row before, one digit after the point. The first row (of each group) has
                none; nor has a row next to a missing value; change_pct is missing after a zero.
                Sort first: change follows the rows' order (year over year: sort by year | change).
                """,
            examples: ["load sample releases", "ubuntu where release is not missing count by year(release) | sort by year(release) | change"]),
        HelpTopic(name: "expand", aliases: ["unnest", "explode", "items"],
            summary: "a row for each item of a list field",
            body: """
                expand F
                F becomes its items, as text, one a row; the other fields repeat. A row whose list is
                empty stays, once, with F missing. split(text, ",") makes a list from text.
                """,
            examples: ["countries expand incentives select name, incentives", "load sample places",
                "zones select tz, split(codes, \",\") as code | expand code | count by code | limit 3"]),
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
