#!/usr/bin/env python3
"""Strata's search strategies on the shipped tabular data set (configs/sensors-tabular.yaml),
seeds fixed, printed as tables.

  asha    the 5 x 2 x 2 grid of examples/sweeps/tabular-asha.yaml on the tabular spec without early
          stopping (60 epochs), in full, with ASHA, successive halving and Hyperband, ranking
          once on validation accuracy and once on validation cost (ASHA_METRICS): the best of each
          and the epochs each trained. Targets (for ASHA):
          ASHA's best within 0.5 percentage points of the grid's (for the cost: within 0.5% of it),
          at most one third of its epochs.
  tpe     TPE and random search, 20 trials each over the space of examples/sweeps/tabular-tpe.yaml
          (or SEARCH_SPACE=wide: five decades of learning rate, dropout to 0.9, 4 to 128 units),
          for sweep seeds 1-5: the trials TPE needs to reach random search's best, against the
          trials random search needs. Target: at most half, in the median over the seeds.
  optuna  Optuna's TPESampler (Debian's python3-optuna, run with /usr/bin/python3) driving
          ./strata train as a black box through --set, on the same objective and space, 20
          trials, seed 1: the trainings each needs to reach the best value both reach, and
          Strata's own overhead per trial (a sweep's wall time less its trials' training runs).

    python3 examples/benchmark/search.py                 # every case (about 6 minutes here)
    python3 examples/benchmark/search.py --cases asha,tpe
    ASHA_ETA=2 ASHA_MIN_EPOCHS=5 python3 examples/benchmark/search.py --cases asha   # other rungs
    TPE_STARTUP=5 python3 examples/benchmark/search.py --cases tpe                    # fewer random trials
    TPE_WITH_OPTUNA=1 python3 examples/benchmark/search.py --cases tpe   # and Optuna's TPESampler, same seeds
    SEARCH_METRIC=validation.cost python3 examples/benchmark/search.py --cases tpe,optuna  # rank on the cost
    SEARCH_SPACE=wide python3 examples/benchmark/search.py --cases tpe,optuna  # learning rate 1e-5 to 1, ...

Needs a JDK 17 and Maven for ./strata; the optuna case needs apt-get install python3-optuna.
Results go to examples/benchmark/target/search/.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import benchlib as lib

OUT = os.path.join(lib.CACHE, "search")
BASE = os.path.join(lib.REPO, "configs", "sensors-tabular.yaml")
# the objective of the tpe and optuna cases; the asha case ranks on each of ASHA_METRICS in turn
METRIC = os.environ.get("SEARCH_METRIC", "validation.accuracy")
ASHA_METRICS = os.environ.get("ASHA_METRICS", "validation.accuracy,validation.cost").split(",")


def sign(metric):
    """+1 for metrics that are maximised, -1 for costs and errors, which are minimised."""
    return -1 if metric.endswith(("cost", "mse", "mae", "rmse")) else 1


def objective(metric):
    return "objective: {metric: %s, goal: %s}\n" % (metric, "maximize" if sign(metric) > 0 else "minimize")


MIN_EPOCHS = int(os.environ.get("ASHA_MIN_EPOCHS", "1"))
ETA = int(os.environ.get("ASHA_ETA", "3"))
TRIALS = 20  # each TPE, random and Optuna search
TPE_STARTUP = int(os.environ.get("TPE_STARTUP", "10"))  # the sweep's startup_trials (Optuna's default 10)

GRID_PARAMETERS = """parameters:
  optimizer.learning_rate: [0.0003, 0.001, 0.003, 0.01, 0.03]
  model.layers[0].dropout: [0.1, 0.3]
  model.layers[0].units: [16, 64]
"""
SPACES = {
    # examples/sweeps/tabular-tpe.yaml's: already narrowed to settings that all train well
    "narrow": {"learning_rate": [0.0001, 0.05], "dropout": [0.0, 0.5], "units": [16, 32, 64, 128]},
    # as a user who does not yet know the scales writes it: five decades of learning rate (the top
    # ones diverge), most of the dropout range, widths from 4 units
    "wide": {"learning_rate": [0.00001, 1.0], "dropout": [0.0, 0.9], "units": [4, 8, 16, 32, 64, 128]},
}
SPACE_NAME = os.environ.get("SEARCH_SPACE", "narrow")
BOUNDS = SPACES[SPACE_NAME]
SPACE = """parameters:
  optimizer.learning_rate: {distribution: log_uniform, min: %r, max: %r}
  model.layers[0].dropout: {distribution: uniform, min: %r, max: %r}
  model.layers[0].units: [%s]
