"""What bench.py and scaling.py share: finding a suitable python, the cat data as .npy, running
a process while measuring its wall time and peak memory, and the flop count of a network."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
STRATA = os.path.join(REPO, "strata")
CAT_DATA = os.path.join(REPO, "examples", "data", "catvnoncat")
CACHE = os.path.join(HERE, "target")

INSTALL_HINT = {
    "numpy": "pip install numpy (its wheel bundles a fast OpenBLAS; Debian's python3-numpy links the slow\n"
             "  reference BLAS, fine for converting data, not for timing)",
    "h5py": "apt-get install python3-numpy python3-h5py (Debian/Ubuntu: /usr/bin/python3 then has both)\n"
            "  or pip install h5py",
}


class BenchError(Exception):
    """A problem the user can fix; the message says how."""


def python_candidates(preferred=None):
    names = [preferred, sys.executable, shutil.which("python3"), "/usr/bin/python3"]
    seen, out = set(), []
    for name in names:
        if name and os.path.exists(name):
            real = os.path.realpath(name)
            if real not in seen:
                seen.add(real)
                out.append(name)
    return out


def has_modules(python, modules):
    code = "import " + ", ".join(modules)
    return subprocess.run([python, "-c", code], capture_output=True).returncode == 0


def find_python(modules, preferred=None, purpose="", only_preferred=False):
    """The first python that imports modules: preferred, this one, python3 on PATH, /usr/bin/python3."""
    candidates = [preferred] if only_preferred else python_candidates(preferred)
    for python in candidates:
        if has_modules(python, modules):
            return python
    missing = [m for m in modules if not any(has_modules(p, [m]) for p in candidates)]
    raise BenchError("no python with %s found %s(tried %s).\nInstall:\n%s" % (
        " and ".join(modules), purpose, ", ".join(candidates),
        "\n".join("  " + INSTALL_HINT[m] for m in missing if m in INSTALL_HINT)))


EXPORT = """
import sys, h5py, numpy as np
src, out = sys.argv[1], sys.argv[2]
for split in ("train", "test"):
    with h5py.File("%s/%s_catvnoncat.h5" % (src, split), "r") as f:
        np.save("%s/%s_x.npy" % (out, split), f[split + "_set_x"][:])
        np.save("%s/%s_y.npy" % (out, split), f[split + "_set_y"][:])
"""


def cat_npy(h5_python_hint=None):
    """The cat data as .npy files (written once into target/cat-npy from the .h5 files with h5py)."""
    out = os.path.join(CACHE, "cat-npy")
    names = [os.path.join(out, n + ".npy") for n in ("train_x", "train_y", "test_x", "test_y")]
    if all(os.path.exists(n) for n in names):
        return out
    python = find_python(["numpy", "h5py"], h5_python_hint,
                         "to convert examples/data/catvnoncat/*.h5 to .npy once ")
    os.makedirs(out, exist_ok=True)
    subprocess.run([python, "-c", EXPORT, CAT_DATA, out], check=True)
    return out


class Finished:
    """A finished process: exit code, output, wall seconds and peak resident memory."""

    def __init__(self, code, stdout, stderr, seconds, max_rss_mib):
        self.code, self.stdout, self.stderr = code, stdout, stderr
        self.seconds, self.max_rss_mib = seconds, max_rss_mib


def run(cmd, env=None, cwd=REPO):
    """Runs cmd, timing it from fork to exit; peak RSS comes from wait4's rusage of that child
    (./strata execs java, so it is the JVM's own peak)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(proc.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                        seconds, usage.ru_maxrss / 1024.0)


def ensure_strata_built():
    """Builds Strata now (./strata builds when stale) so that no timed run includes a build."""
    if not os.access(STRATA, os.X_OK):
        raise BenchError("%s not found: run the benchmark from a Strata checkout" % STRATA)
    done = run([STRATA, "--version"])
    if done.code != 0:
        raise BenchError("./strata --version failed:\n" + done.stdout + done.stderr)
    return done.stdout.strip()


def read_json(path):
    with open(path) as f:
        return json.load(f)


def gemm_flops(layers, examples):
    """Flops of the matrix products of one full-batch iteration (2 flops per multiply-add):
    forward W.A for every layer, backward dW = dZ.A_prev^T for every layer and
    dA_prev = W^T.dZ for layers 2..L (layer 1's is never needed). Element-wise work, the bias
    sums and the update are not counted (under 1% here)."""
    forward = sum(2 * layers[l] * layers[l - 1] * examples for l in range(1, len(layers)))
    d_w = forward
    d_a_prev = sum(2 * layers[l] * layers[l - 1] * examples for l in range(2, len(layers)))
    return forward + d_w + d_a_prev


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])
