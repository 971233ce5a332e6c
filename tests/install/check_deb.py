#!/usr/bin/env python3
"""The Debian package as CPack builds it (cmake/Packaging.cmake): its
control fields declare the shared libraries the program needs, it holds the
program, the rules with their calendar, the templates and the manual page
under /usr, and the program unpacked from it runs from another folder.

    check_deb.py BUILD_DIR SAMPLE_DB
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def main():
    build, sample = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    with tempfile.TemporaryDirectory(prefix="dxcomply-deb-") as temp:
        temp = Path(temp)
        subprocess.run(["cpack", "--config", str(build / "CPackConfig.cmake"), "-B",
                        str(temp / "package")], check=True, stdout=subprocess.DEVNULL)
        debs = list((temp / "package").glob("dxcomply_*.deb"))
        check(len(debs) == 1, "cpack made one dxcomply_*.deb")
        if not debs:
            return 1
        deb = str(debs[0])
        info = subprocess.run(["dpkg-deb", "-I", deb], capture_output=True, text=True,
                              check=True).stdout
        fields = dict(re.findall(r"^ (\w[\w-]*): (.*)$", info, re.MULTILINE))
        check(fields.get("Package") == "dxcomply", "Package: dxcomply")
        check(re.fullmatch(r"\d+\.\d+\.\d+", fields.get("Version", "")) is not None,
              f"Version: {fields.get('Version')}")
        depends = [d.split()[0] for d in fields.get("Depends", "").split(", ") if d]
        for library in ["libc6", "libstdc++6", "libsqlite3-0", "libyaml-cpp0.7",
                        "libxlsxwriter4"]:
            check(library in depends, f"Depends names {library}")
        check(any(d.startswith("libspdlog1") for d in depends), "Depends names libspdlog")
        check(fields.get("Maintainer", "") != "", "Maintainer is set")

        contents = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True,
                                  check=True).stdout
        paths = {line.split()[-1] for line in contents.splitlines()}
        for path in ["./usr/bin/dxcomply", "./usr/share/dxcomply/rules/tables.yaml",
                     "./usr/share/dxcomply/rules/calendar/2025.yaml",
                     "./usr/share/dxcomply/templates/reminder.md.mustache",
                     "./usr/share/dxcomply/templates/reminder.html.mustache",
                     "./usr/share/man/man1/dxcomply.1.gz",
                     "./usr/share/man/vi/man1/dxcomply.1.gz"]:
            check(path in paths, f"the package holds {path}")
        check(not any("/build/" in p or p.startswith("./usr/local") for p in paths),
              "nothing from the build tree or /usr/local")

        root = temp / "root"
        subprocess.run(["dpkg-deb", "-x", deb, str(root)], check=True)
        elsewhere = temp / "elsewhere"
        elsewhere.mkdir()
        report = subprocess.run([str(root / "usr" / "bin" / "dxcomply"), "report", "--db",
                                 str(sample), "--as-of", "2022-11-01"], cwd=elsewhere,
                                capture_output=True, text=True)
        from_build = subprocess.run([str(build / "src" / "dxcomply"), "report", "--db",
                                     str(sample), "--as-of", "2022-11-01"], cwd=elsewhere,
                                    capture_output=True, text=True)
        check(report.returncode == 0 and "QUÁ HẠN (" in report.stdout
              and report.stdout == from_build.stdout,
              "the unpacked program reports on the sample with its own rules")
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