""" % (*BOUNDS["learning_rate"], *BOUNDS["dropout"], ", ".join(str(u) for u in BOUNDS["units"]))


def full_training_base():
    """The tabular spec without early stopping, 60 epochs: every trial of a grid trains to its end."""
    with open(BASE) as f:
        text = f.read()
    text = text.replace("../examples/", os.path.join(lib.REPO, "examples") + "/")
    text = text.replace("epochs: 150", "epochs: 60")
    text = "\n".join(line for line in text.splitlines() if "early_stopping" not in line) + "\n"
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "sensors-60-epochs.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


STARTED = {}  # sweep name -> wall-clock time its process was started


def sweep(name, body, base=BASE):
    """Runs ./strata sweep on a sweep file made of body; returns (results in trial order, wall seconds)."""
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".yaml")
    with open(path, "w") as f:
        f.write("base: %s\n%s" % (base, body))
    folder = os.path.join(OUT, name)
    subprocess.run(["rm", "-rf", folder], check=True)
    STARTED[name] = time.time()
    done = lib.run([lib.STRATA, "sweep", path, "--out", folder])
    if done.code != 0:
        raise lib.BenchError("strata sweep %s failed:\n%s%s" % (name, done.stdout, done.stderr))
    with open(os.path.join(folder, "results.jsonl")) as f:
        results = sorted((json.loads(line) for line in f if line.strip()), key=lambda r: r["id"])
    return results, done.seconds


def best(results, metric=METRIC):
    values = [r["metrics"].get(metric) for r in results if r["status"] == "ok"]
    return sign(metric) * max(sign(metric) * v for v in values if v is not None)


def best_trial(results, metric):
    ok = [r for r in results if r["status"] == "ok" and r["metrics"].get(metric) is not None]
    return max(ok, key=lambda r: sign(metric) * r["metrics"][metric])


def epochs(results):
    return sum(r["metrics"].get("steps", 0) for r in results)


def trials_to_reach(values, target, metric=METRIC):
    """1-based number of the first trial whose value reaches target, or None."""
    for i, v in enumerate(values):
        if v is not None and sign(metric) * v >= sign(metric) * target - 1e-12:
            return i + 1
    return None


def best_value(values, metric=METRIC):
    return sign(metric) * max(sign(metric) * v for v in values if v is not None)


def ok_values(results):
    return [r["metrics"].get(METRIC) if r["status"] == "ok" else None for r in results]


def case_asha():
    base = full_training_base()
    rungs, r = [], MIN_EPOCHS
    while r < 60:
        rungs.append(str(r))
        r *= ETA
    for metric in ASHA_METRICS:
        name = metric.split(".")[-1]
        grid, grid_seconds = sweep("grid-" + name, "strategy: grid\n" + GRID_PARAMETERS + objective(metric), base)
        asha, asha_seconds = sweep("asha-" + name, "strategy: grid\n" + GRID_PARAMETERS + objective(metric)
                                   + "pruner: {type: asha, reduction_factor: %d, min_epochs: %d}\n" % (ETA, MIN_EPOCHS),
                                   base)
        halving, halving_seconds = sweep("halving-" + name, "strategy: grid\n" + GRID_PARAMETERS + objective(metric)
                                         + "pruner: {type: successive_halving, reduction_factor: %d, min_epochs: %d}\n"
                                         % (ETA, MIN_EPOCHS), base)
        hyperband, hyperband_seconds = sweep("hyperband-" + name, "strategy: grid\n" + GRID_PARAMETERS
                                             + objective(metric) + "pruner: {type: hyperband, reduction_factor: %d,"
                                             " min_epochs: %d}\n" % (ETA, MIN_EPOCHS), base)
        ratio = epochs(asha) / epochs(grid)
        print("\nASHA against the full grid, ranking on %s (20 trials of configs/sensors-tabular.yaml without early"
              " stopping, 60 epochs each)" % metric)
        print("| search | best %s | its trial's validation accuracy | epochs trained | wall s |" % metric)
        print("|---|---|---|---|---|")
        for label, results, seconds in (("full grid", grid, grid_seconds),
                                        ("ASHA (reduction factor %d, rungs at %s epochs)" % (ETA, ", ".join(rungs)),
                                         asha, asha_seconds),
                                        ("successive halving (synchronous), the same rungs", halving,
                                         halving_seconds),
                                        ("Hyperband (synchronous), brackets from the same rungs", hyperband,
                                         hyperband_seconds)):
            top = best_trial(results, metric)
            print("| %s | %.4f | %.4f | %d | %.1f |" % (label, top["metrics"][metric],
                                                       top["metrics"]["validation.accuracy"], epochs(results), seconds))
        if sign(metric) > 0:
            gap = 100 * (best(grid, metric) - best(asha, metric))
            verdict = "%.2f points below the grid's (target <= 0.5): %s" % (gap, "met" if gap <= 0.5 else "MISSED")
        else:
            # a cost has no percentage points: the gap as a share of the grid's best, held to the same 0.5
            gap = 100 * (best(asha, metric) - best(grid, metric)) / best(grid, metric)
            verdict = "%.2f%% above the grid's (target <= 0.5%%): %s" % (gap, "met" if gap <= 0.5 else "MISSED")
        print("ASHA's best is %s; it trained %.2fx the grid's epochs (target <= 0.33): %s"
              % (verdict, ratio, "met" if ratio <= 1 / 3 + 1e-9 else "MISSED"))
        for label, results in (("Successive halving", halving), ("Hyperband", hyperband)):
            gap = sign(metric) * (best(grid, metric) - best(results, metric))
            print("%s's best is %.4f from the grid's (%.2f%%) after %.2fx its epochs (for comparison: the targets"
                  " name ASHA)" % (label, gap, 100 * gap / abs(best(grid, metric)), epochs(results) / epochs(grid)))


def case_tpe():
    rows, optuna_trials = [], []
    # TPE_WITH_OPTUNA=1: Optuna's own TPESampler on the same seeds, as a yardstick for the target
    with_optuna = os.environ.get("TPE_WITH_OPTUNA") == "1" and have_optuna()
    for seed in range(1, 6):
        body = "trials: %d\nseed: %d\n" % (TRIALS, seed) + SPACE + objective(METRIC)
        tpe, _ = sweep("tpe-%d" % seed, "strategy: tpe\nstartup_trials: %d\n" % TPE_STARTUP + body)
        rnd, _ = sweep("random-%d" % seed, "strategy: random\n" + body)
        target = best(rnd)
        rows.append((seed, target, trials_to_reach(ok_values(rnd), target), best(tpe),
                     trials_to_reach(ok_values(tpe), target)))
        if with_optuna:
            optuna_trials.append(trials_to_reach(optuna_search(seed), target))
    print("\nTPE (startup_trials: %d) against random search (%d trials each; the trials each needs to reach"
          " random search's best)" % (TPE_STARTUP, TRIALS))
    print("| seed | random best | random: trials | TPE best | TPE: trials |")
    print("|---|---|---|---|---|")
    for seed, target, r, t_best, t in rows:
        print("| %d | %.4f | %d | %.4f | %s |" % (seed, target, r, t_best, t if t else "not in 20"))
    tpe_trials = [t if t else TRIALS + 1 for *_, t in rows]
    random_trials = [r for _, _, r, _, _ in rows]
    ratio = lib.median([t / r for t, r in zip(tpe_trials, random_trials)])
    print("median of TPE's trials / random's: %.2f (target <= 0.5): %s" % (ratio, "met" if ratio <= 0.5
                                                                          else "MISSED"))
    # the other reading of "in half the trials": half of random search's budget
    half = TRIALS // 2
    within = sum(1 for t in tpe_trials if t <= half)
    print("seeds where TPE reaches random search's best of %d within %d trials: %d of %d; median TPE trials %g"
          % (TRIALS, half, within, len(rows), lib.median(tpe_trials)))
    if with_optuna:
        optuna_trials = [t if t else TRIALS + 1 for t in optuna_trials]
        print("Optuna 3.1's TPESampler(seed) driving ./strata train on the same seeds: %s trials to reach random"
              " search's best (%d = not in %d); median of its trials / random's: %.2f"
              % (", ".join(str(t) for t in optuna_trials), TRIALS + 1, TRIALS,
                 lib.median([t / r for t, r in zip(optuna_trials, random_trials)])))


OPTUNA_DRIVER = r'''
import json, subprocess, sys, os, time, optuna
strata, base, out, n, metric, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
space = json.loads(sys.argv[7])
split, name = metric.split(".")
optuna.logging.set_verbosity(optuna.logging.WARNING)
values = []
def objective(trial):
    lr = trial.suggest_float("lr", *space["learning_rate"], log=True)
    dropout = trial.suggest_float("dropout", *space["dropout"])
    units = trial.suggest_categorical("units", space["units"])
    run = os.path.join(out, "t%03d" % trial.number)
    subprocess.run(["rm", "-rf", run], check=True)
    done = subprocess.run([strata, "train", base, "--out", run, "--quiet", "--set", "optimizer.learning_rate=%r" % lr,
                           "--set", "model.layers[0].dropout=%r" % dropout, "--set", "model.layers[0].units=%d" % units],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode != 0:  # a diverged training: a failed trial, as in a Strata sweep
        values.append(None)
        raise optuna.TrialPruned()
    with open(os.path.join(run, "report.json")) as f:
        report = json.load(f)
        v = report["validation"]["cost"] if name == "cost" else report["metrics"][split][name]
    values.append(v)
    return v
study = optuna.create_study(direction="minimize" if name == "cost" else "maximize", sampler=optuna.samplers.TPESampler(seed=seed))
started = time.perf_counter()
study.optimize(objective, n_trials=n)
print(json.dumps({"values": values, "seconds": time.perf_counter() - started}))
'''


PYTHON = "/usr/bin/python3"


def have_optuna():
    return subprocess.run([PYTHON, "-c", "import optuna"], capture_output=True).returncode == 0


def optuna_search(seed):
    """Optuna's TPESampler(seed) driving ./strata train for TRIALS trials: the objective values in trial order."""
    os.makedirs(OUT, exist_ok=True)
    driver = os.path.join(OUT, "optuna_driver.py")
    with open(driver, "w") as f:
        f.write(OPTUNA_DRIVER)
    folder = os.path.join(OUT, "optuna-%d" % seed)
    os.makedirs(folder, exist_ok=True)
    done = subprocess.run([PYTHON, driver, lib.STRATA, BASE, folder, str(TRIALS), METRIC, str(seed),
                           json.dumps(BOUNDS)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise lib.BenchError("the optuna driver failed:\n" + done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])["values"]


def case_optuna():
    if not have_optuna():
        print("\noptuna: skipped (apt-get install python3-optuna, for /usr/bin/python3)")
        return
    optuna_values = optuna_search(1)
    body = "trials: %d\nseed: 1\n" % TRIALS + SPACE + objective(METRIC)
    strata, seconds = sweep("tpe-optuna-compare", "strategy: tpe\n" + body)
    strata_values = ok_values(strata)
    sg = sign(METRIC)
    # the best value both reach
    common = sg * min(max(sg * v for v in optuna_values), max(sg * v for v in strata_values if v is not None))
    training = sum(r["seconds"] for r in strata)
    overhead = (seconds - training) / len(strata)
    # the one-off part: JVM start, plugins and planning, until the first trial's folder is locked
    folder = os.path.join(OUT, "tpe-optuna-compare")
    first = os.path.join(folder, "trials", strata[0]["id"], ".strata.lock")
    startup = os.stat(first).st_mtime - STARTED["tpe-optuna-compare"]
    per_trial = (seconds - startup - training) / len(strata)
    print("\nStrata's TPE against Optuna's TPESampler driving ./strata train (%d trials, seed 1)" % TRIALS)
    print("| search | best %s | trainings to reach %.4f |" % (METRIC, common))
    print("|---|---|---|")
    print("| Optuna 3.1 TPESampler + ./strata train | %.4f | %s |" % (best_value(optuna_values),
                                                                   trials_to_reach(optuna_values, common)))
    print("| strata sweep, strategy: tpe | %.4f | %s |" % (best_value(strata_values),
                                                          trials_to_reach(strata_values, common)))
    print("Strata's overhead per trial (planning, bookkeeping, reports: sweep wall time less the trials' own"
          " seconds and the start-up): %.0f ms (target < 50 ms)" % (1000 * per_trial))
    print("Start-up once per sweep (JVM, plugins, planning, until the first trial starts): %.2f s; all in, over"
          " %d trials: %.0f ms per trial" % (startup, len(strata), 1000 * overhead))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="asha,tpe,optuna")
    args = parser.parse_args()
    try:
        print(lib.ensure_strata_built())
        print("load average at start: %s" % open("/proc/loadavg").read().split()[0])
        for case in args.cases.split(","):
            {"asha": case_asha, "tpe": case_tpe, "optuna": case_optuna}[case]()
    except lib.BenchError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
