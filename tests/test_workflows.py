"""The GitHub Actions workflows: linted by actionlint (with shellcheck on their scripts), and doing their job."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import hash_lock
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


def test_every_deploy_records_the_addresses_it_published_and_a_job_that_runs_git_alone_commits_them():
    """The job that runs the project's code, and the packages it installs, holds a token that can only read; the
    job that can write to main installs and runs nothing but git on the patch, and only from main."""
    jobs = workflow("deploy.yml")["jobs"]
    record, commit = jobs["record-addresses"], jobs["commit-addresses"]
    assert record["needs"] == "deploy" and commit["needs"] == "record-addresses"
    assert record["if"] == commit["if"] == "github.ref == 'refs/heads/main'"  # never a dispatch from another branch
    assert record["permissions"] == {"contents": "read"} and commit["permissions"] == {"contents": "write"}
    (checkout,) = [step for step in record["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] == "false"
    assert "make addresses" in "\n".join(runs(record)) and "github.token" not in json.dumps(record)
    assert "make published" in "\n".join(runs(record))
    assert not [step for step in commit["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    (script,) = [step["run"] for step in commit["steps"] if "run" in step]
    assert not re.search(r"\b(make|pip|python3?)\b", script)
    assert [step for step in commit["steps"] if "github.token" in json.dumps(step.get("env", {}))] == [
        step for step in commit["steps"] if "run" in step]


COMMIT_STEP_ENV = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_SHA": "0" * 40, "TOKEN": "not-a-token"}


def commit_addresses(tmp_path: Path, patch: str) -> tuple[subprocess.CompletedProcess, Path]:
    """The commit job's script, run on `patch` against a repository made here (its `main` holds the project's
    data/addresses/), as the job runs it; and that repository."""
    origin = tmp_path / "origin.git"
    work = tmp_path / "work"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "--quiet", "--initial-branch=main", str(work)], check=True)
    shutil.copytree(PROJECT / "data" / "addresses", work / "data" / "addresses")
    (work / "Makefile").write_text("all:\n", encoding="utf-8")
    subprocess.run([*git, "-C", str(work), "add", "--all"], check=True)
    subprocess.run([*git, "-C", str(work), "commit", "--quiet", "-m", "main"], check=True)
    subprocess.run(["git", "clone", "--quiet", "--bare", str(work), str(origin)], check=True)
    temp = tmp_path / "runner-temp"
    (temp / "addresses").mkdir(parents=True)
    (temp / "addresses" / "addresses.patch").write_text(patch, encoding="utf-8")
    (script,) = [step["run"] for step in workflow("deploy.yml")["jobs"]["commit-addresses"]["steps"] if "run" in step]
    job = tmp_path / "job"
    job.mkdir()
    result = subprocess.run(["bash", "-e", "-c", script], cwd=job, capture_output=True, text=True, timeout=60, env={
        **os.environ, **COMMIT_STEP_ENV, "RUNNER_TEMP": str(temp), "REPOSITORY": str(origin)})
    return result, origin


def a_patch(path: str) -> str:
    return (f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n"
            f"+++ b/{path}\n@@ -0,0 +1 @@\n+article: articles/x.md\n")


def commits_on_main(origin: Path) -> list[str]:
    return subprocess.run(["git", "-C", str(origin), "log", "--format=%s", "main"], capture_output=True, text=True,
                          check=True).stdout.splitlines()


@pytest.mark.parametrize("path", ["data/addresses/x.yml", "data/published/x.yml"])
def test_the_commit_job_pushes_one_commit_of_the_recorded_files_onto_main(tmp_path, path):
    result, origin = commit_addresses(tmp_path, a_patch(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert commits_on_main(origin) == [f"Record the addresses and claims published from {'0' * 40}", "main"]
    changed = subprocess.run(["git", "-C", str(origin), "show", "--name-only", "--format=", "main"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert changed == [path]


@pytest.mark.parametrize("path", ["Makefile", "data/addresses/../../Makefile", "data/addresses/x.yml.sh",
                                  "data/published/../../Makefile", "data/articles/x.yml", ".github/workflows/deploy.yml"])
def test_the_commit_job_refuses_a_patch_that_touches_anything_else(tmp_path, path):
    result, origin = commit_addresses(tmp_path, a_patch(path))
    assert result.returncode != 0 and "changes files outside data/addresses/" in result.stdout
    assert commits_on_main(origin) == ["main"]


def test_the_commit_job_does_nothing_when_no_address_is_new(tmp_path):
    result, origin = commit_addresses(tmp_path, "")
    assert result.returncode == 0 and "No new address was published." in result.stdout
    assert commits_on_main(origin) == ["main"]


def test_the_workflows_install_every_package_with_the_hash_of_its_file():
    """make installs from LOCK: the workflows give requirements-ci.lock, requirements.lock's pins each with the hash
    of its file (tools/hash_lock.py), so pip checks every file it installs."""
    for name in ("deploy.yml", "pull-request.yml"):
        assert workflow(name)["env"]["LOCK"] == "requirements-ci.lock", name
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK ?= requirements.lock" in makefile and "-r $(LOCK)" in makefile
    plain = hash_lock.pins((PROJECT / "requirements.lock").read_text(encoding="utf-8"))
    hashed = (PROJECT / "requirements-ci.lock").read_text(encoding="utf-8")
    assert hash_lock.pins(hashed.replace("\\\n", "")) == plain
    entries = hashed.replace("\\\n", "").splitlines()
    pinned = [line for line in entries if line and not line.startswith("#")]
    assert len(pinned) == len(plain) and all(re.search(r" --hash=sha256:[0-9a-f]{64}$", line) for line in pinned)
