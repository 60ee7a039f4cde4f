"""Shorter names for the runtime's own variables, so the shipped build is small without npm.

rjsmin (wizard/assets.py) removes comments and whitespace but keeps every name;
terser would also rename local variables. This module does that renaming, for
the one file it is made for (wizard/js/wizard-v1.js), in plain Python:

- the source is split into tokens (strings, template literals with their
  ``${…}`` code, regular expressions, comments, names, punctuation);
- a name is renamed only if the code declares it (``const``/``let``/``var``,
  ``function``, ``class``, parameters, ``catch``) and it never appears where
  a name is a property: after ``.``, as an object key, in a shorthand
  ``{ name }`` or a destructuring pattern, or as a method name;
- exported names, the browser's globals and keywords are never renamed;
- each renamed name gets a fresh short name that appears nowhere in the file,
  the same everywhere, so scopes and shadowing stay exactly as they were.

What renaming keeps is proven by tests/wizard/test_assets.py, which runs the
built file against the readable one under Node on every path of every flow,
and by the browser tests, which load the minified file the site ships.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count, product
from string import ascii_letters

KEYWORDS = set("""break case catch class const continue debugger default delete do else export extends
false finally for function if import in instanceof new null return super switch this throw true try
typeof var void while with yield let static async await of get set enum implements interface package
private protected public arguments eval undefined NaN Infinity""".split())
# globals the runtime uses or could meet in a browser; none is ever renamed or used as a new name
GLOBALS = set("""window document location history navigator customElements HTMLElement CSSStyleSheet
URL URLSearchParams fetch console queueMicrotask AbortController CustomEvent Event Intl Object Array
String Number Math JSON Date Error Promise Map Set WeakMap WeakSet Symbol Boolean RegExp parseInt
parseFloat isNaN isFinite globalThis self top parent name status event length origin open close print
focus blur requestAnimationFrame setTimeout clearTimeout setInterval clearInterval ResizeObserver
MutationObserver getComputedStyle matchMedia screen scrollTo trustedTypes crypto performance
structuredClone encodeURIComponent decodeURIComponent escape unescape alert confirm prompt Node Element
DocumentFragment ShadowRoot Reflect Proxy BigInt TypeError RangeError SyntaxError frames external
closed opener menubar toolbar caches indexedDB localStorage sessionStorage postMessage Text Range""".split())
REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {"=>", "return", "typeof", "case", "do", "else", "in", "of",
                                              "new", "delete", "void", "throw", "instanceof", "&&", "||",
                                              "??", "==", "===", "!=", "!==", "<=", ">="}
PUNCT = re.compile(r"\.\.\.|=>|\?\?=?|\?\.|&&=?|\|\|=?|[=!]==?|[<>]=?|\*\*|[-+*/%&|^]=|\+\+|--|[^\w\s$]")
NAME = re.compile(r"[A-Za-z_$][\w$]*")
NUMBER = re.compile(r"\d[\w.]*")


def tokenize(src: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every token; kind is name, num, str, tpl, re or punct."""
    out: list[tuple[str, int, int]] = []
    stack: list[str] = []  # open brackets, "tpl" for a template literal's ${
    i, n = 0, len(src)

    def last() -> str | None:
        return src[out[-1][1]:out[-1][2]] if out else None

    def template(start: int) -> int:
        """From a template literal's '`' (or the '}' ending a '${') to after its end or the next '${'."""
        i = start + 1
        while src[i] != "`":
            if src[i] == "\\":
                i += 2
                continue
            if src.startswith("${", i):
                out.append(("tpl", start, i + 2))
                stack.append("tpl")
                return i + 2
            i += 1
        out.append(("tpl", start, i + 1))
        return i + 1

    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            i = src.index("*/", i + 2) + 2
        elif c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(("str", i, j + 1))
            i = j + 1
        elif c == "`":
            i = template(i)
        elif c == "}" and stack and stack[-1] == "tpl":
            stack.pop()
            i = template(i)
        elif c == "/" and (last() is None or last() in REGEX_BEFORE):
            j, in_class = i + 1, False
            while in_class or src[j] != "/":
                if src[j] == "\\":
                    j += 1
                elif src[j] == "[":
                    in_class = True
                elif src[j] == "]":
                    in_class = False
                j += 1
            j += 1
            while j < n and src[j].isalpha():
                j += 1
            out.append(("re", i, j))
            i = j
        elif (m := NAME.match(src, i)):
            out.append(("name", i, m.end()))
            i = m.end()
        elif (m := NUMBER.match(src, i)):
            out.append(("num", i, m.end()))
            i = m.end()
        else:
            m = PUNCT.match(src, i)
            text = m.group(0)
            if text in "([{":
                stack.append(text)
            elif text in ")]}":
                stack.pop()
            out.append(("punct", i, m.end()))
            i = m.end()
    return out


def _matches(tokens: list[tuple[str, str]]) -> dict[int, int]:
    """Index of each opening bracket -> index of its closing one."""
    pairs, stack = {}, []
    for index, (kind, text) in enumerate(tokens):
        if kind == "punct" and text in "([{":
            stack.append(index)
        elif kind == "punct" and text in ")]}":
            pairs[stack.pop()] = index
        elif kind == "tpl":
            if not text.startswith("`"):  # '}…' closes the ${ before it
                pairs[stack.pop()] = index
            if text.endswith("${"):
                stack.append(index)
    return pairs


OBJECT_AFTER = {"(", ",", "=", ":", "[", "return", "?", "||", "&&", "??", "...", "=>(", "const", "let", "var"}


