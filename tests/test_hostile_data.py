"""No text from any data file reaches a page as markup: every free-text field of every file, at once.

The fields are found from the JSON Schemas (every property whose value is the shared `text`
definition, or a list of them), so a field added later is covered without changing this test.
Each value gets a payload naming its place; every actor is featured, so that every name is in
the navigation as well as on the pages, and the second article of the tests is added, so that
every field of an article's provenance has a value. The quoted words (`exact`, `prefix`,
`suffix`, and an address's recorded `words`) are left as they are: they must match the article;
so are an actor's `names`, words looked for in the article's text that no page shows (and that
the check keeps to 100 characters, less than a payload).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import SECOND_ARTICLE, add_second_article, copy_project, run_mkdocs_build, soup_of

pytestmark = pytest.mark.build

TEXT_REF = "definitions.schema.json#/$defs/text"
QUOTE_FIELDS = {"exact", "prefix", "suffix", "words", "names"}  # words: what a published address led to


def payload(place: str) -> str:
    return (f'<i data-leak="{place}">x</i> "\'&amp; </title></script><script>leak("{place}")</script> '
            f"**not bold** [not a link](https://example.org/leak)")


def text_fields(schema: dict) -> set[str]:
    """Names of the properties, at any depth, that hold free text (or a list of free texts)."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and TEXT_REF in (sub.get("$ref"), sub.get("items", {}).get("$ref")):
                found.add(name)
        stack.extend(value for key, value in node.items() if key != "properties")
        stack.extend(node.get("properties", {}).values())
    return found - QUOTE_FIELDS


def inject(value, fields: set[str], place: str, count: list[int]):
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            where = f"{place}.{key}"
            if key in fields and isinstance(item, str):
                count[0] += 1
                result[key] = item + " " + payload(where)
            elif key in fields and isinstance(item, list) and all(isinstance(i, str) for i in item):
                count[0] += len(item)
                result[key] = [f"{text} {payload(f'{where}.{n}')}" for n, text in enumerate(item)]
            else:
                result[key] = inject(item, fields, where, count)
        return result
    if isinstance(value, list):
        return [inject(item, fields, f"{place}.{n}", count) for n, item in enumerate(value)]
    return value


def published_as_given(data: Path) -> None:
    """The record of what was published (data/published/) says each claim was published as the articles' data now
    attributes it, hostile text and all, as `make published` would write it: no correction is owed."""
    given = {annotation["id"]: annotation for path in (data / "articles").glob("*.yml")
             for annotation in yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]}
    for path in (data / "published").glob("*.yml"):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        for claim in content["claims"]:
            claim.update({key: given[claim["id"]][key] for key in ("speaker", "attributed_to", "source")
                          if key in given[claim["id"]]})
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, int]:
    project = add_second_article(copy_project(tmp_path_factory.mktemp("hostile") / "project"))
    data = project / "data"
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (data / "schemas").glob("*.json")}
    fields = set().union(*(text_fields(schema) for schema in schemas.values()))
    injected = [0]
    for path in sorted(data.rglob("*.yml")):
        if path.parent.name == "published":
            continue  # written when the site is published, from the articles' data: see published_as_given
        text = path.read_text(encoding="utf-8")
        header = text.splitlines()[0]
        content = inject(yaml.safe_load(text), fields, path.relative_to(data).as_posix(), injected)
        if path.name == "actors.yml":
            content = [{**actor, "featured": True} for actor in content]
        path.write_text(header + "\n" + yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    published_as_given(data)
    site = tmp_path_factory.mktemp("hostile-site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, injected[0]


def test_every_free_text_field_was_given_hostile_text(hostile_site):
    site, injected = hostile_site
    assert injected >= 50  # the seed's data alone has far more: the walk found the fields


def test_no_hostile_text_is_markup_on_any_page(hostile_site):
    site, _ = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert pages
    leaks = []
    for path in pages:
        soup = soup_of(path)
        name = path.relative_to(site).as_posix()
        leaks += [f"{name}: <{e.name} data-leak={e['data-leak']}>" for e in soup.find_all(attrs={"data-leak": True})]
        leaks += [f"{name}: a link made from text" for a in soup.find_all("a", href="https://example.org/leak")]
        leaks += [f"{name}: <strong>" for s in soup.find_all("strong") if s.get_text() == "not bold"]
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # whole: no text ended the script early
            elif "leak(" in script.get_text():
                leaks.append(f"{name}: a script made from text")
        if soup.title is not None and soup.title.find(True) is not None:
            leaks.append(f"{name}: markup inside <title>")
    assert leaks == []


def test_no_hostile_text_is_raw_markup_in_the_search_index(hostile_site):
    site, _ = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    raw = [(doc["location"], key) for doc in index["docs"] for key in ("title", "text") if "<i data-leak" in doc[key]]
    assert raw == []



def test_hostile_provenance_reaches_the_head_as_text(hostile_site):
    """The citation tags and the JSON-LD carry an article's provenance, payload and all, as the text it is."""
    site, _ = hostile_site
    name = next((SECOND_ARTICLE / "data" / "articles").glob("*.yml")).name
    page = soup_of(site / "articles" / name.removesuffix(".yml") / "index.html")
    tags = {meta["name"]: meta["content"] for meta in page.head.find_all("meta", attrs={"name": True})}
    for tag, field in (("citation_publisher", "publisher"), ("citation_title", "headline"),
                       ("citation_author", "authors.1")):  # the last of its kind
        assert tags[tag].endswith(payload(f"articles/{name}.{field}")), tag
    [data] = [json.loads(script.string) for script in page.head.find_all("script", type="application/ld+json")]
    assert data["copyrightNotice"].endswith(payload(f"articles/{name}.rights"))
    dateline = page.select_one(".dateline").get_text()
    for field in ("publisher", "headline", "authors.1", "rights", "links.1.label"):
        assert payload(f"articles/{name}.{field}") in " ".join(dateline.split()), field
    properties = {meta["property"]: meta["content"] for meta in page.head.find_all("meta", attrs={"property": True})}
    assert properties["article:author"].endswith(payload(f"articles/{name}.authors.1"))  # the last of its kind
    assert page.head.find_all(attrs={"data-leak": True}) == []


def test_hostile_text_is_text_in_the_feed(hostile_site):
    """The feed is well-formed XML whatever the data holds, and carries its text as text (its HTML content
    escaped, as Atom's `type="html"` wants it)."""
    site, _ = hostile_site
    text = (site / "feed.xml").read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert not [element for element in root.iter() if "data-leak" in element.attrib]
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    name = next((SECOND_ARTICLE / "data" / "articles").glob("*.yml")).name
    [entry] = [entry for entry in feed.entries if entry.link.endswith(name.removesuffix(".yml") + "/")]
    assert entry.title.endswith(payload(f"articles/{name}.headline"))
    assert entry.authors[-1].name.endswith(payload(f"articles/{name}.authors.1"))
    assert entry.rights.endswith(payload(f"articles/{name}.rights"))
