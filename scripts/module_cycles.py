#!/usr/bin/env python3
"""Fails when the modules of a crate import each other in a loop.

Walks each crate root (`src/lib.rs`, `src/main.rs`) through its `mod` declarations, reads every
path that names a module of the same crate (`use crate::…`, `use super::…`, `use self::…`, a `use`
of a child module, and the same paths written inline in code, doc comments and strings left
out), and builds the graph of which module refers to which.

The graph is checked at every level of the module tree: among the children of one module (the
top-level modules under the crate root, the files of `align/`, …) no child may reach another one
that reaches it back. A reference from a child to its own parent (`super::Type`) and from a
parent to its children is the ordinary way a module is split into files and is not a loop.
A re-export (`pub use`) is followed to the module that defines the item.

    python3 scripts/module_cycles.py            # checks ./src, exit 1 on a loop
    python3 scripts/module_cycles.py --graph    # also prints the top-level edges
    python3 scripts/module_cycles.py --self-test  # first checks the checker on crates it writes

Code under `#[cfg(test)]` is left out (as `cargo modules` leaves it out by default): a unit test
may build its fixture with any stage, as an integration test would; `--with-tests` counts it.

Each loop is printed with one line per edge naming the file and line of a reference.
"""
import argparse
import os
import re
import sys

IDENT = re.compile(r"[^\W\d]\w*")


def tokens(text):
    """(kind, value, line) tokens of Rust source: comments dropped, strings kept as one token."""
    out = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
        elif c == '"' or (c in "rb" and re.match(r'(b?r#*"|b")', text[i:i + 4])):
            m = re.match(r'(b?)(r?)(#*)"', text[i:])
            raw, hashes = m.group(2), m.group(3)
            j = i + m.end()
            if raw:
                end = text.find('"' + hashes, j)
                end = n if end < 0 else end
                value, stop = text[j:end], end + 1 + len(hashes)
            else:
                k = j
                while k < n and text[k] != '"':
                    k += 2 if text[k] == "\\" else 1
                value, stop = text[j:k], k + 1
            out.append(("str", value, line))
            line += text.count("\n", i, stop)
            i = stop
        elif c == "'":
            # A char literal ('a', '\n', '\u{..}') or a lifetime ('a).
            if i + 1 < n and text[i + 1] == "\\":
                j = text.find("'", i + 3)
                i = n if j < 0 else j + 1
            elif i + 2 < n and text[i + 2] == "'":
                i += 3
            elif i + 1 < n and not (text[i + 1].isalnum() or text[i + 1] == "_"):
                # A non-ASCII char literal such as '«'.
                j = text.find("'", i + 1)
                i = n if j < 0 else j + 1
            else:
                m = IDENT.match(text, i + 1)
                i = m.end() if m else i + 1
        elif c.isalpha() or c == "_":
            m = IDENT.match(text, i)
            value = m.group(0)
            # A raw identifier r#name.
            if value == "r" and text.startswith("#", m.end()) and IDENT.match(text, m.end() + 1):
                m = IDENT.match(text, m.end() + 1)
                value = m.group(0)
            out.append(("id", value, line))
            i = m.end()
        elif c in "0123456789":
            m = re.match(r"[0-9][0-9A-Za-z_.]*", text[i:])
            i += m.end()
        elif text.startswith("::", i):
            out.append(("p", "::", line))
            i += 2
        else:
            out.append(("p", c, line))
            i += 1
    return out


def test_regions(toks, all_test):
    """For each token, whether it is inside an item marked `#[cfg(test)]` (or the whole file is)."""
    marks = [all_test] * len(toks)
    if all_test:
        return marks
    values = [t[1] for t in toks]
    k = 0
    while k < len(toks):
        if values[k:k + 7] == ["#", "[", "cfg", "(", "test", ")", "]"]:
            j, depth = k + 7, 0
            while j < len(toks):
                v = values[j]
                marks[j] = True
                if v in "{([":
                    depth += 1
                elif v in "})]":
                    depth -= 1
                    if depth == 0 and v == "}":
                        break
                elif v == ";" and depth == 0:
                    break
                j += 1
            k = j + 1
        else:
            k += 1
    return marks


