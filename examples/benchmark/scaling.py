#!/usr/bin/env python3
"""Does Strata's time per example stay flat as the training set grows?

Trains configs/cat-deep.yaml's network on synthetic data of the same width (64x64x3 = 12288
features, random pixels and labels) with 209, 2000 and 20,000 examples, and reports the training
time per example-iteration, its ratio to the 209-example figure (target: within 1.3x) and the
peak resident memory of the Strata process (from wait4's rusage: the JVM's own peak, heap and
native arrays together).

    python3 examples/benchmark/scaling.py [--sizes 209,2000,20000] [--dtype float64] [--input-gram never]

By default the runs set training.input_gram=never: the direct engine, whose work per iteration is
linear in the number of examples. With --input-gram auto, sizes where the first layer's Gram form
pays take it (its work grows as examples^2 but is chosen only where it is at least half the
direct work), so small sizes get faster than linear, and the ratio shows that instead.

The fixtures are HDF5 files written once into examples/benchmark/target/scaling/ with h5py;
when this python has no h5py, the script re-runs itself with one that has (e.g. Debian's
/usr/bin/python3 after apt-get install python3-numpy python3-h5py). 20,000 examples take
245 MB on disk and about 2 GB as float64 in memory. Exit code 1 when a ratio exceeds --target.
"""
import argparse
import math
import os
import shutil
import sys
import tempfile

import benchlib as lib

TEST_EXAMPLES = 50


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="209,2000,20000", help="training set sizes; the first is the baseline")
    p.add_argument("--iterations", type=int, default=20, help="iterations per size, at least (default 20)")
    p.add_argument("--min-work", type=int, default=40000,
                   help="at least this many example-iterations per size, so small sizes are not timed on a "
                        "handful of cold iterations (default 40000: 192 iterations at 209)")
    p.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    p.add_argument("--target", type=float, default=1.3, help="largest acceptable ratio (default 1.3)")
    p.add_argument("--config", default=os.path.join(lib.REPO, "configs", "cat-deep.yaml"))
    p.add_argument("--input-gram", choices=("never", "auto"), default="never",
                   help="training.input_gram for every run (default never: the direct engine)")
    args = p.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    return args


def fixture(examples):
    """train_set_x uint8 (examples, 64, 64, 3) with random pixels, random 0/1 labels, a test split."""
    import h5py
    import numpy as np
    folder = os.path.join(lib.CACHE, "scaling")
    path = os.path.join(folder, "synthetic-%d.h5" % examples)
    if os.path.exists(path):
        return path
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(examples)
    partial = path + ".part"
    with h5py.File(partial, "w") as f:
        f["train_set_x"] = rng.integers(0, 256, size=(examples, 64, 64, 3), dtype=np.uint8)
        f["train_set_y"] = rng.integers(0, 2, size=examples, dtype=np.int64)
        f["test_set_x"] = rng.integers(0, 256, size=(TEST_EXAMPLES, 64, 64, 3), dtype=np.uint8)
        f["test_set_y"] = rng.integers(0, 2, size=TEST_EXAMPLES, dtype=np.int64)
        f["list_classes"] = np.array([b"non-cat", b"cat"])
    os.replace(partial, path)
    return path


def train(config, data, examples, iterations, dtype, input_gram):
    out = tempfile.mkdtemp(prefix="strata-scaling-")
    try:
        done = lib.run([lib.STRATA, "train", config, "--quiet", "--out", out, "--set", "dtype=" + dtype,
                        "--set", "training.iterations=%d" % iterations,
                        "--set", "training.print_every=%d" % iterations,
                        "--set", "data.train.path=" + data, "--set", "data.test.path=" + data,
                        "--set", "data.class_names.path=" + data, "--set", "training.input_gram=" + input_gram])
        if done.code != 0:
            raise lib.BenchError("./strata train failed on %d examples (exit %d):\n%s%s\n(for large sizes, more "
                                 "memory: STRATA_JAVA_OPTS=-Xmx8g)" % (examples, done.code, done.stdout, done.stderr))
        report = lib.read_json(os.path.join(out, "report.json"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return report["timing"]["train_seconds"], done.seconds, done.max_rss_mib, report["timing"].get("first_layer")


def main():
    args = parse_args()
    try:
        import h5py  # noqa: F401
    except ImportError:
        try:
            python = lib.find_python(["numpy", "h5py"], purpose="to write the HDF5 fixtures ")
        except lib.BenchError as e:
            print("error: %s" % e, file=sys.stderr)
            return 2
        if os.path.realpath(python) == os.path.realpath(sys.executable):
            print("error: h5py is importable by %s but not here" % python, file=sys.stderr)
            return 2
        os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])
    try:
        lib.ensure_strata_built()
        rows = []
        for examples in args.sizes:
            data = fixture(examples)
            iterations = max(args.iterations, math.ceil(args.min_work / examples))
            seconds, process, rss, form = train(args.config, data, examples, iterations, args.dtype, args.input_gram)
            per = seconds / (iterations * examples) * 1e6
            rows.append((examples, iterations, seconds, per, process, rss))
            print("  %6d examples x %4d iterations: train %.3f s, %.3f us per example-iteration, peak RSS %.0f MiB"
                  " (first layer: %s)" % (examples, iterations, seconds, per, rss, form), flush=True)
    except lib.BenchError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    base = rows[0][3]
    print()
    print("%8s %10s %9s %12s %8s %10s %9s" % ("examples", "iterations", "train s", "us/ex-iter", "ratio",
                                              "process s", "peak MiB"))
    over = []
    for examples, iterations, seconds, per, process, rss in rows:
        ratio = per / base
        if ratio > args.target:
            over.append(examples)
        print("%8d %10d %9.3f %12.3f %7.2fx %10.3f %9.0f" % (examples, iterations, seconds, per, ratio, process, rss))
    print()
    print("us/ex-iter = train seconds / (iterations x examples); ratio = against %d examples (target <= %.2fx);" % (
        rows[0][0], args.target))
    print("peak MiB = the Strata process's maximum resident set (JVM heap + native arrays), %s." % args.dtype)
    if over and args.input_gram == "auto":
        print("(with --input-gram auto the target is not checked: sizes that take the Gram form are faster than"
              " linear, so the others look slow beside them)")
    elif over:
        print("OVER TARGET at %s examples" % ", ".join(map(str, over)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
