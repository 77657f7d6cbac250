"""The offline edition offered on the site: a link to its zip, with the zip's size and date.

A page asks for the offer with a line `<!-- offline-download -->`. `make build` makes the zip first
and names it in mkdocs.yml's `extra.offline_zip` (from OFFLINE_ZIP); the build then publishes it at
the site's root and the line becomes the link. Without a zip (`make serve`, the offline edition
itself) the line is taken out and nothing is offered.
"""

from __future__ import annotations

import datetime
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from annotated_article.render.attribution import format_date

PLACEHOLDER = "<!-- offline-download -->"


@dataclass(frozen=True)
class OfflineZip:
    path: Path
    size: int
    date: datetime.date  # the date of its entries: the edition's date, the same on every build of a commit
    index: str  # the page to open once unzipped, e.g. `annotated-articles/index.html`

    @classmethod
    def read(cls, path: Path) -> OfflineZip:
        """The zip at `path`. Raises ValueError if it is missing or is not the offline edition's zip."""
        try:
            with zipfile.ZipFile(path) as archive:
                entries = archive.infolist()
        except (OSError, zipfile.BadZipFile) as error:
            raise ValueError(f"`{path}` is not a readable zip ({error}): run `make offline` to make it") from None
        index = next((entry.filename for entry in entries if entry.filename.count("/") == 1
                      and entry.filename.endswith("/index.html")), None)
        if index is None:
            raise ValueError(f"`{path}` holds no FOLDER/index.html: it is not the offline edition")
        return cls(path, path.stat().st_size, max(datetime.date(*entry.date_time[:3]) for entry in entries), index)

    def offer(self, page: str) -> str:
        """The offer as Markdown, for the page whose source is `page` (inside docs/)."""
        link = posixpath.relpath(self.path.name, posixpath.dirname(page) or ".")
        return (f"[Download for offline reading]({link}){{ download }} (zip, {_size(self.size)}, built "
                f"{format_date(self.date.isoformat())}): unzip it and open `{self.index}` to read every page, "
                "with its footnotes and search, without a connection.")


def fill(markdown: str, page: str, offline: OfflineZip | None) -> str:
    """`markdown` with its offer line made the offer, or taken out when there is no zip."""
    if PLACEHOLDER not in markdown:
        return markdown
    return markdown.replace(PLACEHOLDER, offline.offer(page) if offline else "")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"
