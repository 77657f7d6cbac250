"""The relations between actors drawn at build time as inline SVG: no script, no library.

Actors are placed by a force layout, each a link to its page; each relation is an arrow
with all its words on it, wrapped over lines and placed where it covers no name and no
other relation's words (the map grows until every label finds such a place; a grid of
the boxes placed keeps each try to the boxes near it). Past FORCE_LAYOUT_LIMIT actors,
or MAX_LABELLED_RELATIONS relations, the map is an overview without the words, which the
list under it gives, and its caption says so. One unit of the drawing is one CSS pixel, so its text keeps its size
on every screen (a narrow one scrolls the map sideways). Colours come from
`currentColor` and CSS classes, so the map follows the page's light or dark palette.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter

from annotated_article.model import SiteData
from annotated_article.render.attribution import as_text
from annotated_article.render.relations import ActorRelation, cited_text, neighbours, relation_parts
from annotated_article.render.text import html_text
from annotated_article.site_urls import relative_url

WIDTH, HEIGHT = 680, 440  # the size the map starts from, in CSS pixels
SMALL_WIDTH, SMALL_HEIGHT = 560, 360  # an actor's own map, of its neighbours
NODE_HEIGHT = 34
FORCE_LAYOUT_LIMIT = 60
#: Most relations whose words a map writes on it: past them the words would cover the map (and placing each
#: costs more), so the map draws the arrows alone and the list under it gives the words. For every map of
#: relations, the site's and any of a part of them.
MAX_LABELLED_RELATIONS = 100
CHARACTER_WIDTH = 8.2  # average width of a 14px sans-serif character, for sizing the boxes
LABEL_CHARACTER, LABEL_LINE, LABEL_LINE_LENGTH = 7.0, 15, 24  # a 12px label: character, line height, characters
GAP = 4


def relations_map_svg(site: SiteData, relations: list[ActorRelation], page_url: str,
                      actor_urls: dict[str, str], centre: str = "", cited_urls: list[str | None] | None = None) -> str:
    """The map as one line of SVG markup (so Markdown leaves it whole). With `centre`, the map of that actor's
    relations alone: it in the middle and its neighbours around it. `cited_urls`: for each relation, the address of
    what it cites (a source's page, a passage), which its arrow links to (None: it cites nothing to link)."""
    if centre:
        ids = [centre, *neighbours(centre, relations)]
        actors = [site.actors[id_] for id_ in ids]
        unit = _star(ids)
    else:
        actors = list(site.actors.values())
        unit = _layout([actor.id for actor in actors], relations)
    lines = [_balanced(" ".join(r.relation.relation.split())) for r in relations]
    urls = cited_urls or [None] * len(relations)
    width, height = (SMALL_WIDTH, SMALL_HEIGHT) if centre else (WIDTH, HEIGHT)
    overview = len(actors) > FORCE_LAYOUT_LIMIT or len(relations) > MAX_LABELLED_RELATIONS
    for attempt in range(12):
        centres = _scaled(unit, actors, width, height)
        boxes = {actor.id: _box(centre, actor.name) for actor, centre in zip(actors, centres)}
        labels = [None] * len(relations) if overview else _place_labels(
            [(boxes[r.source], boxes[r.target]) for r in relations], lines, width, height, anywhere=attempt == 11)
        if labels is not None:
            break
        width, height = round(width * (1.15 if attempt >= 5 else 1)), round(height * 1.2)  # taller, then wider
    edges = [_edge(boxes[r.source], boxes[r.target], r, site, label, words,
                   relative_url(page_url, url) if url else "") for r, label, words, url in zip(relations, labels, lines, urls)]
    nodes = [_node(actor, boxes[actor.id], relative_url(page_url, actor_urls[actor.id])) for actor in actors]
    label = (f"Map of the relations of {html_text(site.actors[centre].name)}" if centre else
             "Relations map of the actors") + "; the same relations are listed in words below, with what each cites"
    return (
        f'<figure class="relations-map"><div class="relations-map-scroll"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" '
        f'aria-label="{label}">'
        '<defs><marker id="relations-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="relations-arrow"/>'
        f'</marker></defs><g class="relations-edges">{"".join(edges)}</g>'
        f'<g class="relations-nodes">{"".join(nodes)}</g></svg></div>'
        f"<figcaption>{_caption(len(relations), overview)}</figcaption></figure>"
    )


def _caption(relations: int, overview: bool) -> str:
    if overview and relations:
        return (f"Each arrow goes from an actor to another it relates to; the words of the {relations:,} relations "
                "are in the list below. Select an actor to open its page.")
    return ("Each arrow reads “actor → actor: relation”; an arrow that cites a source or a passage links to it. "
            "Select an actor to open its page.")


def _layout(ids: list[str], relations: list[ActorRelation]) -> dict[str, tuple[float, float]]:
    """Deterministic force-directed positions (Fruchterman-Reingold) from a start on an ellipse, in
    the layout's own units (`_scaled` fits them to the map).

    Past FORCE_LAYOUT_LIMIT actors the ellipse is kept: the map is then an overview, and the
    text alternative carries the detail.
    """
    count = max(len(ids), 1)
    positions = {actor_id: [math.cos(-math.pi / 2 + 2 * math.pi * i / count),
                            math.sin(-math.pi / 2 + 2 * math.pi * i / count)] for i, actor_id in enumerate(ids)}
    if 2 < len(ids) <= FORCE_LAYOUT_LIMIT:
        edges = Counter((r.source, r.target) for r in relations if r.source in positions and r.target in positions)
        spacing = math.sqrt(4.0 / count)
        temperature = 0.2
        for _ in range(300):
            moves = {actor_id: [0.0, 0.0] for actor_id in ids}
            for index, a in enumerate(ids):
                for b in ids[index + 1:]:
                    dx, dy = positions[a][0] - positions[b][0], positions[a][1] - positions[b][1]
                    distance = max(math.hypot(dx, dy), 1e-3)
                    push = spacing * spacing / distance
                    moves[a][0] += dx / distance * push
                    moves[a][1] += dy / distance * push
                    moves[b][0] -= dx / distance * push
                    moves[b][1] -= dy / distance * push
            for (a, b), times in edges.items():  # each pair once: relations between the same two pull harder
                dx, dy = positions[a][0] - positions[b][0], positions[a][1] - positions[b][1]
                distance = max(math.hypot(dx, dy), 1e-3)
                pull = distance * distance / spacing * times
                moves[a][0] -= dx / distance * pull
                moves[a][1] -= dy / distance * pull
                moves[b][0] += dx / distance * pull
                moves[b][1] += dy / distance * pull
            for actor_id, (mx, my) in moves.items():
                length = max(math.hypot(mx, my), 1e-9)
                step = min(length, temperature)
                positions[actor_id][0] += mx / length * step
                positions[actor_id][1] += my / length * step
            temperature = max(temperature * 0.985, 0.005)
    return {actor_id: (x, y) for actor_id, (x, y) in positions.items()}


def _star(ids: list[str]) -> dict[str, tuple[float, float]]:
    """The first actor in the middle, the others evenly around it, starting at the top."""
    count = max(len(ids) - 1, 1)
    return {ids[0]: (0.0, 0.0), **{actor_id: (math.cos(-math.pi / 2 + 2 * math.pi * i / count),
                                             math.sin(-math.pi / 2 + 2 * math.pi * i / count))
                                  for i, actor_id in enumerate(ids[1:])}}


def _scaled(unit: dict[str, tuple[float, float]], actors, width: float, height: float) -> list[tuple[float, float]]:
    """The actors' centres on a `width` x `height` map, their boxes inside it."""
    xs, ys = [x for x, _ in unit.values()], [y for _, y in unit.values()]
    span_x, span_y = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    widest = max([_box((0, 0), actor.name)[2] for actor in actors] + [LABEL_LINE_LENGTH * LABEL_CHARACTER])
    margin_x, margin_y = widest / 2 + GAP, NODE_HEIGHT / 2 + GAP  # room for a label beside the outermost arrows
    return [(round(margin_x + (unit[a.id][0] - min(xs)) / span_x * (width - 2 * margin_x), 1),
             round(margin_y + (unit[a.id][1] - min(ys)) / span_y * (height - 2 * margin_y), 1)) for a in actors]


def _place_labels(ends: list[tuple], lines: list[list[str]], width: float, height: float, anywhere: bool):
    """A box (x, y, width, height) for each relation's words, along its arrow and clear of every actor's
    box and of the other labels (the shortest arrows, with the least room, first); None if one finds no
    such place (unless `anywhere`: then it goes on the middle of its arrow)."""
    taken = _Grid()
    for box in {box for pair in ends for box in pair}:
        taken.add(box)
    placed = {}
    for index in sorted(range(len(ends)), key=lambda i: math.dist(_centre(ends[i][0]), _centre(ends[i][1]))):
        (x1, y1), (x2, y2) = map(_centre, ends[index])
        w, h = max(map(len, lines[index])) * LABEL_CHARACTER, len(lines[index]) * LABEL_LINE
        length = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
        nx, ny = (y1 - y2) / length, (x2 - x1) / length  # across the arrow
        step = (abs(nx) * w + abs(ny) * h) / 2 + GAP
        candidates = [(x1 + (x2 - x1) * t + nx * step * k - w / 2, y1 + (y2 - y1) * t + ny * step * k - h / 2, w, h)
                      for k in (0, -1, 1, -0.5, 0.5) for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)]
        free = next((c for c in candidates if 0 <= c[0] and c[0] + w <= width and 0 <= c[1] and c[1] + h <= height
                     and not taken.overlaps(c)), None)
        if free is None and not anywhere:
            return None
        placed[index] = free or candidates[0]
        taken.add(placed[index])
    return [placed[index] for index in range(len(ends))]


