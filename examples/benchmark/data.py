#!/usr/bin/env python3
"""Strata's data path and fixed costs, against PyTorch + h5py, alternately in one run.

Cases (medians over the repetitions; each prints its figures and its target):
  images   20,000 random 64x64x3 uint8 images in an HDF5 file (246 MB, the cat files' layout, made
           here from seed 0), a [12288, 20, 1] net, Adam, one epoch of shuffled batches of 256:
           whole process, data loading and peak RSS, against peers/images_torch.py (h5py, uint8 kept,
           scaled per batch).
  stream   200,000 such images (a 2.5 GB file) with STRATA_JAVA_OPTS=-Xmx4g, so data.cache: auto
           streams them: peak RSS, and training time per example against the in-memory 20,000.
  csv      a 1,000,000-row CSV of 64 standard-normal features (17 significant digits, 1.3 GB) and a
           class label: load rate (report.json's timing.load_seconds).
  fixed    ./strata --help, ./strata validate configs/cat-deep.yaml and a bare java -version,
           whole process, medians of 5.

    python3 examples/benchmark/data.py                 # every case (~4 min, plus making the files once)
    python3 examples/benchmark/data.py --cases images,fixed

Files are made once in examples/benchmark/target/data/ (4 GB of disk for all cases). Needs PyTorch
and h5py for /usr/bin/python3 (apt-get install python3-torch python3-h5py), pip's numpy for the
CSV, a JDK 17 and Maven for ./strata.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

import benchlib as lib

DATA = os.path.join(lib.CACHE, "data")
TORCH_PYTHON = "/usr/bin/python3"

MAKE_IMAGES = """
import sys, h5py, numpy as np
path, n = sys.argv[1], int(sys.argv[2])
rng = np.random.RandomState(0)
with h5py.File(path + '.tmp', 'w') as f:
    x = f.create_dataset('x', (n, 64, 64, 3), dtype='uint8')
    for i in range(0, n, 5000):
        k = min(5000, n - i)
        x[i:i + k] = rng.randint(0, 256, (k, 64, 64, 3), dtype=np.uint8)
    f.create_dataset('y', data=rng.randint(0, 2, n).astype(np.int64))
"""

MAKE_CSV = """
import sys, numpy as np
path, rows = sys.argv[1], int(sys.argv[2])
rng = np.random.RandomState(0)
with open(path + '.tmp', 'w') as f:
    f.write(','.join('f%d' % i for i in range(64)) + ',label\\n')
    for start in range(0, rows, 10000):
        k = min(10000, rows - start)
        block = np.column_stack([rng.randn(k, 64), rng.randint(0, 10, k)])
        np.savetxt(f, block, delimiter=',', fmt=['%.17g'] * 64 + ['%d'])
"""

IMAGES_SPEC = """name: {name}
seed: 1
data:
  format: hdf5
  train: {{path: {path}, features: x, labels: y}}
  preprocessing: {{flatten: true, scale: 255}}
model:
  layers:
    - {{units: 20, activation: relu}}
    - {{units: 1, activation: sigmoid}}
  initializer: he_normal
loss: binary_cross_entropy
optimizer: {{type: adam, learning_rate: 0.0001}}
training: {{epochs: 1, batch_size: 256, shuffle: true, print_every: 1}}
"""

CSV_SPEC = """name: csv-1m
seed: 1
data:
  format: csv
  train: {path: %s, label_column: label}
model:
  layers:
    - {units: 16, activation: relu}
    - {units: 10, activation: softmax}
