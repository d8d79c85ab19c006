#!/usr/bin/env python3
"""Strata against the numpy reference, in the same run, on the same data and hyperparameters.

For each repetition and dtype it runs reference.py and `./strata train CONFIG --quiet` one after
the other (the order flips every repetition so slow drift of the machine hits both alike), checks
that both reached the same costs, and prints medians, ratios, GFLOP/s and efficiency against
this machine's square-GEMM peak (measured with numpy in the same run). Strata runs twice per
repetition: as configured (`strata`: the first layer in its Gram form, `training.input_gram: auto`)
and with `training.input_gram=never` (`strata-direct`: the notebooks' direct products).

    python3 examples/benchmark/bench.py --quick        # 1 repetition, 300 iterations
    python3 examples/benchmark/bench.py                # 5 repetitions, 2500 iterations

Needs python3 with numpy (pip's numpy: it bundles a fast OpenBLAS), a JDK 17 and Maven for
./strata, and h5py once (any python on this machine, e.g. Debian's python3-h5py) to convert the
.h5 data to .npy. Exit code 1 when the costs differ (float64: by more than 1e-6 at a logged
iteration), 2 when something is missing.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

import benchlib as lib

CAT_LAYERS = [12288, 20, 7, 5, 1]
STRATA_PROGRAMS = {"auto": "strata", "never": "strata-direct"}
FLOAT64_TOLERANCE = 1e-6


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--reps", type=int, default=5, help="repetitions per dtype and program (default 5)")
    p.add_argument("--iterations", type=int, default=2500, help="training iterations (default 2500)")
    p.add_argument("--dtypes", default="float64,float32", help="comma-separated (default float64,float32)")
    p.add_argument("--quick", action="store_true", help="a check that everything works: 1 repetition, 300 iterations")
    p.add_argument("--python", help="the python (with numpy) that runs the reference (default: this one)")
    p.add_argument("--config", default="configs/cat-deep.yaml", help="the Strata spec (default configs/cat-deep.yaml)")
    p.add_argument("--gemm-n", type=int, default=2048, help="size of the square GEMM for the peak (default 2048)")
    p.add_argument("--threads", type=int, metavar="N",
                   help="BLAS threads for both programs (numpy: OPENBLAS_NUM_THREADS; Strata: --threads); "
                        "default: each program's own default (both: one per core)")
    p.add_argument("--json", metavar="FILE", help="also write every measurement here")
    p.add_argument("--reference", choices=("tuned", "seeds", "gram"), default="tuned",
                   help="tuned: numpy without work that changes no number (default); seeds: the notebooks'"
                        " algorithm as written, which also computes the first layer's dA_prev = W1.T . dZ1;"
                        " gram: numpy with the first layer in the Gram form, as Strata's default")
    p.add_argument("--strata", default="auto,never", metavar="FORMS",
                   help="training.input_gram values to run Strata with, comma-separated (default auto,never)")
    args = p.parse_args()
    if args.quick:
        args.reps, args.iterations = 1, min(args.iterations, 300)
    args.dtypes = [d.strip() for d in args.dtypes.split(",") if d.strip()]
    args.strata = [f.strip() for f in args.strata.split(",") if f.strip()]
    if not args.strata or any(f not in STRATA_PROGRAMS for f in args.strata):
        p.error("--strata takes auto and/or never")
    for d in args.dtypes:
        if d not in ("float64", "float32"):
            p.error("unknown dtype %r: use float64 and/or float32" % d)
    return args


def reference_command(python, data, dtype, args):
    return [python, os.path.join(lib.HERE, "reference.py"), "--data", data, "--dtype", dtype,
            "--layers", ",".join(map(str, CAT_LAYERS)), "--learning-rate", "0.0075", "--seed", "1",
            "--iterations", str(args.iterations), "--print-every", "100"] + (
                {"seeds": ["--seeds-backward"], "gram": ["--gram"]}.get(args.reference, []))


def strata_command(out, dtype, form, args):
    threads = ["--threads", str(args.threads)] if args.threads else []
    return [lib.STRATA] + threads + ["train", args.config, "--quiet", "--out", out, "--set", "dtype=" + dtype,
            "--set", "training.iterations=%d" % args.iterations, "--set", "training.print_every=100",
            "--set", "training.input_gram=" + form]


def check_same_setup(report, reference):
    """The Strata spec must describe what reference.py computes; otherwise the comparison is void."""
    config = report["config"]
    strata = {
        "layers": [reference["layers"][0]] + [l["units"] for l in config["model"]["layers"]],
        "learning_rate": config["optimizer"].get("learning_rate"),
        "optimizer": config["optimizer"]["type"],
        "seed": config["seed"],
        "iterations": config["training"].get("iterations"),
        "l2": config["loss"].get("l2", 0.0),
    }
    numpy = {"layers": reference["layers"], "learning_rate": reference["learning_rate"],
             "optimizer": "gradient_descent", "seed": reference["seed"], "iterations": reference["iterations"],
             "l2": 0.0}
    if strata != numpy:
        raise lib.BenchError("the Strata spec does not describe the reference's model:\n  strata %s\n  numpy  %s\n"
                             "use a spec like configs/cat-deep.yaml" % (strata, numpy))


def compare_costs(reference, report):
    """Largest |cost difference| over the logged iterations; None when they log different ones."""
    numpy = {c["iteration"]: c["cost"] for c in reference["costs"]}
    strata = {int(c["iteration"]): c["cost"] for c in report["costs"]}
    if numpy.keys() != strata.keys():
        return None
    return max(abs(numpy[i] - strata[i]) for i in numpy)


def thread_env(args):
    """The environment of both programs: unchanged, or N BLAS threads in each."""
    env = dict(os.environ)
    if args.threads:
        env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = str(args.threads)
    return env


def run_numpy(python, data, dtype, args):
    done = lib.run(reference_command(python, data, dtype, args), env=thread_env(args))
    if done.code != 0:
        raise lib.BenchError("reference.py failed (exit %d):\n%s" % (done.code, done.stderr))
    result = json.loads(done.stdout)
    return {"train": result["timing"]["train_seconds"], "total": result["timing"]["total_seconds"],
            "process": done.seconds, "rss_mib": done.max_rss_mib, "result": result}


def run_strata(dtype, form, args):
    out = tempfile.mkdtemp(prefix="strata-bench-")
    try:
        done = lib.run(strata_command(out, dtype, form, args), env=thread_env(args))
        if done.code != 0:
            raise lib.BenchError("./strata train failed (exit %d):\n%s%s" % (done.code, done.stdout, done.stderr))
        report = lib.read_json(os.path.join(out, "report.json"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"train": report["timing"]["train_seconds"], "total": report["timing"]["total_seconds"],
            "process": done.seconds, "rss_mib": done.max_rss_mib, "result": report}


def gemm_peak(python, dtype, n, args):
    done = lib.run([python, os.path.join(lib.HERE, "reference.py"), "--gemm-peak", str(n), "--dtype", dtype],
                   env=thread_env(args))
    if done.code != 0:
        raise lib.BenchError("measuring the GEMM peak failed:\n" + done.stderr)
    return json.loads(done.stdout)


def programs(args):
    return ["numpy"] + [STRATA_PROGRAMS[f] for f in args.strata]


def measure(args, python, data):
    forms = {STRATA_PROGRAMS[f]: f for f in args.strata}
    runs = {d: {p: [] for p in programs(args)} for d in args.dtypes}
    for rep in range(args.reps):
        for dtype in args.dtypes:
            order = programs(args) if rep % 2 == 0 else programs(args)[::-1]
            for program in order:
                r = run_numpy(python, data, dtype, args) if program == "numpy" \
                    else run_strata(dtype, forms[program], args)
                runs[dtype][program].append(r)
                print("  rep %d %-7s %-13s train %7.3f s   process %7.3f s" % (
                    rep + 1, dtype, program, r["train"], r["process"]), flush=True)
            for program in forms:
                check_same_setup(runs[dtype][program][-1]["result"], runs[dtype]["numpy"][-1]["result"])
                first_layer = runs[dtype][program][-1]["result"]["timing"].get("first_layer")
                expected = "input_gram" if forms[program] == "auto" else "direct"
                if first_layer != expected:
                    print("  note: %s trained the first layer %s" % (program, first_layer), flush=True)
    return runs


def summarize(args, runs, peaks):
    """Prints the table and the cost checks; returns the list of cost mismatches."""
    mismatches = []
    rows = []
    stratas = programs(args)[1:]
    for dtype in args.dtypes:
        numpy = runs[dtype]["numpy"]
        reference = numpy[0]["result"]
        flops = lib.gemm_flops(reference["layers"], reference["examples"]) * args.iterations
        med = {p: {k: lib.median([r[k] for r in runs[dtype][p]]) for k in ("train", "total", "process", "rss_mib")}
               for p in programs(args)}
        worst = {}
        for program in stratas:
            deviations = [compare_costs(n["result"], s["result"]) for n, s in zip(numpy, runs[dtype][program])]
            worst[program] = None if None in deviations else max(deviations)
            if worst[program] is None:
                mismatches.append("%s: numpy and %s logged costs at different iterations" % (dtype, program))
            elif dtype == "float64" and worst[program] > FLOAT64_TOLERANCE:
                mismatches.append("float64: numpy and %s costs differ by up to %.3g (allowed %g)" % (
                    program, worst[program], FLOAT64_TOLERANCE))
        rows.append((dtype, med, flops, worst))

    print()
    print("Medians of %d repetition(s), %d iterations, layers %s, %d examples, numpy reference: %s." % (
        args.reps, args.iterations, CAT_LAYERS, runs[args.dtypes[0]]["numpy"][0]["result"]["examples"],
        args.reference))
    header = "%-8s %-13s %9s %9s %10s %9s %9s %8s" % ("dtype", "program", "train s", "GFLOP/s", "efficiency",
                                                        "total s", "process s", "RSS MiB")
    print(header)
    print("-" * len(header))
    for dtype, med, flops, _ in rows:
        for program in programs(args):
            m = med[program]
            gflops = flops / m["train"] / 1e9
            print("%-8s %-13s %9.3f %9.1f %9.0f%% %9.3f %9.3f %8.0f" % (
                dtype, program, m["train"], gflops, 100 * gflops / peaks[dtype]["gflops"], m["total"],
                m["process"], m["rss_mib"]))
        for program in stratas:
            print("%-8s %-13s %9.2fx %30s %9.2fx" % (
                dtype, "ratio " + program[len("strata"):].lstrip("-") if program != "strata" else "ratio",
                med[program]["train"] / med["numpy"]["train"], "",
                med[program]["process"] / med["numpy"]["process"]))
    print()
    print("ratio = Strata / numpy (below 1: Strata is faster); 'ratio direct' is strata-direct's. train s = the")
    print("training loop only, as each program measures it; total s = as each program reports it (Strata: JVM")
    print("start to report; numpy: script start to end); process s = wall time of the whole process, measured here.")
    print("GFLOP/s = matrix-product flops of the direct algorithm / train s, counting per iteration forward W.A")
    print("for every layer, backward dZ.A_prev^T for every layer and W^T.dZ for layers 2..L (%.1f MFLOP per" %
          (lib.gemm_flops(CAT_LAYERS, runs[args.dtypes[0]]["numpy"][0]["result"]["examples"]) / 1e6))
    print("iteration here); element-wise work is not counted. The Gram form (strata, --reference gram) does")
    print("about 118x fewer first-layer operations, so its figure is the direct work's rate, not its own.")
    print("efficiency = GFLOP/s / numpy's %dx%d GEMM peak measured now:" % (args.gemm_n, args.gemm_n))
    for dtype in args.dtypes:
        print("  %s peak %.1f GFLOP/s (numpy %s, %s)" % (dtype, peaks[dtype]["gflops"], peaks[dtype]["numpy"],
                                                        peaks[dtype]["blas"]))
    strata_env = runs[args.dtypes[0]][stratas[0]][0]["result"].get("environment", {})
    print("BLAS threads: Strata %s (its report), numpy %s." % (
        strata_env.get("blas_threads", "?"), thread_env(args).get("OPENBLAS_NUM_THREADS", "every core (OpenBLAS default)")))
    print()
    for dtype, med, _, worst in rows:
        acc_numpy = runs[dtype]["numpy"][0]["result"]["accuracy"]["test"]
        for program in stratas:
            acc_strata = runs[dtype][program][0]["result"]["metrics"]["test"]["accuracy"]
            w = worst[program]
            deviation = "different logged iterations" if w is None else "%.3g" % w
            verdict = ("OK" if w is not None and w <= FLOAT64_TOLERANCE else "MISMATCH") if dtype == "float64" \
                else "(reported, not checked)"
            print("%s %s costs: max |numpy - Strata| = %s over the logged iterations %s; test accuracy numpy "
                  "%.4f, Strata %.4f" % (dtype, program, deviation, verdict, acc_numpy, acc_strata))
    return mismatches, rows


def main():
    args = parse_args()
    try:
        python = lib.find_python(["numpy"], args.python, "to run the numpy reference ",
                                 only_preferred=args.python is not None)
        data = lib.cat_npy(python)
        args.config = os.path.abspath(args.config) if os.path.exists(args.config) \
            else os.path.join(lib.REPO, args.config)
        if not os.path.exists(args.config):
            raise lib.BenchError("the spec %s does not exist" % args.config)
        version = lib.ensure_strata_built()
        load_before = os.getloadavg()[0]
        if load_before > 1.0:
            print("warning: the machine is busy (load average %.1f on %d cores): BLAS threads that wait for a "
                  "core make both programs slow and noisy; figures from this run are not representative"
                  % (load_before, os.cpu_count()), file=sys.stderr)
        peaks = {d: gemm_peak(python, d, args.gemm_n, args) for d in args.dtypes}
        if min(p["gflops"] for p in peaks.values()) < 10:
            print("warning: numpy reaches under 10 GFLOP/s on a square GEMM: its BLAS is probably the slow "
                  "reference one; " + lib.INSTALL_HINT["numpy"], file=sys.stderr)
        env = thread_env(args)
        print("numpy reference (%s): %s (numpy %s, %s); %s; OMP_NUM_THREADS=%s OPENBLAS_NUM_THREADS=%s" % (
            args.reference, python, peaks[args.dtypes[0]]["numpy"], peaks[args.dtypes[0]]["blas"], version,
            env.get("OMP_NUM_THREADS", "unset (./strata sets 1)"), env.get("OPENBLAS_NUM_THREADS", "unset")),
            flush=True)
        runs = measure(args, python, data)
        for d in args.dtypes:  # the better of before and after: a peak is a best case
            peaks[d]["gflops"] = max(peaks[d]["gflops"], gemm_peak(python, d, args.gemm_n, args)["gflops"])
        print("load average before %.1f, after %.1f" % (load_before, os.getloadavg()[0]))
    except lib.BenchError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    mismatches, rows = summarize(args, runs, peaks)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"iterations": args.iterations, "reps": args.reps, "peaks": peaks,
                       "runs": {d: {p: [{k: v for k, v in r.items() if k != "result"} | {"costs": r["result"]["costs"]}
                                        for r in runs[d][p]] for p in runs[d]} for d in runs}}, f, indent=1)
    if mismatches:
        print("\nCOST MISMATCH: " + "; ".join(mismatches), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
