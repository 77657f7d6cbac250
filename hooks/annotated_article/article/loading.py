"""The site loaded: the data stage's pass over `data/`, then each article's Markdown parsed once by
Python-Markdown with the site's extensions, every quote anchored in its text, and its placements planned.

`load_site` either returns the whole model or raises `DataErrors` listing every problem at once. Under
`mkdocs serve` a `LoadCache` carries from one load to the next what stays valid: the parsers, and each
article's plan and each data file's document, each with everything it was made from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotated_article.article.anchoring import EXPLAINED_MISSES, AnchorError, SourceLines, anchor_quote, at_place
from annotated_article.article.judgements import check_judgements
from annotated_article.article.parsing import ArticleParser, MarkdownConfig, markdown_config
from annotated_article.article.placement import plan_article
from annotated_article.article.text import read_text
from annotated_article.data import project_files
from annotated_article.data.addresses import address_files, aliases, check_address_files
from annotated_article.data.article_files import (
    check_every_article_is_annotated,
    check_front_matter,
    check_hidden_characters,
    check_passage_ids,
    without_front_matter,
)
from annotated_article.data.corrections import check_corrections
from annotated_article.data.errors import DataError, DataErrors
from annotated_article.data.loading import DocumentCache, check_references, read_data
from annotated_article.data.published_record import Record, record_of
from annotated_article.data.registries import MAX_NAME_LENGTH, make_entry, registry
from annotated_article.data.schema_validation import nearest
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import Annotation, Article, ArticlePlan, Provenance, SiteData, reading_order

PLACEMENT_FIX = "Quote words of one paragraph of plain text, without cutting through code, links or emphasis"
#: Most annotations whose passages nest one inside another: each is an element inside the last, and the tree's
#: deepest nesting is what the walks over it (ours, Python-Markdown's, the browser's) pay for.
MAX_NESTED_PASSAGES = 10
#: Deepest nesting of elements in an article's parsed Markdown (quotes in lists in quotes...): an article has a
#: handful; every walk over the tree, ours and Python-Markdown's, recurses once per level.
MAX_ARTICLE_DEPTH = 40
#: Most annotations in one paragraph: each is placed on the paragraph's tree as it stands after the others, so the
#: work grows with their number times the paragraph's length.
MAX_PASSAGES_PER_PARAGRAPH = 50


@dataclass
class LoadCache:
    """What one load keeps for the next (under `mkdocs serve`), each entry with all it was made from."""

    documents: DocumentCache = field(default_factory=DocumentCache)
    #: A parser for each set of Markdown extensions.
    parsers: dict = field(default_factory=dict)
    #: Each article's plan, by its path, with what it was made from.
    plans: dict[str, tuple[tuple, ArticlePlan]] = field(default_factory=dict)


def load_site(data_dir: Path, docs_dir: Path, markdown: MarkdownConfig | None = None,
              cache: LoadCache | None = None, published: tuple[str, Record] | None = None) -> SiteData:
    """Read and check all of `data_dir` against the articles in `docs_dir`, parsed with the Markdown
    extensions `markdown` (by default those of the mkdocs.yml beside `data_dir`). Each published claim is
    checked against the record of `data_dir/published/`, or against `published` (where it was read, and the
    record: a pull request's base) for each article that record has."""
    loader = _Loader(docs_dir, markdown or markdown_config(data_dir.parent / "mkdocs.yml"), cache or LoadCache())
    loader.published = published
    site = loader.load(data_dir)
    if loader.errors:
        raise DataErrors(loader.errors)
    return site


class _Loader:
    def __init__(self, docs_dir: Path, markdown: MarkdownConfig, cache: LoadCache):
        self.docs_dir = docs_dir
        self.markdown = markdown
        self.markdown_key = repr(markdown) if all(isinstance(name, str) for name in markdown[0]) else id(markdown)
        self.cache = cache
        self.errors: list[DataError] = []
        self.article_documents: list[YamlDocument] = []
        #: Quotes not found whose closest passage was looked for, in all the articles (EXPLAINED_MISSES at most).
        self.explained = 0
        #: The record of what was published to check the claims against, when not the data's own.
        self.published: tuple[str, Record] | None = None

    def load(self, data_dir: Path) -> SiteData:
        files = read_data(data_dir, self.docs_dir, self.cache.documents, self.errors)
        site = files.site
        for document in files.articles:
            self.article(document, site)
        if files.all_read:
            check_every_article_is_annotated(self.docs_dir, set(site.articles), self.errors)
        check_address_files(files.addresses, {path: article.data_file for path, article in site.articles.items()},
                            self.errors)
        for document in address_files(files.addresses).values():  # one per article: a second is an error
            self.published_addresses(document, site)
        check_references(files, self.article_documents, self.errors)
        for document in self.article_documents:
            check_judgements(document, site, self.errors)
        own = record_of(files.published)
        where, base = self.published or ("", {})
        for document in self.article_documents:  # an article with no record at the base yet: its own, if any
            path = document.data["article"]
            check_corrections(document, site.articles[path], base[path] if path in base else own.get(path, {}),
                              where if path in base else "", self.errors)
        return site

    def published_addresses(self, document: YamlDocument, site: SiteData) -> None:
        """Every address the article has published keeps landing (see `addresses`)."""
        path = document.data["article"]
        article = site.articles.get(path)
        if article is None:
            if not (self.docs_dir / path).is_file():
                self.errors.append(document.error(("article",), f"there is no article `{path}` in docs/",
                                                  "Delete this file if the article was removed on purpose"))
            return  # else the article's own errors are reported
        plan = article.loaded_plan
        current = {**dict(plan.paragraphs()), **{id_: plan.words(id_) for id_ in plan.passages}}
        declared = {a["id"] for d in self.article_documents if d.data["article"] == path for a in d.data["annotations"]}
        found, renamed, errors = aliases(document, current, declared - set(plan.passages))
        self.errors.extend(errors)
        ids = tuple(renamed.get(id_, id_) for id_ in plan.paragraph_ids)
        site.articles[path] = replace(article, plan=replace(plan, aliases=found, paragraph_ids=ids))

    def article(self, document: YamlDocument, site: SiteData) -> None:
        path = document.data["article"]
        article_file = self.docs_dir / path
        if path in site.articles:
            self.errors.append(document.error(("article",), f"`{path}` already has annotations in "
                                              f"{site.articles[path].data_file}",
                                              "Keep one annotation file per article"))
            return
        if not article_file.is_file():
            known = [p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*.md")]
            self.errors.append(document.error(("article",), f"there is no article `{path}` in docs/",
                                              nearest(path, known) or "Give the path of the article's Markdown "
                                              "file inside docs/"))
            return
        annotations = registry(document.part("annotations"), Annotation, self.errors)
        try:
            raw = project_files.read_text(article_file, f"{self.docs_dir.name}/{path}", self.docs_dir.parent)
        except DataErrors as failure:
            return self.errors.extend(failure.errors)
        check_hidden_characters(raw, f"{self.docs_dir.name}/{path}", self.errors)
        source, first_line = without_front_matter(raw)
        check_front_matter(raw, f"{self.docs_dir.name}/{path}", document.file, self.errors)
        check_passage_ids(document, self.errors)
        actor_names = {name: actor.id for actor in site.actors.values() for name in actor.names
                       if len(name) <= MAX_NAME_LENGTH}  # a longer one is an error of its own
        # What the plan depends on: under `mkdocs serve`, an edit elsewhere in the data reuses it.
        key = (source, repr(self.markdown), tuple(actor_names.items()),
               tuple((a["id"], a["exact"], a.get("prefix"), a.get("suffix")) for a in document.data["annotations"]))
        errors = len(self.errors)
        cached = self.cache.plans.get(path)
        try:
            plan = cached[1] if cached and cached[0] == key else self.plan(document, source, first_line, annotations,
                                                                          actor_names)
        except DataErrors as failure:  # the article cannot be read: nothing in it can be placed
            return self.errors.extend(failure.errors)
        if len(self.errors) == errors:
            self.cache.plans[path] = (key, plan)
        site.articles[path] = Article(path, document.file, tuple(annotations[id_] for id_ in reading_order(plan.passages)),
                                      plan.text.title or path, plan, make_entry(Provenance, document.data))
        self.article_documents.append(document)

    def parser(self) -> ArticleParser:
        if self.markdown_key not in self.cache.parsers:
            self.cache.parsers[self.markdown_key] = ArticleParser(self.markdown)
        return self.cache.parsers[self.markdown_key]

    def plan(self, document: YamlDocument, source: str, first_line: int, annotations: dict[str, Annotation],
             actor_names: dict[str, str]) -> ArticlePlan:
        """Parse the article, find every annotation's words in it and plan their placing; report what fails."""
        path = document.data["article"]
        try:
            root, stash = self.parser().parse(source)
            depth = _depth(root)
        except RecursionError:  # Python-Markdown reads nested blocks by recursion
            depth = None
        if depth is None or depth > MAX_ARTICLE_DEPTH:
            raise DataErrors([DataError(
                f"{self.docs_dir.name}/{path}", first_line, 1, "the article nests quotes, lists or other blocks "
                + (f"{depth} levels deep" if depth else "so deep that it cannot be read")
                + f", more than an article does ({MAX_ARTICLE_DEPTH} at most)",
                "Check the `>` and the indentation at the start of its lines")])
        text, paragraphs = read_text(root, stash)
        where = SourceLines(f"{self.docs_dir.name}/{path}", source, text.text, first_line)
        anchored: dict[str, tuple[int, int]] = {}
        index_of: dict[str, int] = {}
        for index, annotation in enumerate(document.data["annotations"]):
            entry = annotations.get(annotation["id"])
            if entry is None or entry.exact != annotation["exact"]:
                continue
            try:
                anchored[entry.id] = anchor_quote(text, entry.quote, where, self.explained < EXPLAINED_MISSES)
            except AnchorError as failure:
                self.explained += failure.problem.startswith("these words are not in the article")
                self.errors.append(document.error(("annotations", index, "exact"), failure.problem, failure.fix))
                continue
            index_of[entry.id] = index
        for id_ in _crossing(anchored, index_of, document, self.errors):
            del anchored[id_]
        for id_ in _crowded(text, anchored, index_of, document, self.errors):
            del anchored[id_]
        plan, problems = plan_article(text, paragraphs, stash, anchored, actor_names)
        plan = replace(plan, source=source)
        for id_, problem in problems.items():
            self.errors.append(document.error(("annotations", index_of[id_], "exact"),
                                              problem + at_place(where, anchored[id_][0]), PLACEMENT_FIX))
        return plan


def _crowded(text, anchored: dict[str, tuple[int, int]], index_of: dict[str, int], document: YamlDocument,
             errors: list[DataError]) -> list[str]:
    """At most MAX_PASSAGES_PER_PARAGRAPH passages in one paragraph: each that comes past them is reported, and its
    id returned."""
    crowded: list[str] = []
    count: Counter[int | None] = Counter()
    for id_ in reading_order(anchored):
        paragraph = text.paragraph_at(*anchored[id_])
        count[paragraph] += 1
        if count[paragraph] > MAX_PASSAGES_PER_PARAGRAPH:
            crowded.append(id_)
            errors.append(document.error(
                ("annotations", index_of[id_], "exact"), f"more than {MAX_PASSAGES_PER_PARAGRAPH} annotations quote "
                "words of this paragraph", "Split the paragraph, or merge annotations that say the same thing"))
    return crowded


def _depth(root) -> int:
    """How many elements deep the tree goes, found without recursion."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _crossing(anchored: dict[str, tuple[int, int]], index_of: dict[str, int], document: YamlDocument,
              errors: list[DataError]) -> list[str]:
    """Passages must nest or stay apart, at most MAX_NESTED_PASSAGES deep: one sweep in reading order finds each
    that crosses another or nests deeper, reports it and returns its id."""
    crossing = []
    open_passages: list[tuple[int, str]] = []  # (end, id)
    for id_ in reading_order(anchored):
        start, end = anchored[id_]
        while open_passages and open_passages[-1][0] <= start:
            open_passages.pop()
        if open_passages and open_passages[-1][0] < end:
            errors.append(document.error(
                ("annotations", index_of[id_], "exact"),
                f"the words of `{open_passages[-1][1]}` and `{id_}` overlap without one containing the other",
                "Shorten one of the two quotes so that they do not cross"))
            crossing.append(id_)
            continue
        if len(open_passages) >= MAX_NESTED_PASSAGES:
            errors.append(document.error(
                ("annotations", index_of[id_], "exact"), f"more than {MAX_NESTED_PASSAGES} annotations quote these "
                f"words, or words around them, one inside another (`{open_passages[0][1]}` is the outermost)",
                "Merge the annotations that say the same thing, or quote fewer words in each"))
            crossing.append(id_)
            continue
        open_passages.append((end, id_))
    return crossing

