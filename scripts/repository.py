"""What the test scripts (browser-check, print-check, kill-test) share: where the
repository is, and the handout binary they drive."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def handout_binary():
    """$HANDOUT, else the debug build (built first when missing), as an absolute path."""
    binary = os.environ.get("HANDOUT", os.path.join(ROOT, ".build/debug/handout"))
    if not os.path.exists(binary):
        subprocess.run(["swift", "build"], check=True, cwd=ROOT)
    return os.path.abspath(binary)