def use_paths(toks):
    """Every full path of a use tree given as tokens (without `use` and `;`)."""
    paths = []

    def tree(k, prefix):
        path = list(prefix)
        while k < len(toks):
            kind, v, _ = toks[k]
            if kind == "id" and v != "as":
                path.append(v)
                k += 1
            elif v == "::":
                k += 1
            elif v == "*":
                paths.append(path + ["*"])
                return k + 1
            elif v == "{":
                k += 1
                while k < len(toks) and toks[k][1] != "}":
                    if toks[k][1] == ",":
                        k += 1
                        continue
                    before, k = k, tree(k, path)
                    k += k == before
                return k + 1
            elif kind == "id" and v == "as":
                k += 2
            else:
                break
        if path:
            paths.append(path)
        return k

    k = 0
    while k < len(toks):
        before, k = k, tree(k, [])
        k += k == before
    return paths


class Crate:
    def __init__(self, root_file):
        self.modules = {}  # module path tuple -> file
        self.children = {}  # module path tuple -> [child names]
        self.refs = []  # (from module, path list relative to from, line, file, in test code)
        self.reexports = {}  # module -> {name: absolute path}
        self.inline = set()  # inline module paths
        self.load(root_file, ())

    def load(self, path, module, test=False):
        self.modules[module] = path
        self.children.setdefault(module, [])
        with open(path, encoding="utf-8") as f:
            toks = tokens(f.read())
        in_test = test_regions(toks, test)
        base = os.path.dirname(path)
        stem = os.path.basename(path)
        own_dir = base if stem in ("mod.rs", "lib.rs", "main.rs") else os.path.join(base, stem[:-3])
        # Scopes: (module path, directory for its child files, brace depth at which it closes).
        scopes = [(module, own_dir, 0)]
        depth = 0
        pending_path = None
        k = 0
        while k < len(toks):
            kind, v, line = toks[k]
            scope, scope_dir, _ = scopes[-1]
            if v == "#" and k + 2 < len(toks) and toks[k + 1][1] == "[" and toks[k + 2][1] == "path":
                pending_path = toks[k + 4][1]
                k += 5
                continue
            if v == "{":
                depth += 1
            elif v == "}":
                if len(scopes) > 1 and depth == scopes[-1][2]:
                    scopes.pop()
                depth -= 1
            elif kind == "id" and v == "mod" and k + 2 < len(toks) and toks[k + 1][0] == "id":
                name, nxt = toks[k + 1][1], toks[k + 2][1]
                child = scope + (name,)
                if nxt == ";":
                    if pending_path:
                        file = os.path.normpath(os.path.join(base, pending_path))
                    else:
                        file = os.path.join(scope_dir, name + ".rs")
                        if not os.path.exists(file):
                            file = os.path.join(scope_dir, name, "mod.rs")
                    self.children[scope].append(name)
                    self.load(file, child, in_test[k])
                    k += 3
                elif nxt == "{":
                    self.inline.add(child)
                    self.modules[child] = path
                    self.children.setdefault(scope, []).append(name)
                    self.children.setdefault(child, [])
                    depth += 1
                    scopes.append((child, os.path.join(scope_dir, name), depth))
                    k += 3
                pending_path = None
                continue
            elif kind == "id" and v == "use":
                is_pub = k > 0 and (toks[k - 1][1] == "pub" or toks[k - 1][1] == ")")
                j, d = k + 1, 0
                while j < len(toks) and not (toks[j][1] == ";" and d == 0):
                    d += toks[j][1] == "{"
                    d -= toks[j][1] == "}"
                    j += 1
                for p in use_paths(toks[k + 1:j]):
                    self.refs.append((scope, p, line, path, in_test[k]))
                    if is_pub and p[-1] != "*":
                        self.reexports.setdefault(scope, {})[p[-1]] = (scope, p)
                k = j + 1
                continue
            elif kind == "id" and v in ("crate", "super", "self") and k + 1 < len(toks) and toks[k + 1][1] == "::":
                if not (k > 0 and toks[k - 1][1] == "::"):
                    p = [v]
                    j = k + 1
                    while j + 1 < len(toks) and toks[j][1] == "::" and toks[j + 1][0] == "id":
                        p.append(toks[j + 1][1])
                        j += 2
                    self.refs.append((scope, p, line, path, in_test[k]))
                    k = j
                    continue
            if v not in ("#",):
                pending_path = pending_path if v in ("pub", "(", ")", "crate", "]") else None
            k += 1

    def absolute(self, scope, p):
        """The absolute module path a path written in `scope` starts from, or None (another crate)."""
        head = p[0]
        if head == "crate":
            return list(p[1:])
        if head == "self":
            return list(scope) + list(p[1:])
        if head == "super":
            base = list(scope)
            rest = list(p)
            while rest and rest[0] == "super":
                base = base[:-1]
                rest = rest[1:]
            return base + rest
        if head in self.children.get(scope, []):
            return list(scope) + list(p)
        return None

    def resolve(self, scope, p, hops=0):
        """The module (tuple) a path written in `scope` refers to, or None."""
        a = self.absolute(scope, p)
        if a is None:
            return None
        best = ()
        for i in range(len(a) + 1):
            if tuple(a[:i]) in self.modules:
                best = tuple(a[:i])
            else:
                break
        rest = a[len(best):]
        if rest and hops < 8:
            exp = self.reexports.get(best, {}).get(rest[0])
            if exp:
                target = self.resolve(exp[0], exp[1], hops + 1)
                if target is not None:
                    return target
        return best

    def file_module(self, m):
        """The file module an inline module belongs to."""
        while m in self.inline:
            m = m[:-1]
        return m

    def edges(self, with_tests=False):
        """(from module, to module, file, line) for every reference, inline modules folded into their file."""
        out = []
        for scope, p, line, file, test in self.refs:
            if test and not with_tests:
                continue
            target = self.resolve(scope, p)
            if target is None:
                continue
            out.append((self.file_module(scope), self.file_module(target), file, line))
        return out