def _analyse(src: str):
    """Tokens, and for each name token: 'prop' (a property: leave it), 'short' (a shorthand
    property: write it out) or 'ref' (a variable); and the set of names the code declares."""
    raw = tokenize(src)
    tokens = [(kind, src[a:b]) for kind, a, b in raw]
    texts = [text for _, text in tokens]
    pairs = _matches(tokens)
    opener_of: dict[int, int | None] = {}
    enclosing: list[int] = []
    for index, (kind, text) in enumerate(tokens):
        if kind == "tpl" and not text.startswith("`"):
            enclosing.pop()
        opener_of[index] = enclosing[-1] if enclosing else None
        if (kind == "punct" and text in "([{") or (kind == "tpl" and text.endswith("${")):
            enclosing.append(index)
        elif kind == "punct" and text in ")]}":
            enclosing.pop()

    def is_object(brace: int | None) -> bool:
        """A '{' that opens an object literal or pattern (not a block or a class body)."""
        return brace is not None and texts[brace] == "{" and brace > 0 and texts[brace - 1] in OBJECT_AFTER

    params: set[int] = set()  # '(' of parameter lists
    methods: set[int] = set()  # name tokens that name a method
    for index, text in enumerate(texts):
        if text != "(" or tokens[index][0] != "punct":
            continue
        after = texts[pairs[index] + 1] if pairs[index] + 1 < len(texts) else ""
        before = texts[index - 1] if index else ""
        before2 = texts[index - 2] if index > 1 else ""
        named = tokens[index - 1][0] == "name" and before not in KEYWORDS - {"get", "set", "static", "async"}
        if after == "=>" or before == "function" or before2 == "function" or before == "catch":
            params.add(index)
        elif after == "{" and named:
            params.add(index)
            methods.add(index - 1)
    roles: dict[int, str] = {}
    declared: set[str] = set()
    declaring: list[int | None] = []
    for index, (kind, text) in enumerate(tokens):
        prev = texts[index - 1] if index else ""
        nxt = texts[index + 1] if index + 1 < len(texts) else ""
        opener = opener_of[index]
        if kind == "punct" and text == ";" and declaring and declaring[-1] == opener:
            declaring.pop()
        if kind != "name":
            continue
        if text in ("const", "let", "var"):
            declaring.append(opener)
        if text in KEYWORDS and text not in ("get", "set", "static", "async", "of"):
            continue
        if prev in (".", "?.") or index in methods or (is_object(opener) and prev in ("{", ",") and nxt == ":"):
            roles[index] = "prop"
            continue
        if nxt in ("(",) and prev in ("get", "set", "static", "async") and index + 1 in params:
            roles[index] = "prop"
            continue
        if is_object(opener) and prev in ("{", ",") and nxt in (",", "}", "="):
            roles[index] = "short"
        else:
            roles[index] = "ref"
        if nxt == "=>" or prev in ("function", "class", "const", "let", "var"):
            declared.add(text)
            continue
        chain, node = [], opener
        while node is not None and texts[node] in "([":
            chain.append(node)
            if node in params:
                break
            node = opener_of[node]
        in_params = bool(chain) and chain[-1] in params
        in_pattern = opener is not None and texts[opener] == "[" and opener > 0 \
            and texts[opener - 1] in ("const", "let", "var")
        if (in_params or in_pattern) and prev in ("(", "[", ",", "..."):
            declared.add(text)
        elif declaring and declaring[-1] == opener and prev == ",":
            declared.add(text)  # const a = 1, b = 2
    return raw, roles, declared


def renames(src: str, keep: set[str] = frozenset()) -> dict[str, str]:
    """{declared name: new short name}, the most used first (see the module docstring)."""
    raw, roles, declared = _analyse(src)
    names = [src[a:b] for kind, a, b in raw if kind == "name"]
    safe = declared - set(keep) - KEYWORDS - GLOBALS
    used = set(names) | KEYWORDS | GLOBALS
    counts = Counter(src[raw[i][1]:raw[i][2]] for i, role in roles.items() if role != "prop"
                     and src[raw[i][1]:raw[i][2]] in safe)
    fresh = (name for size in count(1) for name in map("".join, product(ascii_letters, repeat=size))
             if name not in used)
    return {name: next(fresh) for name, _ in counts.most_common()}


PRIVATE = re.compile(r"_[a-z]\w+")  # the element's private members: this._data, this._render()


def private_renames(src: str) -> dict[str, str]:
    """{_member: _short} for the element's private members, the most used first.

    A private member is only ever used as a name token (``this._x``, ``_x() {``); one that
    also appears inside a string or template literal is left alone."""
    raw = tokenize(src)
    literal = " ".join(src[a:b] for kind, a, b in raw if kind in ("str", "tpl"))
    counts = Counter(src[a:b] for kind, a, b in raw if kind == "name" and PRIVATE.fullmatch(src[a:b]))
    used = {src[a:b] for kind, a, b in raw if kind == "name"}
    fresh = ("_" + name for size in count(1) for name in map("".join, product(ascii_letters, repeat=size))
             if "_" + name not in used)
    return {name: next(fresh) for name, _ in counts.most_common() if name not in literal}


def shorten(src: str, keep: set[str] = frozenset()) -> str:
    """The source with its declared names and private members shortened (``keep``: names left as they are)."""
    raw, roles, declared = _analyse(src)
    table = renames(src, keep)
    private = private_renames(src)
    for index, (kind, a, b) in enumerate(raw):
        if kind == "name" and src[a:b] in private:
            roles[index] = "private"
    out, last = [], 0
    for index, role in sorted(roles.items()):
        _, a, b = raw[index]
        name = src[a:b]
        if role == "private":
            out += [src[last:a], private[name]]
            last = b
            continue
        if role == "prop" or name not in table:
            continue
        out.append(src[last:a])
        out.append(f"{name}: {table[name]}" if role == "short" else table[name])
        last = b
    out.append(src[last:])
    return "".join(out)
