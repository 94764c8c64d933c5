#!/usr/bin/env python3
"""Drive yaml-language-server (the engine of VS Code's YAML extension) over LSP on stdio, on a
freshly `masterplan init`ed project, as a new user's editor would:

1. a pokja file opened as scaffolded has no schema problems;
2. completion on a new key of a programme offers the field names it lacks (`risks`, ...);
3. completion after `lead: ` offers the project's OPD codes;
4. a misspelt key (`leed:`) is underlined;
5. hovering `lead` shows its description in the project's language.

Usage: scripts/editor-check.py [--masterplan PATH] [--server CMD]
  --masterplan  the masterplan binary (default: target/debug/masterplan, else `masterplan`)
  --server      the language server command (default: yaml-language-server --stdio)

Needs node with yaml-language-server (`npm i -g yaml-language-server`). Prints what it sent and
saw; exits 0 when every check passes, 1 when one fails, 77 when the server is not installed.
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SKIP = 77


class Server:
    def __init__(self, command):
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        self.next_id += 1
        wanted = self.next_id
        self.send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m, timeout)["result"]

    def wait(self, predicate, timeout=30):
        """The first message matching `predicate`; answers the server's own requests."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from the language server")
            message = self.messages.get(timeout=left)
            if "method" in message and "id" in message:
                # workspace/configuration and the like: answer with our settings.
                result = None
                if message["method"] == "workspace/configuration":
                    result = [SETTINGS["yaml"] for _ in message["params"]["items"]]
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                continue
            if predicate(message):
                return message

    def stop(self):
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "schemaStore": {"enable": False},
        "format": {"enable": False},
    }
}


def labels(result):
    items = result.get("items", []) if isinstance(result, dict) else (result or [])
    return [i["label"] for i in items]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--masterplan")
    parser.add_argument("--server", default="yaml-language-server --stdio")
    args = parser.parse_args()
    server_cmd = args.server.split()
    if shutil.which(server_cmd[0]) is None:
        print(f"skipped: {server_cmd[0]} is not installed (npm i -g yaml-language-server)")
        return SKIP
    repo = Path(__file__).resolve().parent.parent
    binary = args.masterplan or (
        str(repo / "target/debug/masterplan")
        if (repo / "target/debug/masterplan").exists()
        else "masterplan"
    )
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "buton"
        init = [binary, "init", str(project), "--region", "Buton", "--type", "kabupaten",
                "--province", "Sulawesi Tenggara", "--start-year", "2024"]
        print("$ " + " ".join(init))
        subprocess.run(init, check=True, stderr=subprocess.DEVNULL)
        pokja = project / "pokja" / "economy.yaml"
        text = pokja.read_text(encoding="utf-8")
        print("first line: " + text.splitlines()[0])
        codes = [line.split(":", 1)[1].strip().strip('"')
                 for line in (project / "masterplan.yaml").read_text(encoding="utf-8").splitlines()
                 if line.lstrip().startswith("- code:")]
        print("OPD codes of masterplan.yaml: " + ", ".join(codes))

        server = Server(server_cmd)
        try:
            root = project.as_uri()
            server.request("initialize", {
                "processId": os.getpid(),
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "buton"}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
            })
            server.notify("initialized", {})
            server.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
            uri = pokja.as_uri()
            version = 1

            def open_with(content):
                nonlocal version
                version += 1
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": content}],
                })
                return server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                   and m["params"]["uri"] == uri
                                   and m["params"].get("version", version) == version)["params"]

            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": version, "text": text}})
            first = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri)["params"]
            messages = [d["message"] for d in first["diagnostics"]]
            check(messages == [], f"the scaffolded pokja file has no schema problems {messages}")

            lines = text.splitlines()
            lead_line = next(i for i, l in enumerate(lines) if l.strip().startswith("lead:"))
            indent = lines[lead_line][: len(lines[lead_line]) - len(lines[lead_line].lstrip())]

            # 2. Field names: a new, empty key line inside the programme.
            edited = lines[: lead_line + 1] + [indent] + lines[lead_line + 1:]
            open_with("\n".join(edited) + "\n")
            result = server.request("textDocument/completion", {
                "textDocument": {"uri": uri},
                "position": {"line": lead_line + 1, "character": len(indent)}})
            got = labels(result)
            print("completion on a new programme key: " + ", ".join(sorted(got)))
            # The scaffold's example programme already has most keys; the editor offers the
            # ones it lacks, and not the ones it has.
            check({"risks", "depends_on"} <= set(got) and "lead" not in got and "name" not in got,
                  "the missing field names of a programme are offered")

            # 3. OPD codes after `lead: `.
            edited = list(lines)
            edited[lead_line] = indent + "lead: "
            open_with("\n".join(edited) + "\n")
            result = server.request("textDocument/completion", {
                "textDocument": {"uri": uri},
                "position": {"line": lead_line, "character": len(indent) + len("lead: ")}})
            got = labels(result)
            print("completion after `lead: `: " + ", ".join(got))
            check(set(codes) <= set(got) and len(codes) > 0, "the project's OPD codes are offered")

            # 4. A misspelt key is underlined.
            edited = list(lines)
            edited[lead_line] = lines[lead_line].replace("lead:", "leed:")
            diagnostics = open_with("\n".join(edited) + "\n")["diagnostics"]
            for d in diagnostics:
                print(f"diagnostic line {d['range']['start']['line'] + 1}: {d['message']}")
            check(any(d["range"]["start"]["line"] == lead_line and "leed" in d["message"]
                      for d in diagnostics), "the misspelt key `leed` is underlined on its line")

            # 5. Hover shows the description in the project's language.
            open_with(text)
            hover = server.request("textDocument/hover", {
                "textDocument": {"uri": uri},
                "position": {"line": lead_line, "character": len(indent) + 1}})
            contents = hover.get("contents", {}) if hover else {}
            shown = contents.get("value", "") if isinstance(contents, dict) else str(contents)
            print("hover on `lead`: " + " ".join(shown.split()))
            check("Kode OPD penanggung jawab program" in shown, "hover is in Bahasa Indonesia")
        finally:
            server.stop()
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all editor checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
