#!/usr/bin/env python3
"""Strata on the specs users run, against PyTorch CPU and numpy, alternately in one run.

Cases (each prints medians over the repetitions, the ratio to its peer and the target):
  small     a 64-64-32-10 relu/softmax net, Adam (lr 0.001), shuffled batches of 32, 20,000
            examples of 64 features in 10 classes (made here from a seed), 3 epochs, float64 and
            float32: updates per second of the training loop (JIT warm-up included) and over its
            second half ("warm"); peers PyTorch and a numpy loop written as the notebooks write one.
  cat-adam  configs/cat-adam-minibatch.yaml as shipped against PyTorch: training-loop seconds.
  cat-full  cat-deep full batch with momentum, RMSprop, Adam, and gradient descent with l2 0.7
            against reference.py doing the same: training-loop seconds, Strata as shipped (momentum
            and L2 train the first layer in its Gram form) and with input_gram: never.
  tiny      a [4, 1] net on 8 examples with Adam: updates per second (the fixed cost of a step).
  plugins   examples/custom-plugin's swish against the built-in tanh, and its nesterov against
            the built-in momentum, on the small net: training-loop seconds.

    python3 examples/benchmark/general.py                  # every case, 3 repetitions
    python3 examples/benchmark/general.py --cases small --reps 5

Needs: python3 with pip's numpy (bundled OpenBLAS); PyTorch CPU and h5py for /usr/bin/python3
(Debian/Ubuntu: apt-get install python3-torch python3-h5py); a JDK 17 and Maven for ./strata.
Every program gets the same BLAS/OpenMP thread count (--threads, default 1). Prints the load
average before and after: ratios are only comparable on a quiet machine.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import benchlib as lib

PEERS = os.path.join(lib.HERE, "peers")
TORCH_PYTHON = "/usr/bin/python3"
CUSTOM_PLUGIN = os.path.join(lib.REPO, "examples", "custom-plugin")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", default="small,cat-adam,cat-full,tiny,plugins", help="comma-separated")
    p.add_argument("--reps", type=int, default=3, help="repetitions of every program (default 3)")
    p.add_argument("--threads", type=int, default=1, help="BLAS threads for every program (default 1)")
    p.add_argument("--cat-epochs", type=int, default=600, help="cat-adam epochs (default 600, as shipped)")
    p.add_argument("--cat-iterations", type=int, default=300, help="cat-full iterations (default 300)")
    p.add_argument("--torch-python", default=TORCH_PYTHON, help="python with torch and h5py")
    p.add_argument("--json", metavar="FILE", help="also write every measurement here")
    return p.parse_args()


def env(threads):
    e = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        e[k] = str(threads)
    return e


def strata(spec, threads, sets=(), plugin_path=None):
    """./strata train SPEC: its report.json's timing."""
    out = tempfile.mkdtemp(prefix="strata-bench-")
    try:
        cmd = [lib.STRATA, "--threads", str(threads)]
        if plugin_path:
            cmd += ["--plugin-path", plugin_path]
        cmd += ["train", spec, "--quiet", "--out", out]
        for s in sets:
            cmd += ["--set", s]
        done = lib.run(cmd, env=env(threads))
        if done.code != 0:
            raise lib.BenchError("%s failed:\n%s%s" % (" ".join(cmd), done.stdout, done.stderr))
        report = lib.read_json(os.path.join(out, "report.json"))
        timing = report["timing"]
        return {"train_seconds": timing["train_seconds"], "updates": timing["updates"],
                "warm_rate": timing.get("warm_updates_per_second"), "final_cost": report["costs"][-1]["cost"],
                "process_seconds": done.seconds, "first_layer": timing.get("first_layer")}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def python_json(python, script, args, threads):
    done = lib.run([python, os.path.join(PEERS, script)] + args, env=env(threads))
    if done.code != 0:
        raise lib.BenchError("%s %s failed:\n%s%s" % (python, script, done.stdout, done.stderr))
    return json.loads(done.stdout.strip().splitlines()[-1])


def alternate(programs, reps):
    """Runs every program reps times, in an order that rotates each repetition."""
    results = {name: [] for name in programs}
    names = list(programs)
    for r in range(reps):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            results[name].append(programs[name]())
            print("  %-28s rep %d: %.3f s" % (name, r + 1, results[name][-1]["train_seconds"]), flush=True)
    return results


def rate(result):
    return result["updates"] / result["train_seconds"]


def warm(result):
    if result.get("warm_rate"):
        return result["warm_rate"]
    if "last_epoch_seconds" in result:
        return result["updates_per_epoch"] / result["last_epoch_seconds"]
    return rate(result)


def verdict(ok):
    return "meets" if ok else "MISSES"