def cycles_at_each_level(crate, with_tests=False):
    """[(parent module, [cycle of child names], {(a, b): (file, line)})] for every level with a loop."""
    found = []
    edges = crate.edges(with_tests)
    for parent in sorted(crate.children):
        if parent in crate.inline:
            continue
        kids = [c for c in crate.children[parent] if parent + (c,) not in crate.inline]
        if len(kids) < 2:
            continue
        depth = len(parent)
        graph = {c: set() for c in kids}
        where = {}
        for a, b, file, line in edges:
            if len(a) <= depth or len(b) <= depth or a[:depth] != parent or b[:depth] != parent:
                continue
            ca, cb = a[depth], b[depth]
            if ca == cb or ca not in graph or cb not in graph:
                continue
            graph[ca].add(cb)
            where.setdefault((ca, cb), (file, line))
        for comp in strongly_connected(graph):
            if len(comp) > 1:
                found.append((parent, shortest_cycle(graph, comp), where))
    return found


def strongly_connected(graph):
    index, low, on, stack, comps = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def shortest_cycle(graph, comp):
    """One shortest loop through the first member of a strongly connected component."""
    members = set(comp)
    start = comp[0]
    prev = {start: None}
    queue = [start]
    while queue:
        nxt = []
        for v in queue:
            for w in sorted(graph[v] & members):
                if w == start:
                    path = [v]
                    while prev[path[-1]] is not None:
                        path.append(prev[path[-1]])
                    return list(reversed(path))
                if w not in prev:
                    prev[w] = v
                    nxt.append(w)
        queue = nxt
    return comp


