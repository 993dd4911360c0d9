#!/usr/bin/env python3
"""Every decision record and README names only files and types that exist.

Reads docs/decisions/*.md, docs/*.md and every README.md under src/, tests/ and bench/, takes each
`backticked` name that looks like a file or folder path (it has a slash or a file extension) or a
C# type (`PascalCase`, optionally `Type.Member`), and reports those the repository does not have.
A path may be written from the repository root, from the document's folder, or from any project
folder (src/KneeTriage.Web/, tests/KneeTriage.Web.Tests/, ...), and may end in a member
(`Data/StorageFailure.Is`). Run from anywhere: python3 docs/check-references.py (exit 1 on a miss).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP = {"bin", "obj", "node_modules", ".git"}
EXTENSIONS = (".cs", ".md", ".cshtml", ".razor", ".yaml", ".yml", ".json", ".sh", ".csproj", ".css", ".js", ".props", ".conf", ".service", ".sql", ".txt", ".svg", ".py")


def sources():
    for path in ROOT.rglob("*"):
        if path.is_file() and not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def documents():
    yield from sorted((ROOT / "docs").glob("*.md"))
    yield from sorted((ROOT / "docs" / "decisions").glob("*.md"))
    for top in ("src", "tests", "bench"):
        yield from sorted(p for p in (ROOT / top).rglob("README.md") if not SKIP.intersection(p.parts))


files = [p.relative_to(ROOT).as_posix() for p in sources()]
folders = {str(pathlib.PurePosixPath(f).parent) for f in files}
folders |= {str(p) for f in folders for p in pathlib.PurePosixPath(f).parents}
all_paths = set(files) | folders
bases = [""] + sorted({f.split("/")[0] + "/" + f.split("/")[1] + "/" for f in files if f.startswith(("src/", "tests/", "bench/")) and f.count("/") >= 2})
code = "\n".join(p.read_text(errors="ignore") for p in sources() if p.suffix in (".cs", ".cshtml", ".razor"))
# A type or member "exists" when the code mentions it: declared here, or a framework name the code uses.
declared = set(re.findall(r"\b[A-Z]\w*", code))
declared |= {pathlib.PurePosixPath(f).stem.split(".")[0] for f in files}
# Short names the READMEs use for test projects.
ABBREVIATIONS = {"Web.Tests/": "tests/KneeTriage.Web.Tests/", "Triage.Tests/": "tests/KneeTriage.Triage.Tests/",
                 "BrowserTests/": "tests/KneeTriage.BrowserTests/", "ReliabilityTests/": "tests/KneeTriage.ReliabilityTests/"}


def path_exists(name, document):
    name = name.strip("/").split("#")[0].split(":")[0]
    for short, full in ABBREVIATIONS.items():
        if name.startswith(short):
            name = full + name[len(short):]
    glob = "*" in name
    name = re.sub(r"[/.]?\*.*$", "", name).rstrip("/")
    if not name:
        return True
    here = document.parent.relative_to(ROOT).as_posix()
    candidates = [name]
    # A member after the file (`Data/StorageFailure.Is`) or a test name (`ArticlePageTests.Cached`).
    head = name.rsplit(".", 1)[0]
    candidates.append(head)
    for candidate in candidates:
        for base in bases + [here + "/"]:
            full = (base + candidate).replace("//", "/")
            if full in all_paths or any(full + ext in all_paths for ext in EXTENSIONS):
                return True
            # Written relative to the document's folder, with ../
            resolved = (document.parent / candidate).resolve()
            if resolved.exists():
                return True
    # A glob (`Journeys/Keyboard*`): some file starts with what comes before the star.
    if glob and any(("/" + p).find("/" + name) >= 0 for p in all_paths):
        return True
    # Any file or folder ending in the name (`Hosting/BehindNginxTests.cs` inside a project's tests).
    suffixes = ["/" + name, "/" + head]
    return any(p.endswith(s) or p.endswith(s + ext) for p in all_paths for s in suffixes for ext in ("",) + EXTENSIONS)


def looks_like_path(name):
    media_type = re.fullmatch(r"(text|application|image)/[\w.+-]+", name) is not None
    return (("/" in name and not media_type and not name.startswith(("/", "http", "-", '"', "$")) and " " not in name and not re.search(r"[{}<>=()]", name))
            or (name.endswith(EXTENSIONS) and " " not in name and "/" not in name))


def looks_like_type(name):
    return re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*(\.[A-Z]\w*)?", name) is not None


def type_exists(name):
    return all(part in declared for part in name.split("."))


# Names outside this repository, or history a decision record tells on purpose (what was replaced).
KNOWN_ELSEWHERE = {
    "HostingApplication.CreateContext", "DisposeContext", "ActivitySource", "TieredCompilation", "TieredPGO", "VmHWM",
    "SmallestSize", "RequireAuthorization", "blazor.server.js", "site.{hash}.css", "AddX",
    "Performance/StartupWarmUp.cs", "Performance/StartupWarmUp", "ArticleLibraryStartupCheck", "KnowledgeBaseStartupCheck",
    "clinical-notes.md", "-why.md", "../shared/vignettes/dev.json", "../shared/vignettes/README.md",
    "tests/KneeTriage.BrowserTests/screenshots/",
}

misses = []
for document in documents():
    text = re.sub(r"```.*?```", "", document.read_text(), flags=re.S)
    for name in set(re.findall(r"`([^`\n]+)`", text)) - KNOWN_ELSEWHERE:
        if looks_like_path(name) and not path_exists(name, document):
            misses.append((document, name, "file"))
        elif looks_like_type(name) and not type_exists(name) and not path_exists(name, document):
            misses.append((document, name, "type"))

for document, name, kind in sorted(misses, key=lambda m: (str(m[0]), m[1])):
    print(f"{document.relative_to(ROOT)}: no {kind} `{name}`")
print(f"{len(misses)} names not found", file=sys.stderr)
sys.exit(1 if misses else 0)
