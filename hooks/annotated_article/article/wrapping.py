"""Words of a paragraph wrapped in an element, keeping the tree valid.

`wrap` refuses words that start inside one element and end outside it, words inside code or a
link, and words that hold the article's own HTML tags; the text itself is never changed.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from annotated_article.article.text import TextMap, set_slot, slot


def wrap(paragraph: etree.Element, stash: list, start: int, end: int, element: etree.Element,
         is_link: bool = False) -> str:
    """Put `element` around `text[start:end]` of the paragraph (its own text's positions).

    Returns '' when done, else why it cannot be done (the tree is then unchanged). A link may not
    hold another link; nothing may be put inside code or inside a link.
    """
    text = TextMap(paragraph, stash)
    if any(start < barrier < end for barrier in text.barriers):
        return "the quoted words hold an HTML tag of the article"
    first, last = text.boundary(start, at_end=False), text.boundary(end, at_end=True)
    if first is None or last is None:
        return "the quote starts or ends inside an HTML entity or escaped character"
    parents = {child: (parent, index) for parent in paragraph.iter() for index, child in enumerate(parent)}
    while first[0] is not last[0]:
        if not _inside(first[0], last[0], parents) and first[1:] == (-1, 0) and first[0] is not paragraph:
            parent, index = parents[first[0]]
            first = (parent, index - 1, len(slot(parent, index - 1)))
        elif (not _inside(last[0], first[0], parents) and last[0] is not paragraph
              and last[1] == len(last[0]) - 1 and last[2] == len(slot(last[0], last[1]))):
            parent, index = parents[last[0]]
            last = (parent, index, 0)
        else:
            deeper = first[0] if not _inside(first[0], last[0], parents) else last[0]
            return _cut(deeper.tag)
    container = first[0]
    ancestor: etree.Element | None = container
    while ancestor is not None:
        if ancestor.tag in ("code", "a"):
            return ("the quoted words are inside code (`...`), where no footnote can be placed"
                    if ancestor.tag == "code" else "the quoted words are inside a link, where no footnote can be placed")
        ancestor = parents[ancestor][0] if ancestor is not paragraph else None
    (_, first_slot, first_raw), (_, last_slot, last_raw) = first, last
    moved = list(container[first_slot + 1:last_slot + 1])
    if is_link and any(node.tag == "a" for child in moved for node in child.iter()):
        return "a link cannot hold another link"
    head = slot(container, first_slot)
    if first_slot == last_slot:
        element.text, element.tail = head[first_raw:last_raw], head[last_raw:]
    else:
        tail = slot(container, last_slot)
        element.text = head[first_raw:]
        moved[-1].tail, element.tail = tail[:last_raw], tail[last_raw:]
        for child in moved:
            container.remove(child)
            element.append(child)
    set_slot(container, first_slot, head[:first_raw])
    container.insert(first_slot + 1, element)
    return ""


def _cut(tag: str) -> str:
    if tag == "code":
        return "the quoted words are inside code (`...`), where no footnote can be placed"
    if tag in ("em", "strong", "b", "i"):
        return "the quote starts or ends inside emphasis (*...*)"
    return "the quote starts or ends inside a link or HTML tag"


def _inside(element: etree.Element, other: etree.Element, parents: dict) -> bool:
    """Whether `element` is `other` or one of its ancestors."""
    node: etree.Element | None = other
    while node is not None:
        if node is element:
            return True
        node = parents[node][0] if node in parents else None
    return False


