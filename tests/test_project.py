"""The repository itself: verbatim seeds, pinned dependencies, the commands README promises, the workflow."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

SEED_SHA256 = {
    "000_231aad93862a9ce3.txt": "ec4d08a7c70879ca6e177f113be4ddded9d4aa8637e43526de339484e403ab33",
    "001_5136c81e1a320945.txt": "89766e4c264656f9cdc29ead5f0bbecff70a65028bbb2c3684374bc0af84fd8e",
    "002_c2486b4e052c9345.txt": "4efec7b8189daeb86748d7b9f9972d3a0b81e5f04dd2104e3e818827a0b798b6",
    "003_c4a6e7acb6afb95f.txt": "b6adc6570816fedaffdb2bb7b1ec1a1b3054635d0a6d5f09a205aa452fccf321",
    "004_db9e5c3568965ac3.txt": "e72d5e0682b358d301bf5309a54aae0c527f1ea42763c5f97c09694ff5aa00f3",
}


def test_seeds_are_the_received_files_byte_for_byte() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").glob("*.txt")}
    assert found == SEED_SHA256


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned with =="
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_direct_dependency_is_pinned_and_locked_at_the_same_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + [
        d for group in project["optional-dependencies"].values() for d in group
    ]
    lock = _lock()
    for spec in declared:
        name, sep, version = spec.partition("==")
        assert sep, f"pyproject.toml: {spec!r} must pin an exact version"
        assert lock.get(name.lower()) == version, (
            f"{name}: pyproject {version} vs lock {lock.get(name.lower())}"
        )


def test_stack_versions_are_the_decided_ones() -> None:
    lock = _lock()
    assert lock["mkdocs"] == "1.6.1"
    assert lock["mkdocs-material"] == "9.8.1"
    assert lock["mkdocs-static-i18n"] == "1.3.1"
    assert lock["pymdown-extensions"] == "13.1"
    assert lock["jieba"] == "0.42.1"


def test_readme_shows_the_commands_and_ci_runs_the_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in ("make serve", "make test", "make build", "make bench"):
        assert command in readme
    run = [
        line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")
    ]
    assert run[-1] == "make test"
    makefile = (ROOT / "Makefile").read_text()
    for target in ("serve:", "build:", "test:", "bench:"):
        assert re.search(rf"^{target}", makefile, re.M), target


def test_pages_workflow_is_least_privilege_and_pinned() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["group"] == "pages"
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"
    runs = [s.get("run", "") for s in jobs["build"]["steps"]]
    assert any(r.strip() == "make test" for r in runs) and any(r.strip() == "make build" for r in runs)
    uses = [s["uses"] for job in jobs.values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in uses} >= {"actions/upload-pages-artifact", "actions/deploy-pages"}
    for u in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u), f"{u} is not pinned to a full commit SHA"
    cache = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert "hashFiles('requirements.lock')" in cache["with"]["key"]


def test_the_search_worker_override_is_the_vendor_file_with_one_fix() -> None:
    import material

    vendor_dir = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    [override] = (ROOT / "overrides" / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    vendor = (vendor_dir / override.name).read_text(encoding="utf-8")
    fix = ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e")
    assert vendor.count(fix[0]) == 1
    assert override.read_text(encoding="utf-8") == vendor.replace(*fix)
