"""The GitHub Actions workflows: linted by actionlint (with shellcheck on their scripts), and doing their job."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, VENV

WORKFLOWS = PROJECT / ".github" / "workflows"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV / "bin" / "actionlint"), "-no-color", f"-shellcheck={VENV / 'bin' / 'shellcheck'}", "-pyflakes=",
         *map(str, files)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
    )


def workflow(name: str) -> dict:
    # BaseLoader keeps `on:` a key (YAML 1.1 would read it as true) and every value as written.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_both_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["deploy.yml", "pull-request.yml"]
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("old, new, expected", [
    ("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest", 'unexpected key "runs-onn"'),
    ("run: make check", "run: echo $GITHUB_REF_NAME; make check", "SC2086"),
    ("run: make check", 'run: echo "${{ github.event.pull_request.title }}"', "potentially untrusted"),
])
def test_actionlint_would_catch_a_broken_workflow(tmp_path, old, new, expected):
    broken = tmp_path / ".github" / "workflows" / "pull-request.yml"
    broken.parent.mkdir(parents=True)
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and expected in result.stdout, result.stdout + result.stderr


def test_pull_requests_run_make_check_then_the_tests():
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow["on"]
    (job,) = flow["jobs"].values()
    commands = runs(job)
    check = commands.index("make check")
    tests = commands.index(".ci/run")
    assert check < tests
    assert job["steps"][tests]["if"] == "${{ !cancelled() }}"  # the tests run even when the data check failed


def test_main_is_built_and_deployed_to_github_pages():
    flow = workflow("deploy.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "make build" in runs(build)
    upload = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_pull_requests_say_what_the_data_changes_in_the_job_summary():
    (job,) = workflow("pull-request.yml")["jobs"].values()
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"  # the base of the pull request is there to compare with
    (step,) = [step for step in job["steps"] if "make --no-print-directory changes" in step.get("run", "")]
    assert step["run"] == 'make --no-print-directory changes >> "$GITHUB_STEP_SUMMARY"'  # BASE in the environment
    assert "github.event.pull_request.base.sha" in step["env"]["BASE"]
    assert step["if"] == "${{ !cancelled() }}"


def test_pull_requests_check_that_every_address_recorded_at_their_base_is_kept():
    (job,) = workflow("pull-request.yml")["jobs"].values()
    (step,) = [step for step in job["steps"] if step.get("run") == "make check"]
    assert "github.event.pull_request.base.sha" in step["env"]["BASE"]  # the Makefile hands it to the check
    assert re.search(r"^check: export CHECK_BASE := .*\$\(value BASE\)", (PROJECT / "Makefile").read_text(),
                     re.MULTILINE)


def test_the_site_is_built_for_the_address_github_pages_gives_it():
    build = workflow("deploy.yml")["jobs"]["build"]
    steps = build["steps"]
    (pages,) = [step for step in steps if step.get("uses", "").startswith("actions/configure-pages@")]
    (make_build,) = [step for step in steps if step.get("run") == "make build"]
    assert steps.index(pages) < steps.index(make_build)
    assert make_build["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
    assert build["permissions"]["pages"] == "read"


def test_pull_requests_attach_the_built_site_and_the_offline_zip():
    (job,) = workflow("pull-request.yml")["jobs"].values()
    steps = job["steps"]
    (build,) = [step for step in steps if step.get("run") == "make build"]
    assert steps.index(build) > runs(job).index(".ci/run")
    uploads = {step["with"]["path"]: step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")}
    offline_zip = re.search(r"^OFFLINE_EDITION := (\S+)$", (PROJECT / "Makefile").read_text(), re.MULTILINE).group(1)
    assert set(uploads) == {"site/", offline_zip}
    for upload in uploads.values():
        assert upload["if"] == "${{ !cancelled() && steps.%s.outcome == 'success' }}" % build["id"]
        assert upload["with"]["if-no-files-found"] == "error"
    assert uploads[offline_zip]["with"]["archive"] == "false"  # the reviewer downloads the zip itself


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    used = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        used += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(used) >= 5
    pinned = re.compile(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+")
    assert [line for line in used if not pinned.fullmatch(line)] == []


def test_dependency_updates_are_proposed_for_both_pin_files_and_the_actions():
    config = json.loads((PROJECT / ".github" / "renovate.json").read_text(encoding="utf-8"))
    assert {"pep621", "pip_requirements", "github-actions"} <= set(config["enabledManagers"])
    patterns = [re.compile(pattern.strip("/")) for pattern in config["pip_requirements"]["managerFilePatterns"]]
    assert any(pattern.search("requirements.lock") for pattern in patterns)
    assert (PROJECT / "requirements.lock").is_file() and (PROJECT / "pyproject.toml").is_file()


def test_every_deploy_records_the_addresses_it_published_and_commits_them():
    jobs = workflow("deploy.yml")["jobs"]
    record = jobs["record-addresses"]
    assert record["needs"] == "deploy" and record["permissions"] == {"contents": "write"}
    script = "\n".join(step.get("run", "") for step in record["steps"])
    assert "make addresses" in script and "git push origin HEAD:main" in script
    assert script.index("make addresses") < script.index("git commit")
