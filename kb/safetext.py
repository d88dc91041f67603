"""Text from data made safe to show: the one escaper of kb's output.

A plan, a department name or a question may hold terminal controls — ESC
sequences that clear the screen or set the window title (OSC 0) or the
clipboard (OSC 52), BEL, C1 controls (U+0080–U+009F, 8-bit CSI/OSC) — and
bidirectional overrides (U+202E …) that make text read differently from what
it is.  None of them may reach a terminal raw.  Human output shows them as
visible escapes: C0/C1 controls and DEL as ``\\x1b``, ``\\x85``, ``\\x7f``;
bidi and other invisible format controls as ``<U+202E>``.  Tab and newline are
kept where a text may hold several lines (``keep``).

Where it is applied:

- ``kb.cli.main`` wraps ``sys.stdout`` and ``sys.stderr`` in :class:`SafeStream`
  for every command but the TUI, so everything a command prints (answers,
  listings, warnings, error lines) passes through :func:`escape`.
- Colour output (``kb grep --color``, ``kb search --color``) escapes the data
  pieces itself with :func:`escape`, adds kb's own SGR codes, and writes the
  line with :func:`write_trusted`, which bypasses the wrapper: so only kb's own
  codes are emitted.
- JSON goes through :func:`json_dumps`: ``json`` escapes C0 controls; this
  also escapes DEL, C1 controls and bidi controls as ``\\uXXXX`` (the JSON stays
  valid, and Chinese stays unescaped).
- The TUI escapes text from data with :func:`escape` before it becomes Textual
  ``Content`` (never markup).

New output code must use these: print through ``sys.stdout`` (wrapped) or call
:func:`escape` / :func:`json_dumps` itself.  Keep this module free of imports
beyond the standard library's smallest and kb.lazypattern (it is on ``kb grep``'s start-up path).
"""

from __future__ import annotations

from kb.lazypattern import LazyPattern

#: Bidirectional controls and other invisible format characters that reorder
#: or hide text: ALM, LRM, RLM, LRE…RLO (incl. U+202E RIGHT-TO-LEFT OVERRIDE),
#: LRI…PDI.
BIDI = (
    [0x061C, 0x200E, 0x200F]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)

#: Controls shown as ``\\xHH``: C0, DEL and C1.
CONTROLS = list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0))


def _table(keep: str) -> dict[int, str]:
    table: dict[int, str] = {c: f"\\x{c:02x}" for c in CONTROLS}
    table.update({c: f"<U+{c:04X}>" for c in BIDI})
    for ch in keep:
        table.pop(ord(ch), None)
    return table


_MULTILINE = _table("\t\n")
_ONE_LINE = _table("")

#: Any character ``_MULTILINE`` changes.
_ESCAPED_RE = LazyPattern("[" + "".join(f"\\U{c:08x}" for c in _MULTILINE) + "]")

#: JSON: what ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal would act on.
_JSON = {c: f"\\u{c:04x}" for c in [0x7F] + list(range(0x80, 0xA0)) + BIDI}


def escape(text: str, keep: str = "\t\n") -> str:
    """``text`` with every control and bidi character shown as a visible escape.

    ``keep``: characters left as they are (tab and newline by default; ``""``
    for a text that must stay on one line, such as a file name or a label).
    """
    table = _MULTILINE if keep == "\t\n" else _ONE_LINE if keep == "" else _table(keep)
    return text.translate(table)


def escape_line(text: str) -> str:
    """``text`` escaped for one line: tab and newline are escaped too."""
    return text.translate(_ONE_LINE)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character :func:`escape_line` would change."""
    return text.translate(_ONE_LINE) != text


def json_dumps(obj, **kwargs) -> str:
    """``json.dumps(obj, ensure_ascii=False, …)`` with DEL, C1 and bidi controls escaped as ``\\uXXXX``."""
    import json

    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(obj, **kwargs).translate(_JSON)


def json_chunks(obj, **kwargs):
    """``json_dumps`` piece by piece (a large object streamed: ``kb tasks --json`` of 1,000 plans)."""
    import json

    kwargs.setdefault("ensure_ascii", False)
    for chunk in json.JSONEncoder(**kwargs).iterencode(obj):
        yield chunk.translate(_JSON)


class SafeStream:
    """A text stream whose ``write`` escapes controls (tab and newline kept).

    Every other attribute (``isatty``, ``fileno``, ``flush``, ``buffer``,
    ``encoding`` …) is the wrapped stream's.
    """

    def __init__(self, inner) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        # Most text holds nothing to escape: a test is far cheaper than translating every character (3 MB of a
        # duty list at 1,000 plans).  Every character escaped is a control (Cc) or a format character (Cf), which
        # ``str.isprintable`` rejects: text that is printable but for its tabs and newlines needs no escape (a
        # C loop, ~5× faster than the search); other text (a U+3000 space is not printable either) is searched.
        plain = text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()
        self.inner.write(text.translate(_MULTILINE) if not plain and _ESCAPED_RE.search(text) else text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def trusted(stream):
    """The stream under a :class:`SafeStream`: for lines already escaped that hold kb's own colour codes."""
    return stream.inner if isinstance(stream, SafeStream) else stream


def write_trusted(stream, text: str) -> None:
    """Write ``text`` — already escaped, holding kb's own colour codes — past a :class:`SafeStream`."""
    trusted(stream).write(text)


def escape_data(obj, keep: str = "\t\n"):
    """``obj`` (a Plan, Task, Document, list, dict, str …) with every string escaped by :func:`escape`.

    Dataclasses are copied field by field (``registry``-like fields that are not
    dataclasses, lists, dicts or strings are shared as they are).  Returns
    ``obj`` itself when nothing in it needs escaping, so a clean plan costs a
    walk and no copy.  A plan read lazily from the store (it has ``shown_as``)
    is not walked: it becomes a view that escapes each task and document as it
    is read.  Used by the TUI, which draws text from data on screen.
    """
    shown_as = getattr(obj, "shown_as", None)
    if callable(shown_as):
        # A plan read lazily from the store: escaped as each task is read, not copied whole.
        return shown_as(lambda item: escape_data(item, keep))
    if not _needs_escape(obj, keep):
        return obj
    return _escaped(obj, keep)


def _needs_escape(obj, keep: str) -> bool:
    import dataclasses

    if isinstance(obj, str):
        return escape(obj, keep) != obj
    if isinstance(obj, (list, tuple)):
        return any(_needs_escape(x, keep) for x in obj)
    if isinstance(obj, dict):
        return any(_needs_escape(k, keep) or _needs_escape(v, keep) for k, v in obj.items())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return any(_needs_escape(getattr(obj, f.name), keep) for f in dataclasses.fields(obj))
    return False


def _escaped(obj, keep: str):
    import dataclasses

    if isinstance(obj, str):
        return escape(obj, keep)
    if isinstance(obj, list):
        return [_escaped(x, keep) for x in obj]
    if isinstance(obj, tuple):
        return tuple(_escaped(x, keep) for x in obj)
    if isinstance(obj, dict):
        return {_escaped(k, keep): _escaped(v, keep) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _escaped(getattr(obj, f.name), keep) for f in dataclasses.fields(obj) if f.init}
        try:
            return dataclasses.replace(obj, **changes)
        except TypeError:  # a subclass with an __init__ of its own (a plan read lazily from the store)
            import copy

            new = copy.deepcopy(obj)
            for name, value in changes.items():
                setattr(new, name, value)
            return new
    return obj
