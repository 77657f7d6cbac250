"""What every finished page gets, in both editions: a Content Security Policy, and valid HTML.

The policy is a `<meta http-equiv>` (static hosts such as GitHub Pages set no headers): scripts
and styles only from the site itself, plus the page's own inline scripts by the SHA-256 of their
text, computed here from the page as written. So text that reached a page as markup still could
not run, and nothing is loaded from elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'self'; form-action 'none'")
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
#: Script types a browser does not run (data blocks such as JSON-LD): the policy needs no hash for them.
_DATA_BLOCK = re.compile(r"""\btype=["']?application/(ld\+)?json""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
#: The theme's markup that the Nu Html Checker refuses: `autocomplete` on check boxes (it only applies to
#: fields a browser fills in), and Safari's `autocorrect`, which no HTML standard defines.
_INPUT = re.compile(r"<input\b[^>]*>")
#: The table of contents' title is a label for the check box that folds it, which the theme only
#: writes on pages listed in the navigation.
_TOC_LABEL = re.compile(r'(<label\b[^>]*?) for="__toc"')


def finished(html: str, policy: bool = True, content: str = "") -> str:
    """`html` (a whole page) made valid, with its policy first in its head (unless not `policy`). The
    inline scripts of `content` (the page's own part, from Markdown and data) are not allowed: only the
    theme's around it run."""
    html = _INPUT.sub(_valid_input, html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return with_policy(html, _inline_scripts(content)) if policy else html


def _valid_input(match: re.Match) -> str:
    tag = match.group().replace(' autocorrect="off"', "")
    return tag.replace(' autocomplete="off"', "") if 'type="checkbox"' in tag else tag


def _inline_scripts(html: str) -> set[str]:
    return {body for attributes, body in _INLINE_SCRIPT.findall(html) if not _DATA_BLOCK.search(attributes)}


def with_policy(html: str, refused: frozenset[str] | set[str] = frozenset()) -> str:
    hashes = sorted(_hash(body) for body in _inline_scripts(html) - refused)
    meta = (f'<meta http-equiv="Content-Security-Policy" '
            f'content="{POLICY.format(hashes="".join(" " + value for value in hashes))}">')
    charset = _CHARSET.search(html)
    position = charset.end() if charset else html.lower().index("<head>") + len("<head>")
    return html[:position] + meta + html[position:]


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
