"""The relations between actors drawn at build time as inline SVG: no script, no library.

Actors stand on an ellipse in data order, each a link to its page; each relation
is an arrow with its words on it. Colours come from `currentColor` and CSS
classes, so the map follows the page's light or dark palette.
"""

from __future__ import annotations

import math

from .markup import html_text
from .site_data import SiteData
from .site_index import ActorRelation
from .site_urls import relative_url

WIDTH, HEIGHT = 760, 500
NODE_HEIGHT = 34
FORCE_LAYOUT_LIMIT = 60
CHARACTER_WIDTH = 8.2  # average width of a 14px sans-serif character, for sizing the boxes


def relations_map_svg(site: SiteData, relations: list[ActorRelation], page_url: str,
                      actor_urls: dict[str, str]) -> str:
    """The map as one line of SVG markup (so Markdown leaves it whole)."""
    actors = list(site.actors.values())
    centres = _layout([actor.id for actor in actors], relations)
    boxes = {actor.id: _box(centres[actor.id], actor.name) for actor in actors}
    edges = [_edge(boxes[r.source], boxes[r.target], r, site) for r in relations]
    nodes = [_node(actor, boxes[actor.id], relative_url(page_url, actor_urls[actor.id])) for actor in actors]
    return (
        f'<figure class="relations-map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-label="Relations map of the actors; the same relations are listed in words below">'
        '<defs><marker id="relations-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="relations-arrow"/>'
        f'</marker></defs><g class="relations-edges">{"".join(edges)}</g>'
        f'<g class="relations-nodes">{"".join(nodes)}</g></svg>'
        "<figcaption>Each arrow reads “actor → actor: relation”; select an actor to open its page.</figcaption>"
        "</figure>"
    )


def _layout(ids: list[str], relations: list[ActorRelation]) -> dict[str, tuple[float, float]]:
    """Deterministic force-directed positions (Fruchterman-Reingold) from a start on an ellipse.

    Past FORCE_LAYOUT_LIMIT actors the ellipse is kept: the map is then an overview, and the
    text alternative carries the detail.
    """
    count = max(len(ids), 1)
    positions = {actor_id: [math.cos(-math.pi / 2 + 2 * math.pi * i / count),
                            math.sin(-math.pi / 2 + 2 * math.pi * i / count)] for i, actor_id in enumerate(ids)}
    if 2 < len(ids) <= FORCE_LAYOUT_LIMIT:
        edges = [(r.source, r.target) for r in relations if r.source in positions and r.target in positions]
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
            for a, b in edges:
                dx, dy = positions[a][0] - positions[b][0], positions[a][1] - positions[b][1]
                distance = max(math.hypot(dx, dy), 1e-3)
                pull = distance * distance / spacing
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
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    margin_x, margin_y = 80, 30
    return {
        actor_id: (round(margin_x + (x - min(xs)) / span_x * (WIDTH - 2 * margin_x), 1),
                   round(margin_y + (y - min(ys)) / span_y * (HEIGHT - 2 * margin_y), 1))
        for actor_id, (x, y) in positions.items()
    }


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


def _edge(source_box, target_box, relation: ActorRelation, site: SiteData) -> str:
    start = _border_point(source_box, _centre(target_box))
    end = _border_point(target_box, _centre(source_box))
    words = relation.relation.relation
    title = f"{site.actors[relation.source].name} → {site.actors[relation.target].name}: {words}"
    mid_x, mid_y = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    label = words if len(words) <= 34 else words[:33].rstrip() + "…"
    return (f'<g class="relations-edge"><title>{html_text(title)}</title>'
            f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
            'marker-end="url(#relations-arrow)"/>'
            f'<text x="{mid_x:.1f}" y="{mid_y:.1f}" text-anchor="middle">{html_text(label)}</text></g>')


def _node(actor, box, url: str) -> str:
    x, y, width, height = box
    featured = " relations-node--featured" if actor.featured else ""
    return (f'<a class="relations-node{featured}" href="{html_text(url)}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height}" rx="6"/>'
            f'<text x="{x + width / 2:.1f}" y="{y + height / 2:.1f}" text-anchor="middle" '
            f'dominant-baseline="central">{html_text(actor.name)}</text></a>')