def self_test():
    """Checks the checker on small crates written to a temporary folder: it must find a loop
    between top-level modules and one between siblings, through `use` trees, inline paths and
    re-exports, and must not count a parent-child reference or test code."""
    import tempfile

    files = {
        "lib.rs": "pub mod a;\npub mod b;\npub mod c;\npub use c::Thing;\n",
        "a.rs": "use crate::{b::{self, Item}, Thing};\n#[cfg(test)]\nmod tests { use crate::c::*; }\n",
        "b.rs": "// crate::a::x in a comment\nconst S: &str = \"crate::a::y\";\npub struct Item;\n",
        "c/mod.rs": "mod one;\nmod two;\npub struct Thing;\nfn f() { one::g(); }\n",
        "c/one.rs": "pub fn g() { super::two::h(); }\nfn k() -> super::Thing { todo!() }\n",
        "c/two.rs": "pub fn h() { let _ = crate::c::one::g; }\n#[cfg(test)]\nfn t() { crate::a::f(); }\n",
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        crate = Crate(os.path.join(root, "lib.rs"))
        found = {(p, tuple(c)) for p, c, _ in cycles_at_each_level(crate)}
        assert found == {(("c",), ("one", "two"))}, found
        edges = {(a, b) for a, b, _, _ in crate.edges()}
        assert (("a",), ("b",)) in edges and (("a",), ("c",)) in edges, edges
        assert not any(a == ("b",) for a, _ in edges), "comments and strings are not references"
        found = {(p, tuple(c)) for p, c, _ in cycles_at_each_level(crate, True)}
        assert found == {((), ("a", "c")), (("c",), ("one", "two"))}, found
        with open(os.path.join(root, "b.rs"), "a", encoding="utf-8") as f:
            f.write("fn back() { crate::a::f(); }\n")
        found = {(p, tuple(c)) for p, c, _ in cycles_at_each_level(Crate(os.path.join(root, "lib.rs")))}
        assert found == {((), ("a", "b")), (("c",), ("one", "two"))}, found
    print("self-test: loops found, comments, strings, parents and tests left out")


def name(parent, child, crate_name):
    return "::".join((crate_name,) + parent + (child,))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="src", help="the crate's source folder (default: src)")
    ap.add_argument("--graph", action="store_true", help="print the edges between top-level modules")
    ap.add_argument("--with-tests", action="store_true", help="count references from `#[cfg(test)]` code too")
    ap.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="MODULE",
        help="report a loop among the children of MODULE (crate::facts) without failing; repeatable",
    )
    ap.add_argument("--self-test", action="store_true", help="check the checker on small crates it writes")
    args = ap.parse_args()
    if args.self_test:
        self_test()
    roots = [(f, "crate" if f == "lib.rs" else "main") for f in ("lib.rs", "main.rs")]
    status = 0
    for file, crate_name in roots:
        path = os.path.join(args.src, file)
        if not os.path.exists(path):
            continue
        crate = Crate(path)
        if args.graph:
            top = sorted({(a[0], b[0]) for a, b, _, _ in crate.edges(args.with_tests) if a and b and a[0] != b[0]})
            for a, b in top:
                print(f"{crate_name}: {a} -> {b}")
        failed, tolerated = False, 0
        for parent, cycle, where in cycles_at_each_level(crate, args.with_tests):
            allowed = "::".join((crate_name,) + parent) in args.allow
            failed |= not allowed
            tolerated += allowed
            loop = " -> ".join(name(parent, c, crate_name) for c in cycle + cycle[:1])
            print(f"{'allowed import loop' if allowed else 'import loop'}: {loop}")
            for a, b in zip(cycle, cycle[1:] + cycle[:1]):
                f, line = where[(a, b)]
                print(f"  {f}:{line}: {name(parent, a, crate_name)} uses {name(parent, b, crate_name)}")
        modules = len([m for m in crate.modules if m not in crate.inline])
        if failed:
            status = 1
        else:
            extra = f" besides {tolerated} allowed" if tolerated else ""
            print(f"{crate_name}: {modules} modules, no import loop{extra}")
    return status


if __name__ == "__main__":
    sys.exit(main())