class _Grid:
    """Boxes (x, y, width, height) filed under the cells of a grid they touch, so that whether a box overlaps one
    of them is asked of the boxes near it alone: placing every label stays about linear in their number."""

    CELL = 200.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list] = {}

    def _cells(self, box) -> list[tuple[int, int]]:
        x, y, width, height = box
        columns = range(math.floor((x - GAP) / self.CELL), math.floor((x + width + GAP) / self.CELL) + 1)
        rows = range(math.floor((y - GAP) / self.CELL), math.floor((y + height + GAP) / self.CELL) + 1)
        return [(column, row) for column in columns for row in rows]

    def add(self, box) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(box)

    def overlaps(self, box) -> bool:
        return any(_overlap(box, other) for cell in self._cells(box) for other in self.cells.get(cell, ()))


def _balanced(words: str) -> list[str]:
    """`words` on as few lines of at most LABEL_LINE_LENGTH characters as they need, of even lengths."""
    count = len(textwrap.wrap(words, LABEL_LINE_LENGTH, break_long_words=False))
    return next(lines for width in range(min(len(words) // count, LABEL_LINE_LENGTH), LABEL_LINE_LENGTH + 1)
                if len(lines := textwrap.wrap(words, width, break_long_words=False)) <= count)


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] + GAP and b[0] < a[0] + a[2] + GAP and a[1] < b[1] + b[3] + GAP and b[1] < a[1] + a[3] + GAP


def _box(centre: tuple[float, float], name: str) -> tuple[float, float, float, float]:
    width = len(name) * CHARACTER_WIDTH + 24
    return centre[0] - width / 2, centre[1] - NODE_HEIGHT / 2, width, NODE_HEIGHT


def _centre(box) -> tuple[float, float]:
    x, y, width, height = box
    return x + width / 2, y + height / 2


def _border_point(box, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre towards a point leaves the box."""
    (cx, cy), (_, _, width, height) = _centre(box), box
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(width / 2 / abs(dx) if dx else math.inf, height / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _edge(source_box, target_box, relation: ActorRelation, site: SiteData, label, lines: list[str], url: str) -> str:
    start = _border_point(source_box, _centre(target_box))
    end = _border_point(target_box, _centre(source_box))
    title = f"{as_text(relation_parts(relation, site))} ({cited_text(relation)})"
    words = ""
    if label:
        x, y = label[0] + label[2] / 2, label[1] + LABEL_LINE - 3.5
        words = (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle">' + "".join(
            f'<tspan x="{x:.1f}" dy="{LABEL_LINE if index else 0}">{html_text(line)}</tspan>'
            for index, line in enumerate(lines)) + "</text>")
    body = (f'<title>{html_text(title)}</title><line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" '
            f'y2="{end[1]:.1f}" marker-end="url(#relations-arrow)"/>{words}')
    if url:
        return f'<a class="relations-edge relations-edge--cited" href="{html_text(url)}">{body}</a>'
    return f'<g class="relations-edge">{body}</g>'


def _node(actor, box, url: str) -> str:
    x, y, width, height = box
    featured = " relations-node--featured" if actor.featured else ""
    return (f'<a class="relations-node{featured}" href="{html_text(url)}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height}" rx="6"/>'
            f'<text x="{x + width / 2:.1f}" y="{y + height / 2:.1f}" text-anchor="middle" '
            f'dominant-baseline="central">{html_text(actor.name)}</text></a>')
