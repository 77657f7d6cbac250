"""Where each relation between actors is said: a relation cites a source (`source`), the passage of an annotation
that says it (`annotation`), or says plainly that it is the editors' background knowledge (`background: true`).

A relation with none of them would be an unsourced claim on a site built on footnotes: it is a data error, as is a
relation that cites a source and calls itself background at once, or cites an entry that does not exist.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from annotated_article.data.errors import DataError, shown
from annotated_article.data.schema_validation import nearest
from annotated_article.data.yaml_loading import YamlDocument

#: How a relation's citation is explained in an error's fix.
CITE = ("Add `source:` with the id of the source in data/sources.yml that says it, or `annotation:` with the id "
        "of the annotation whose passage says it; if it is the editors' background knowledge with no source, "
        "add `background: true`")


def annotation_ids(article_documents: list[YamlDocument]) -> dict[str, dict[str, list[str]]]:
    """Each annotation id of the articles: for each article file that has it (`ARTICLE` of `ARTICLE#ID`: the file's
    name without `.yml`), the actors that annotation concerns."""
    found: dict[str, dict[str, list[str]]] = {}
    for document in article_documents:
        stem = PurePosixPath(document.file).stem
        for item in document.data.get("annotations", []):
            found.setdefault(item["id"], {})[stem] = list(item.get("actors", []))
    return found


def check_relation_citations(actors: YamlDocument, sources: dict, article_documents: list[YamlDocument],
                             all_articles_read: bool, errors: list[DataError]) -> None:
    """Every relation of `actors` cites an existing source or annotation, or is marked as background alone."""
    annotations = annotation_ids(article_documents)
    for index, item in enumerate(actors.data):
        for number, relation in enumerate(item.get("relations", [])):
            place = (index, "relations", number)
            cites = [key for key in ("source", "annotation") if key in relation]
            if relation.get("background") and cites:
                errors.append(actors.error(
                    place + ("background",), f"the relation of `{item['id']}` to `{shown(relation['to'])}` cites "
                    f"`{cites[0]}` and says it is background with no source",
                    "Keep `background: true` only for a relation no source says; delete it when a source or an "
                    "annotation says the relation"))
            elif not cites and not relation.get("background"):
                errors.append(actors.error(
                    place + ("relation",), f"the relation of `{item['id']}` to `{shown(relation['to'])}` cites "
                    "nothing", CITE))
            if "source" in relation and relation["source"] not in sources:
                errors.append(actors.error(place + ("source",), f"there is no source with the id "
                                           f"`{shown(relation['source'])}`", nearest(relation["source"], sources)
                                           or "Use an id from data/sources.yml, or add the source there"))
            if "annotation" in relation and all_articles_read:
                problem = annotation_problem(relation["annotation"], annotations) or \
                    unrelated(relation["annotation"], annotations, (item["id"], relation["to"]))
                if problem:
                    errors.append(actors.error(place + ("annotation",), *problem))


def unrelated(value: str, annotations: dict[str, dict[str, list[str]]], ends: tuple[str, str]) -> tuple[str, str] | None:
    """A passage that does not concern both actors of the relation cannot say it: the problem and its fix, or None."""
    article, _, id_ = value.rpartition("#")
    concerned = annotations[id_][article or next(iter(annotations[id_]))]
    missing = [actor for actor in ends if actor not in concerned]
    if not missing:
        return None
    return (f"annotation `{shown(value)}` does not concern `{missing[0]}` (it is not in the annotation's `actors`), so "
            "its passage cannot say this relation",
            "Cite the passage that says the relation itself, or its source; if none does, mark the relation "
            "`background: true`")


def annotation_problem(value: str, annotations: dict[str, dict[str, list[str]]]) -> tuple[str, str] | None:
    """What is wrong with a relation's `annotation` (`ID` or `ARTICLE#ID`), as a problem and its fix; None if it
    names one annotation."""
    article, _, id_ = value.rpartition("#")
    articles = list(annotations.get(id_, {}))
    if article and article not in articles:
        where = f"; it is in {', '.join(f'`{a}`' for a in articles)}" if articles else ""
        return (f"the article `{shown(article)}` has no annotation with the id `{shown(id_)}`{where}",
                "Write the article file's name (without `.yml`) before `#`, and the annotation's id after it")
    if not articles:
        return (f"there is no annotation with the id `{shown(id_)}`",
                nearest(id_, dict.fromkeys(annotations)) or "Use the `id` of an annotation in data/articles/")
    if not article and len(articles) > 1:
        return (f"the annotation id `{shown(id_)}` is in {len(articles)} articles ({', '.join(articles)})",
                f"Say which: `annotation: {articles[0]}#{id_}`")
    return None
