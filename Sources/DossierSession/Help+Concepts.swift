import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// The help topics on ideas rather than words of the language: expressions, functions, text,
/// numbers, dates, conditions, formats, keys. Every example runs on the bundled samples.
extension Help {
    package static let conceptTopics: [HelpTopic] = [
        HelpTopic(name: "expressions", aliases: ["operators", "arithmetic"],
            summary: "what can go in a condition or a computed field",
            body: """
                comparison   = != < <= > >=  (also == and <>)
                lists        F in (a, b)   F not in (a, b)
                ranges       F between 10 and 100
                text         F contains "aid"   F like "Cost*" (* any, ? one)   F matches "^[A-M]"
                             F starts with "Co"   F ends with "ia"   F mentions "cote" (ignoring accents too)
                             (matches: a regular expression, case-sensitive unless it starts with (?i);
                             no backreferences, so no pattern can run away)
                missing      F is missing   F is not missing
                logic        and  or  not  ( )
                arithmetic   + - * /   (integer overflow becomes a decimal; / always gives a decimal)
                             text + text joins it; date - date is days; date + 30 is 30 days later
                functions    see `help functions`
                """,
            examples: ["countries where name like \"*a\"", "countries where name matches \"^[A-M]\"", "transfers where people between 50 and 500",
                "countries where name starts with \"co\" select name, region + \" / \" + name as place"]),
        HelpTopic(name: "functions", aliases: ["function", "trim", "replace", "substring", "left", "right", "split", "concat", "extract",
            "unaccent", "lower", "upper", "len"],
            summary: "the functions of expressions; a missing value gives missing unless said",
            body: """
                text       lower(T) upper(T) len(T or list) trim(T) unaccent(T)
                           replace(T, "a", "b")      every "a" (exactly as written) made "b"; "" removes it
                           substring(T, start, n)   left(T, n)   right(T, n)   (characters; 1 is the first)
                           split(T, ",")            a list of the trimmed parts (for expand, or ANY in = and join)
                           concat(a, b, ...)        the values as text one after another, skipping missing ones
                           extract(T, "regex")      the first match, or its first (group); missing when none
                dates      year month day weekday (1 Monday … 7 Sunday) quarter week (ISO) hour minute
                           today() now() date(T [, format]) datetime(T)
                           day_of week_of month_of quarter_of year_of: the period a date is in
                conditions if(condition, a, b)   coalesce(a, b, ...)
                numbers    number(T) round(N [, digits]) floor(N) ceil(N) abs(N) sqrt(N) pow(N, N) text(X)
                An empty result (trim of spaces, a part not there) is missing, as empty text always is.
                """,
            examples: ["countries select name, trim(\"  padded  \") as t, replace(name, \"a\", \"4\") as r limit 2",
                "countries select name, left(name, 3) as l, right(name, 3) as r, substring(name, 2, 3) as s limit 3",
                "countries select name, split(name, \" \") as words, concat(name, \" in \", region) as c limit 3",
                "countries where concern = rights select name, extract(quote, \"([a-z]+) rights\") as kind",
                "countries select unaccent(\"Côte d'Ivoire\") as plain limit 1"]),
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
        HelpTopic(name: "dates", aliases: ["date", "datetime", "time", "times", "year", "month", "day", "weekday", "quarter", "week",
            "hour", "minute", "today", "now", "date()", "day_of", "week_of", "month_of", "quarter_of", "year_of", "periods"],
            summary: "dates are written YYYY-MM-DD, dates and times YYYY-MM-DD HH:MM; both compare by time",
            body: """
                A quoted text in date form compared with a date field is a date. Files: 2025-03-01 is a
                date; 2025-03-01T14:30, 2025-03-01 14:30:05 and 2025-03-01T14:30Z a date and time (a zone
                moves it to UTC).
                date - date      the days between them (with times: days and a fraction)
                date + 30        30 days later (date - 30: earlier); a date and time also moves by 0.5
                year month day weekday (1 Monday … 7 Sunday) quarter week (ISO 8601) hour minute
                today() now()    today's date here; the date and time now, in UTC
                month_of(D)      the month a date is in: a date shown 2025-03 that sorts, counts and
                                 charts in time order; also day_of week_of (weeks start on Monday)
                                 quarter_of (2025-Q1) year_of (2025)
                date(x) reads text as a date: 2025-03-01, 2025/03/01, 20250301, 2025-03-01T10:00 (its date).
                date(x, "dd.mm.yyyy") reads it with a format: yyyy yy mm m dd d mon (Jan) month (January).
                datetime(x) reads a date and time. Text that does not read is missing, never an error.
                """,
            examples: ["countries select name, date(\"01.03.2025\", \"dd.mm.yyyy\") as d limit 1",
                "countries select date(\"1 Mar 2025\", \"d mon yyyy\") as d limit 1", "load sample releases",
                "debian where release is not missing select codename, release, eol, eol - release as days, year(release) as year",
                "ubuntu count by month_of(release) | sort by month_of(release) | limit 4",
                "debian where release > 2015-01-01 select codename, release + 30 as plus_30_days, weekday(release) as weekday",
                "countries select datetime(\"2025-03-01 14:30\") as t, hour(datetime(\"2025-03-01T14:30Z\")) as h limit 1"]),
        HelpTopic(name: "conditions", aliases: ["if", "coalesce", "case", "default", "defaults"],
            summary: "if(condition, a, b) chooses a value; coalesce(a, b, ...) takes the first present one",
            body: """
                if(condition, a, b)    a where the condition is true, else b; a condition on a missing
                                       value is false, so b
                coalesce(a, b, ...)    the first value that is not missing (missing when all are)
                The values must be of one kind: numbers (whole and decimal mix), dates (a date and a
                date and time mix), text, true/false. `missing` goes with any.
                """,
            examples: ["countries select name, if(concern = rights, \"flagged\", \"-\") as flag", "countries select name, coalesce(concern, status, \"unknown\") as what",
                "transfers select to, if(people > 50, people, missing) as large"]),
        HelpTopic(name: "search", aliases: ["mentions", "accents", "starts with", "ends with", "unaccent()"],
            summary: "find text: contains, starts with, ends with, and mentions, which ignores accents too",
            body: """
                F contains "ica"       anywhere, ignoring case
                F starts with "Co"     F ends with "ia"   (ignoring case)
                F mentions "cote"      anywhere, ignoring accents and case: finds Côte d'Ivoire, since
                                       reporters type without accents
                unaccent(F)            the text without accents, to count or join by it
                """,
            examples: ["load sample places", "iso3166 where name mentions \"cote\" select alpha_2, name",
                "iso3166 where name starts with \"united\" select name", "iso3166 where unaccent(name) ends with \"union\" select name"]),
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
            examples: ["transfers select to, people / 3 as third, round(people / 3, 2) as rounded", "transfers select number(\"$1,234.50\") as n limit 1", "transfers where people is not missing select text(people) as t, abs(0 - people) as a",
                "transfers where people is not missing select people, sqrt(people) as root, pow(people, 2) as square"]),
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