def small_data(folder):
    """20,000 examples of 64 standard-normal features, 10 classes from a noisy linear map (seed 0)."""
    code = """
import sys, numpy as np
out = sys.argv[1]
rng = np.random.RandomState(0)
x = rng.randn(20000, 64); w = rng.randn(64, 10)
y = (x @ w + rng.randn(20000, 10)).argmax(1)
np.save(out + '/x.npy', x); np.save(out + '/y.npy', y)
with open(out + '/train.csv', 'w') as f:
    f.write(','.join('f%d' % i for i in range(64)) + ',label\\n')
    for row, label in zip(x, y):
        f.write(','.join(repr(float(v)) for v in row) + ',%d\\n' % label)
"""
    if not os.path.exists(os.path.join(folder, "train.csv")):
        os.makedirs(folder, exist_ok=True)
        subprocess.run([sys.executable, "-c", code, folder], check=True)
    spec = os.path.join(folder, "small.yaml")
    with open(spec, "w") as f:
        f.write("""name: small
seed: 1
data:
  format: csv
  train: {path: train.csv, label_column: label}
model:
  layers:
    - {units: 64, activation: relu}
    - {units: 32, activation: relu}
    - {units: 10, activation: softmax}
  initializer: he_normal
loss: categorical_cross_entropy
optimizer: {type: adam, learning_rate: 0.001}
training: {epochs: 3, batch_size: 32, shuffle: true, print_every: 1}
""")
    return spec


def case_small(args, rows):
    folder = os.path.join(lib.CACHE, "small")
    spec = small_data(folder)
    for dtype in ("float64", "float32"):
        print("small, %s:" % dtype)
        res = alternate({
            "strata": lambda: strata(spec, args.threads, ["dtype=" + dtype]),
            "pytorch": lambda: python_json(args.torch_python, "small_torch.py",
                                           [folder, "--dtype", dtype, "--threads", str(args.threads)], args.threads),
            "numpy": lambda: python_json(sys.executable, "small_numpy.py", [folder, "--dtype", dtype], args.threads),
        }, args.reps)
        s = lib.median([rate(r) for r in res["strata"]])
        sw = lib.median([warm(r) for r in res["strata"]])
        for peer in ("pytorch", "numpy"):
            p = lib.median([rate(r) for r in res[peer]])
            pw = lib.median([warm(r) for r in res[peer]])
            rows.append(("small %s vs %s, updates/s (loop; warm)" % (dtype, peer),
                         "%.0f; %.0f" % (s, sw), "%.0f; %.0f" % (p, pw), "%.2fx; %.2fx" % (s / p, sw / pw),
                         ">= 3x", verdict(s / p >= 3) + "; " + verdict(sw / pw >= 3)))


def case_cat_adam(args, rows):
    print("cat-adam-minibatch:")
    res = alternate({
        "strata": lambda: strata("configs/cat-adam-minibatch.yaml", args.threads,
                                 ["training.epochs=%d" % args.cat_epochs]),
        "pytorch": lambda: python_json(args.torch_python, "cat_adam_torch.py",
                                       [lib.CAT_DATA, "--epochs", str(args.cat_epochs), "--threads",
                                        str(args.threads)], args.threads),
    }, args.reps)
    s = lib.median([r["train_seconds"] for r in res["strata"]])
    p = lib.median([r["train_seconds"] for r in res["pytorch"]])
    rows.append(("cat-adam-minibatch, loop s", "%.2f" % s, "%.2f" % p, "%.2fx" % (s / p), "<= 0.5x",
                 verdict(s / p <= 0.5)))


# name: (Strata --set values, reference.py arguments, whether the rule is linear in the gradients,
# so that Strata as shipped trains the first layer in its Gram form and the direct form is worth a row)
CAT_FULL = {
    "momentum": (["optimizer={type: momentum, learning_rate: 0.0075}"], ["--optimizer", "momentum"], True),
    "rmsprop": (["optimizer={type: rmsprop, learning_rate: 0.0001}"], ["--optimizer", "rmsprop",
                                                                        "--learning-rate", "0.0001"], False),
    "adam": (["optimizer={type: adam, learning_rate: 0.0001}"], ["--optimizer", "adam", "--learning-rate", "0.0001"],
             False),
    "gd + l2 0.7": (["loss={type: binary_cross_entropy, l2: 0.7}"], ["--l2", "0.7"], True),
}


def case_cat_full(args, rows):
    """Strata as shipped (input_gram: auto picks the first layer's form) and with the direct form."""
    data = lib.cat_npy()
    for name, (sets, ref_args, linear) in CAT_FULL.items():
        print("cat-deep full batch, %s:" % name)
        n = str(args.cat_iterations)
        programs = {
            "strata": lambda: strata("configs/cat-deep.yaml", args.threads, sets + ["training.iterations=" + n]),
            "numpy": lambda: reference(data, ref_args + ["--iterations", n], args.threads),
        }
        if linear:
            programs["strata-direct"] = lambda: strata("configs/cat-deep.yaml", args.threads,
                                                       sets + ["training.iterations=" + n, "training.input_gram=never"])
        res = alternate(programs, args.reps)
        p = lib.median([r["train_seconds"] for r in res["numpy"]])
        for program, label in (("strata", "as shipped"), ("strata-direct", "input_gram: never")):
            if program not in res:
                continue
            s = lib.median([r["train_seconds"] for r in res[program]])
            form = res[program][0]["first_layer"]
            target = ("<= 0.6x", verdict(s / p <= 0.6)) if program == "strata" else ("-", "-")
            rows.append(("cat-deep %s, %s (%s), loop s" % (name, label, form), "%.2f" % s, "%.2f" % p,
                         "%.2fx" % (s / p)) + target)