loss: categorical_cross_entropy
optimizer: {type: adam, learning_rate: 0.001}
training: {epochs: 1, batch_size: 1024, shuffle: false, print_every: 1}
"""


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", default="images,stream,csv,fixed", help="comma-separated")
    p.add_argument("--reps", type=int, default=3, help="repetitions (default 3; fixed costs: 5)")
    p.add_argument("--threads", type=int, default=1, help="BLAS threads for every program (default 1)")
    p.add_argument("--torch-python", default=TORCH_PYTHON)
    return p.parse_args()


def env(threads, **extra):
    e = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        e[k] = str(threads)
    e.update(extra)
    return e


def made(path, python, code, *args):
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        print("making %s (once)..." % path, flush=True)
        done = lib.run([python, "-c", code, path] + [str(a) for a in args], cwd=lib.REPO)
        if done.code != 0:
            raise lib.BenchError("making %s failed:\n%s" % (path, done.stderr))
        os.replace(path + ".tmp", path)
    return path


def spec_file(name, text):
    path = os.path.join(DATA, name + ".yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def strata(spec, threads, java_opts=""):
    out = tempfile.mkdtemp(prefix="strata-data-")
    try:
        done = lib.run([lib.STRATA, "--threads", str(threads), "train", spec, "--quiet", "--out", out],
                       env=env(threads, STRATA_JAVA_OPTS=java_opts))
        if done.code != 0:
            raise lib.BenchError("./strata train %s failed:\n%s%s" % (spec, done.stdout, done.stderr))
        timing = lib.read_json(os.path.join(out, "report.json"))["timing"]
        return {"process": done.seconds, "rss": done.max_rss_mib, "load": timing["load_seconds"],
                "train": timing["train_seconds"]}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def torch(args, path):
    done = lib.run([args.torch_python, os.path.join(lib.HERE, "peers", "images_torch.py"), path, "--threads",
                    str(args.threads)], env=env(args.threads))
    if done.code != 0:
        raise lib.BenchError("images_torch.py failed:\n" + done.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"process": done.seconds, "rss": done.max_rss_mib, "load": result["load_seconds"],
            "train": result["train_seconds"]}


def med(results, key):
    return lib.median([r[key] for r in results])


def case_images(args, rows, state):
    path = made(os.path.join(DATA, "images-20k.h5"), args.torch_python, MAKE_IMAGES, 20000)
    spec = spec_file("images-20k", IMAGES_SPEC.format(name="images-20k", path=path))
    res = {"strata": [], "pytorch": []}
    for r in range(args.reps):
        for name in (("strata", "pytorch") if r % 2 == 0 else ("pytorch", "strata")):
            res[name].append(strata(spec, args.threads) if name == "strata" else torch(args, path))
            print("  images %-8s rep %d: %.2f s, %.0f MiB" % (name, r + 1, res[name][-1]["process"],
                                                            res[name][-1]["rss"]), flush=True)
    s, p = res["strata"], res["pytorch"]
    state["per_example"] = med(s, "train") / 20000
    rows.append(("20,000 images: data loaded, s", "%.2f" % med(s, "load"), "%.2f" % med(p, "load"), "", "<= 2",
                 med(s, "load") <= 2))
    rows.append(("20,000 images: peak RSS, MiB", "%.0f" % med(s, "rss"), "%.0f" % med(p, "rss"), "", "<= 1536",
                 med(s, "rss") <= 1536))
    ratio = med(s, "process") / med(p, "process")
    rows.append(("20,000 images: whole run, s", "%.2f" % med(s, "process"), "%.2f" % med(p, "process"),
                 "%.2fx" % ratio, "<= 1.2x", ratio <= 1.2))


def case_stream(args, rows, state):
    path = made(os.path.join(DATA, "images-200k.h5"), args.torch_python, MAKE_IMAGES, 200000)
    spec = spec_file("images-200k", IMAGES_SPEC.format(name="images-200k", path=path))
    if "per_example" not in state:
        small = spec_file("images-20k", IMAGES_SPEC.format(name="images-20k", path=made(
            os.path.join(DATA, "images-20k.h5"), args.torch_python, MAKE_IMAGES, 20000)))
        state["per_example"] = lib.median([strata(small, args.threads)["train"] for _ in range(args.reps)]) / 20000
    res = []
    for r in range(args.reps):
        res.append(strata(spec, args.threads, "-Xmx4g"))
        print("  stream rep %d: train %.2f s, %.0f MiB" % (r + 1, res[-1]["train"], res[-1]["rss"]), flush=True)
    rss = med(res, "rss")
    ratio = med(res, "train") / 200000 / state["per_example"]
    rows.append(("200,000 images, -Xmx4g: peak RSS, MiB", "%.0f" % rss, "", "", "< 6144", rss < 6144))
    rows.append(("200,000 images: train time per example vs in memory", "%.1f us" % (med(res, "train") / 200000 * 1e6),
                 "%.1f us" % (state["per_example"] * 1e6), "%.2fx" % ratio, "<= 1.3x", ratio <= 1.3))


def case_csv(args, rows, state):
    path = made(os.path.join(DATA, "rows-1m.csv"), sys.executable, MAKE_CSV, 1000000)
    spec = spec_file("csv-1m", CSV_SPEC % path)
    size = os.path.getsize(path)
    res = []
    for r in range(args.reps):
        res.append(strata(spec, args.threads, "-Xmx4g"))
        print("  csv rep %d: loaded in %.2f s" % (r + 1, res[-1]["load"]), flush=True)
    rate = size / med(res, "load") / 1e6
    rows.append(("1,000,000-row CSV (%.2f GB): load rate, MB/s" % (size / 1e9), "%.0f" % rate, "", "", ">= 100",
                 rate >= 100))


def case_fixed(args, rows, state):
    commands = {"java -version": ["java", "-version"], "./strata --help": [lib.STRATA, "--help"],
                "./strata validate configs/cat-deep.yaml": [lib.STRATA, "validate", "configs/cat-deep.yaml"]}
    times = {name: [] for name in commands}
    for r in range(5):
        for name, cmd in commands.items():
            done = lib.run(cmd)
            if done.code != 0:
                raise lib.BenchError("%s failed:\n%s" % (name, done.stderr))
            times[name].append(done.seconds)
    for name, limit in (("./strata --help", 0.5), ("./strata validate configs/cat-deep.yaml", 1.5)):
        t = lib.median(times[name])
        rows.append((name + ", s", "%.2f" % t, "java -version %.2f" % lib.median(times["java -version"]), "",
                     "<= %.1f" % limit, t <= limit))


CASES = {"images": case_images, "stream": case_stream, "csv": case_csv, "fixed": case_fixed}


def main():
    args = parse_args()
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    if any(c not in CASES for c in cases):
        print("choose cases from %s" % ", ".join(CASES), file=sys.stderr)
        return 2
    try:
        if "images" in cases or "stream" in cases:
            lib.find_python(["torch", "h5py"], args.torch_python, "for the PyTorch peer and the HDF5 files ",
                            only_preferred=True)
        print("Strata:", lib.ensure_strata_built())
        print("load average before: %.2f %.2f %.2f" % os.getloadavg(), flush=True)
        rows, state = [], {}
        for case in cases:
            CASES[case](args, rows, state)
    except lib.BenchError as e:
        print(e, file=sys.stderr)
        return 2
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    print("\n%d BLAS thread(s), medians of %d (fixed costs: 5)\n" % (args.threads, args.reps))
    header = ("case", "Strata", "peer (PyTorch + h5py)", "ratio", "target", "")
    table = [r[:5] + ("meets" if r[5] else "MISSES",) for r in rows]
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(6)]
    for row in [header] + table:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
