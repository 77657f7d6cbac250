"""How `make changes` (tools/data_changes.py) writes what changed, for a reviewer: Markdown that shows every text
from the data as typed, a field's old and new value, an annotation's two judgements, and what each of its
sources said, entry by entry.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

#: Ids and field names, shown in code spans (no backtick can be in them).
_NAME = re.compile(r"[a-z0-9_-]+")
#: Characters that start Markdown's inline formatting, links, tables, strikethrough or maths on GitHub: the
#: first ones escaped with a backslash, the others (which not every Markdown can escape so) as HTML entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "$": "&#36;"}
#: What GitHub links in a summary's text, whatever the escaping: a bare address, an e-mail address, a mention (which
#: also notifies that user or team) and a reference to an issue or pull request. From the data, each is put in a code
#: span, where GitHub links nothing and which shows it as it is.
_LINKABLE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s`<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                       r"|(?<![\w`])@[\w-]+(?:/[\w.-]+)?|#\d+|\bGH-\d+", re.IGNORECASE)


def text(value: Any) -> str:
    """`value` as Markdown that shows exactly these characters: nothing in it becomes markup, a link or a mention."""
    words, result, at = " ".join(str(value).split()), [], 0
    for linkable in _LINKABLE.finditer(words):
        result += [_escaped(words[at:linkable.start()]), f"`{linkable.group()}`"]
        at = linkable.end()
    return "".join(result) + _escaped(words[at:])


def _escaped(words: str) -> str:
    words = "".join(_ENTITIES.get(character, character) for character in words)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", words)


def ident(value: Any) -> str:
    return f"`{value}`" if isinstance(value, str) and _NAME.fullmatch(value) else text(value)


def brief(value: Any) -> str:
    """A data value in one line: text in quotes, lists joined, mappings as `key: value`."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return f"“{text(value)}”"
    if isinstance(value, list):
        return "[" + ", ".join(brief(item) for item in value) + "]" if value else "(none)"
    if isinstance(value, dict):
        return "{" + "; ".join(f"{text(key)}: {brief(item)}" for key, item in value.items()) + "}"
    return text(value)


def field_changes(old: dict, new: dict, skip: Iterable[str] = ()) -> list[str]:
    """One line per field that differs: old → new, or for two lists the items added (+) and removed (−)."""
    lines = []
    for key in [*old, *(key for key in new if key not in old)]:
        before, after = old.get(key), new.get(key)
        if key in skip or before == after:
            continue
        if isinstance(before, list) and isinstance(after, list):
            items = [f"+ {brief(item)}" for item in after if item not in before]
            items += [f"− {brief(item)}" for item in before if item not in after]
            lines.append(f"  - {ident(key)}: {'; '.join(items) or 'the same items in another order'}")
        else:
            lines.append(f"  - {ident(key)}: {brief(before)} → {brief(after)}")
    return lines


def field_values(entry: dict) -> list[str]:
    """One line per field of `entry`, with its value."""
    return [f"  - {ident(key)}: {brief(value)}" for key, value in entry.items()]


#: How the article attributes the words (`kind`), then the two judgements, and what each is called here;
#: `verification` is what data written before the judgements had.
HOW = {"kind": "how"}
JUDGEMENTS = {"source_seen": "source", "wording": "wording"}
OLD_JUDGEMENT = "verification"
#: Fields of an annotation said on its own line, or in lines of their own, rather than as a changed field.
SAID_APART = (*HOW, *JUDGEMENTS, OLD_JUDGEMENT, "said")


def judgements(annotation: dict, old: dict | None = None) -> str:
    """`how: direct-quote; source: report; wording: same-words`, each changed one as old → **new** (data from
    before the two judgements shows its `verification`)."""
    def shown(entry: dict) -> list[str]:
        how = [f"{label}: {text(entry.get(key, '(none)'))}" for key, label in HOW.items()]
        if OLD_JUDGEMENT in entry and not any(key in entry for key in JUDGEMENTS):
            return [*how, f"{OLD_JUDGEMENT}: {text(entry[OLD_JUDGEMENT])}"]
        return how + [f"{label}: {text(entry.get(key, '(none)'))}" for key, label in JUDGEMENTS.items()]

    now = shown(annotation)
    if old is None:
        return "; ".join(now)
    before = shown(old)
    if len(before) != len(now):
        return f"{'; '.join(before)} → **{'; '.join(now)}**"
    return "; ".join(new if new == then else f"{then} → **{new.partition(': ')[2]}**"
                     for then, new in zip(before, now))


def _said_groups(annotation: dict) -> dict[tuple[str, str], list[dict]]:
    """The annotation's `said` entries by source and speaker, in order."""
    groups: dict[tuple[str, str], list[dict]] = {}
    said = annotation.get("said")
    for entry in said if isinstance(said, list) else []:
        if isinstance(entry, dict):
            groups.setdefault((str(entry.get("source")), str(entry.get("speaker", ""))), []).append(entry)
    return groups


def _said_brief(entry: dict) -> str:
    if "words" in entry:
        return brief(entry["words"])
    return f"not seen ({text(entry['not_seen'])})" if "not_seen" in entry else brief(entry)


def said_changes(old: dict | None, new: dict) -> list[str]:
    """What each source said, as lines under an annotation: for an added one (`old` None) every entry, else each
    entry added (+), changed (old → new, with its other changed fields) or removed (−). Entries of one source and
    speaker that are the same before and after are paired first, then the others in their order."""
    before, after = _said_groups(old or {}), _said_groups(new)
    lines = []
    for key in [*after, *(key for key in before if key not in after)]:
        source, speaker = key
        whose = f"what {ident(source)} said" + (f" ({ident(speaker)})" if speaker else "")
        then = [entry for entry in before.get(key, []) if entry not in after.get(key, [])]
        now = [entry for entry in after.get(key, []) if entry not in before.get(key, [])]
        for was, is_ in zip(then, now):
            others = [f"{ident(k)}: {brief(was.get(k))} → {brief(is_.get(k))}" for k in dict.fromkeys([*was, *is_])
                      if k not in ("words", "not_seen") and was.get(k) != is_.get(k)]
            change = f"{_said_brief(was)} → {_said_brief(is_)}" if _said_brief(was) != _said_brief(is_) else ""
            lines.append(f"  - {whose}: {'; '.join(filter(None, [change, *others]))}")
        lines += [f"  - {whose}: {'+ ' if old is not None else ''}{_said_brief(entry)}" for entry in now[len(then):]]
        lines += [f"  - {whose}: − {_said_brief(entry)}" for entry in then[len(now):]]
    return lines
