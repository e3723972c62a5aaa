#!/usr/bin/env python3
"""Checks dossier's target graph against the intended layers (issue 12).

SwiftPM refuses a cycle, but it lets a target import any module it reaches transitively, so a
wrong-way `import` can compile. This script closes that gap. For every source target it checks:

1. every dependency declared in Package.swift is allowed by the layers below (INTENDED);
2. every dossier module a Swift file imports is a declared dependency (no transitive leaks);
3. every declared dependency is imported somewhere (the graph says what the code uses).

It prints the graph as built, bottom up, which is the graph in the README's "Code layout".
Usage: check_layers.py [package-dir]   (exit status 1 when a rule is broken)
"""
import json
import pathlib
import re
import subprocess
import sys

# The layers, bottom up, and what each may import. A layer may import only layers before it.
# This is ../shared/ARCHITECTURE.md with the differences the README's "Code layout" explains:
# the PostgreSQL client is its own target (DossierPostgres), Completion may run a plan on the
# engine (values of a named query's fields), and DossierZip (libDossierZip.so, opened with
# dlopen) imports no dossier module at all.
BASE = ["DossierSupport", "DossierDiagnostics"]
INTENDED = {
    "DossierSupport": [],
    "DossierDiagnostics": ["DossierSupport"],
    "DossierData": BASE,
    "DossierSyntax": BASE,
    "DossierLoad": BASE + ["DossierData"],
    "DossierPlan": BASE + ["DossierData"],
    "DossierSemantics": BASE + ["DossierData", "DossierSyntax", "DossierPlan"],
    "DossierEngine": BASE + ["DossierData", "DossierPlan"],
    "DossierSQL": BASE + ["DossierData", "DossierPlan"],
    "DossierPostgres": BASE,
    "DossierOutput": ["DossierSupport", "DossierData"],
    "DossierSession": BASE + ["DossierData", "DossierSyntax", "DossierLoad", "DossierPlan", "DossierSemantics",
                              "DossierEngine", "DossierSQL", "DossierPostgres", "DossierOutput"],
    "DossierCompletion": BASE + ["DossierData", "DossierSyntax", "DossierLoad", "DossierPlan", "DossierSemantics",
                                 "DossierEngine", "DossierOutput", "DossierSession"],
    "CEditLine": [],
    "DossierShell": BASE + ["DossierOutput", "DossierSession", "DossierCompletion", "CEditLine"],
    "dossier": BASE + ["DossierLoad", "DossierOutput", "DossierSession", "DossierCompletion", "DossierShell"],
    "DossierZip": [],
}
ORDER = list(INTENDED)
IMPORT = re.compile(r"^[ \t]*(?:@\w+[ \t]+)*(?:(?:public|package|internal)[ \t]+)?import[ \t]+"
                    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)[ \t]+)?(\w+)", re.M)


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                          capture_output=True, text=True).stdout
    targets = [t for t in json.loads(dump)["targets"] if t["type"] in ("regular", "executable", "system")]
    ours = {t["name"] for t in targets}
    problems = []
    built = {}
    for target in targets:
        name = target["name"]
        declared = []
        for dependency in target.get("dependencies", []):
            for kind in ("byName", "target"):
                if kind in dependency and dependency[kind][0] in ours:
                    declared.append(dependency[kind][0])
        built[name] = declared
        if name not in INTENDED:
            problems.append(f"{name}: a target the layers do not name; add it to INTENDED and the README")
            continue
        for dependency in declared:
            if dependency not in INTENDED[name]:
                problems.append(f"{name} depends on {dependency}, which its layer may not import")
            elif ORDER.index(dependency) >= ORDER.index(name):
                problems.append(f"{name} depends on {dependency}, a layer above it")
        folder = root / "Sources" / name
        imported = set()
        for file in folder.rglob("*.swift"):
            for module in IMPORT.findall(file.read_text(encoding="utf-8")):
                if module in ours and module != name:
                    imported.add(module)
                    if module not in declared:
                        problems.append(f"{file.relative_to(root)} imports {module}, which {name} does not declare")
        for dependency in declared:
            if dependency not in imported and target["type"] != "system":
                problems.append(f"{name} declares {dependency} but no file imports it")

    print("dossier's target graph as built, bottom up:")
    for name in sorted(built, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
        print(f"  {name:<20} ← {', '.join(d.removeprefix('Dossier') for d in built[name]) or '—'}")
    sys.stdout.flush()
    for problem in sorted(set(problems)):
        print(f"layer check: {problem}", file=sys.stderr)
    print(f"layer check: {len(built)} targets, {len(set(problems))} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