def reference(data, extra, threads):
    done = lib.run([sys.executable, os.path.join(lib.HERE, "reference.py"), "--data", data] + extra, env=env(threads))
    if done.code != 0:
        raise lib.BenchError("reference.py failed:\n" + done.stdout + done.stderr)
    result = json.loads(done.stdout)
    return {"train_seconds": result["timing"]["train_seconds"], "final_cost": result["costs"][-1]["cost"]}


def case_tiny(args, rows):
    folder = os.path.join(lib.CACHE, "tiny")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "train.csv"), "w") as f:
        f.write("a,b,c,label\n")
        for i in range(8):
            f.write("%d,%d,%d,%d\n" % (i % 2, (i // 2) % 2, i // 4, (i % 2) ^ (i // 4)))
    spec = os.path.join(folder, "tiny.yaml")
    with open(spec, "w") as f:
        f.write("""name: tiny
seed: 1
data: {format: csv, train: {path: train.csv, label_column: label}}
model: {layers: [{units: 4, activation: relu}, {units: 1, activation: sigmoid}], initializer: he_normal}
loss: binary_cross_entropy
optimizer: {type: adam, learning_rate: 0.01}
training: {iterations: 200000, print_every: 100000}
""")
    print("tiny [4, 1] net, 8 examples:")
    res = alternate({"strata": lambda: strata(spec, args.threads)}, args.reps)
    s = lib.median([rate(r) for r in res["strata"]])
    sw = lib.median([warm(r) for r in res["strata"]])
    rows.append(("[4, 1] on 8 examples, Adam, updates/s (loop; warm)", "%.0f; %.0f" % (s, sw), "-", "-",
                 ">= 50000", verdict(s >= 50000)))


def custom_plugin_folder():
    """A plugin folder holding examples/custom-plugin's jar (built when missing)."""
    target = os.path.join(CUSTOM_PLUGIN, "target")
    jars = sorted(j for j in os.listdir(target)) if os.path.isdir(target) else []
    jars = [j for j in jars if j.startswith("strata-example-custom-plugin") and j.endswith(".jar")]
    if not jars:
        subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests", "-pl", "examples/custom-plugin", "-am"],
                       cwd=lib.REPO, check=True)
        return custom_plugin_folder()
    folder = os.path.join(lib.CACHE, "plugins")
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(target, jars[0]), os.path.join(folder, "custom-plugin.jar"))
    return folder


def case_plugins(args, rows):
    spec = small_data(os.path.join(lib.CACHE, "small"))
    plugins = custom_plugin_folder()
    layers = "model.layers=[{units: 64, activation: %s}, {units: 32, activation: %s}, {units: 10, activation: softmax}]"
    pairs = {
        "swish vs tanh": ([layers % ("swish", "swish")], [layers % ("tanh", "tanh")]),
        "nesterov vs momentum": (["optimizer={type: nesterov, learning_rate: 0.01}"],
                                 ["optimizer={type: momentum, learning_rate: 0.01}"]),
    }
    for name, (plugin, builtin) in pairs.items():
        print("small net, %s:" % name)
        res = alternate({
            "plugin": lambda: strata(spec, args.threads, plugin, plugin_path=plugins),
            "built-in": lambda: strata(spec, args.threads, builtin, plugin_path=plugins),
        }, args.reps)
        s = lib.median([r["train_seconds"] for r in res["plugin"]])
        b = lib.median([r["train_seconds"] for r in res["built-in"]])
        rows.append(("small net, %s, loop s" % name, "%.3f" % s, "%.3f" % b, "%.2fx" % (s / b), "<= 1.5x",
                     verdict(s / b <= 1.5)))


CASES = {"small": case_small, "cat-adam": case_cat_adam, "cat-full": case_cat_full, "tiny": case_tiny,
         "plugins": case_plugins}


def main():
    args = parse_args()
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        print("unknown case(s) %s; choose from %s" % (", ".join(unknown), ", ".join(CASES)), file=sys.stderr)
        return 2
    try:
        lib.find_python(["numpy"], sys.executable, "to run the numpy peers ", only_preferred=True)
        if any(c in cases for c in ("small", "cat-adam")):
            lib.find_python(["torch", "h5py"], args.torch_python, "for the PyTorch peers ", only_preferred=True)
        print("Strata:", lib.ensure_strata_built())
        print("load average before: %.2f %.2f %.2f" % os.getloadavg())
        rows = []
        for case in cases:
            CASES[case](args, rows)
    except lib.BenchError as e:
        print(e, file=sys.stderr)
        return 2
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    print("\n%d BLAS thread(s) for every program, medians of %d\n" % (args.threads, args.reps))
    header = ("case", "Strata", "peer", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(6)]
    for row in [header] + rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(zip(header[:5], r)) for r in rows], f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
