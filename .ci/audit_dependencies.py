"""Audit the locked Python dependencies for known vulnerabilities with pip-audit.

Fails on any known vulnerability not listed in REVIEWED. When the vulnerability service cannot be
reached from this machine (pip-audit then skips every package), says so plainly instead of passing
as if the audit had run.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Vulnerability ids we have reviewed and accept, each with the reason.
REVIEWED = {}


def locked_requirements(directory):
    requirements = Path(directory) / "requirements.txt"
    exported = subprocess.run(
        # The Makefile passes the uv it installed (var/tools/bin/uv when uv is not on the PATH).
        [
            os.environ.get("UV", "uv"),
            "export",
            "--frozen",
            "--format",
            "requirements-txt",
            "--no-hashes",
            "--no-emit-project",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    requirements.write_text(exported.stdout)
    return requirements


def audit(requirements, directory):
    report = Path(directory) / "audit.json"
    subprocess.run(
        [
            Path(sys.executable).parent / "pip-audit",
            "--requirement",
            str(requirements),
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--output",
            str(report),
        ],  # fmt: skip
        check=False,
        capture_output=True,
    )
    return json.loads(report.read_text())["dependencies"]


def main():
    with tempfile.TemporaryDirectory() as directory:
        dependencies = audit(locked_requirements(directory), directory)
    audited = [dependency for dependency in dependencies if "skip_reason" not in dependency]
    if not audited:
        print(
            f"pip-audit: the vulnerability service is unreachable from this machine, so none of the "
            f"{len(dependencies)} locked packages could be audited. Run `make audit` where pypi.org's "
            f"JSON API or api.osv.dev is reachable."
        )
        return 0
    findings = [
        (dependency["name"], dependency["version"], vulnerability["id"])
        for dependency in audited
        for vulnerability in dependency.get("vulns", [])
        if vulnerability["id"] not in REVIEWED
    ]
    for name, version, vulnerability in findings:
        print(f"{name} {version}: {vulnerability}")
    skipped = len(dependencies) - len(audited)
    print(f"pip-audit: {len(audited)} packages audited, {skipped} skipped, {len(findings)} unreviewed findings.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
