"""Fuzzes Harbour's JSON API from its own /openapi.json with schemathesis.

Signs in as the administrator, creates a worker, and runs schemathesis once as each (their
session cookie and CSRF token on every request), so both the staff and the administration
routes are reached past the role check. Every response must be a documented status with the
documented media type and shape, and never a 5xx.

Usage: fuzz.py BASE_URL ADMIN_PASSWORD
Environment: HARBOUR_FUZZ_EXAMPLES (default 12), HARBOUR_FUZZ_SECONDS per session (default 120).
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request

BASE, ADMIN_PASSWORD = sys.argv[1], sys.argv[2]
EXAMPLES = os.environ.get("HARBOUR_FUZZ_EXAMPLES", "12")
SECONDS = os.environ.get("HARBOUR_FUZZ_SECONDS", "120")
WORKER_PASSWORD = "fuzz-the-harbour-2026"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def call(method, path, body=None, session=None):
    request = urllib.request.Request(BASE + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if session:
        request.add_header("Cookie", session["cookie"])
        request.add_header("X-CSRF-Token", session["csrf"])
    with urllib.request.urlopen(request, timeout=30) as response:
        cookie = response.headers.get("Set-Cookie", "").split(";")[0]
        return json.loads(response.read() or b"null"), cookie


def sign_in(username, password):
    answer, cookie = call("POST", "/api/session", {"username": username, "password": password})
    return {"cookie": cookie, "csrf": answer["csrfToken"]}


def fuzz(name, session):
    command = [
        os.path.join(os.path.dirname(sys.executable), "schemathesis"), "run", f"{BASE}/openapi.json",
        "--checks", CHECKS, "--include-tag", "api",
        # Signing out (the only DELETE) would end the session the rest of the run uses.
        "--exclude-method", "DELETE",
        "--max-examples", EXAMPLES, "--max-time", SECONDS, "--workers", "2", "--seed", "7",
        "--phases", "examples,coverage,fuzzing", "--request-timeout", "30", "--no-color",
        "--header", f"Cookie: {session['cookie']}", "--header", f"X-CSRF-Token: {session['csrf']}",
    ]
    print(f"fuzz: as {name}: {' '.join(command[:3])} ...", flush=True)
    # Schemathesis keeps its example database and reports in its working folder: a scratch one.
    with tempfile.TemporaryDirectory(prefix="harbour-fuzz-") as scratch:
        return subprocess.run(command, cwd=scratch).returncode


def main():
    admin = sign_in("admin", ADMIN_PASSWORD)
    call("POST", "/api/users", {"userId": "u-fuzz", "username": "fuzz", "displayName": "Fuzz Worker", "roles": ["worker", "supervisor"]}, admin)
    call("POST", "/api/users/u-fuzz/password", {"password": WORKER_PASSWORD}, admin)
    worker = sign_in("fuzz", WORKER_PASSWORD)
    failures = [name for name, session in (("the worker", worker), ("the administrator", admin)) if fuzz(name, session) != 0]
    if failures:
        raise SystemExit(f"fuzz: schemathesis found problems as {', '.join(failures)}")
    print("fuzz: no 5xx, every response as documented")


if __name__ == "__main__":
    main()
