"""Every example's outputs before and after a performance change: save them once, then compare (issue 19).

    python benchmarks/compare_outputs.py save /tmp/outputs-before     # with the code before the change
    python benchmarks/compare_outputs.py check /tmp/outputs-before    # with the code after it: exit 1 on a difference

Runs, as child processes of this interpreter (`python -m salon_segment`, so PYTHONPATH picks the code), for every
example export: `analyze --format json --as-of 2026-11-20`, the same with `--clients-out` to CSV, `prune --format
json` and `inspect`, and with `--rejects-out` where rows are rejected. Outputs must be byte-identical, except that
floating-point numbers in JSON may differ by 1e-9 relative (the forecast's fitted numbers, if their numerics change).
Optional generated exports (``--extra FILE``) are compared the same way, e.g. the 100k benchmark file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"
RELATIVE = 1e-9


def cases(extra: list[Path]) -> dict[str, list[str]]:
    """Name -> salon-segment arguments (``{tmp}`` is replaced by a scratch folder)."""
    examples = ROOT / "examples"
    inputs: dict[str, list[str]] = {
        "en": [str(examples / "salon-en.csv")],
        "nl": [str(examples / "salon-nl.csv")],
        "ru": [str(examples / "salon-ru-cp1251.csv"), "--config", str(examples / "salon-ru.toml")],
        "fresha": [str(examples / "fresha-sales.csv")],
        "till": [str(examples / "till-sales.csv"), "--products", str(examples / "till-products.csv")],
        "xlsx": [str(examples / "umsatzbericht.xlsx")],
        "clientlist": [str(examples / "client-list.csv")],
        "two": [str(examples / "salon-en.csv"), str(examples / "fresha-sales.csv")],
    }
    for path in extra:
        inputs[path.stem] = [str(path)]
    out: dict[str, list[str]] = {}
    for name, args in inputs.items():
        out[f"{name}.analyze.json"] = ["analyze", *args, "--format", "json", "--as-of", AS_OF]
        out[f"{name}.analyze-clients.csv"] = [
            "analyze", *args, "--as-of", AS_OF, "--quiet", "--clients-out", "{tmp}/out", "--rejects-out", "{tmp}/rej"
        ]  # fmt: skip
        out[f"{name}.prune.json"] = ["prune", *args, "--format", "json", "--as-of", AS_OF]
        out[f"{name}.inspect.txt"] = ["inspect", *args]
    return out


def run(args: list[str]) -> str:
    """One command's outputs: stdout, exit code, and any file it wrote to the scratch folder."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = [arg.replace("{tmp}", tmp) for arg in args]
        for index, arg in enumerate(argv):
            if arg == f"{tmp}/out":
                argv[index] = f"{tmp}/clients.csv"
            elif arg == f"{tmp}/rej":
                argv[index] = f"{tmp}/rejects.csv"
        env = {**os.environ, "COLUMNS": "120", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "salon_segment", *argv], capture_output=True, text=True, env=env, cwd=tmp
        )
        parts = [f"exit {done.returncode}\n", done.stdout.replace(tmp, "{tmp}"), done.stderr.replace(tmp, "{tmp}")]
        for written in sorted(Path(tmp).iterdir()):
            if written.is_file():
                parts.append(f"\n--- {written.name}\n{written.read_text(encoding='utf-8', errors='replace')}")
        return "".join(parts)


def close(a: object, b: object) -> bool:
    """JSON values equal, floats to RELATIVE."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or math.isclose(a, b, rel_tol=RELATIVE, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def same(before: str, after: str) -> bool:
    if before == after:
        return True
    head_b, _, body_b = before.partition("\n")
    head_a, _, body_a = after.partition("\n")
    try:
        return head_a == head_b and close(json.loads(body_b), json.loads(body_a))
    except ValueError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more exports, e.g. /work/bench/100k.csv")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    differ = []
    for name, argv in cases(args.extra).items():
        output = run(argv)
        saved = args.folder / name
        if args.mode == "save":
            saved.write_text(output, encoding="utf-8")
        elif not saved.exists():
            print(f"{name}: nothing saved to compare with")
        elif not same(saved.read_text(encoding="utf-8"), output):
            differ.append(name)
            (args.folder / f"{name}.after").write_text(output, encoding="utf-8")
            print(f"{name}: DIFFERENT (see {saved}.after)")
        else:
            print(f"{name}: identical")
    if differ:
        raise SystemExit(f"{len(differ)} outputs differ: {', '.join(differ)}")


if __name__ == "__main__":
    main()
