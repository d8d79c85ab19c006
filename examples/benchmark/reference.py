#!/usr/bin/env python3
"""The numpy reference: the "Deep Neural Network: Step by Step" algorithm, written to be fast.

Same math and the same random numbers as the notebooks' L_layer_model (initialize_parameters_deep
with randn / sqrt(fan_in) after np.random.seed(seed), relu hidden layers, a sigmoid output,
cross-entropy cost, plain gradient descent), minus work that changes no number:
- the sigmoid is computed once in the forward pass and reused by the backward pass;
- dA_prev of the first layer (the gradient with respect to the input pixels) is never computed;
- relu's backward pass zeroes the fresh dA product in place instead of copying it.
With --seeds-backward the first layer's dA_prev = W1.T . dZ1 is computed (and dropped) as the
notebooks' L_model_backward does: the seeds' algorithm as written, for the same work they do.
With --gram the first layer is trained through the Gram matrix of the input, as Strata's
`training.input_gram: auto` does: W1 = W1_0 - S.X^T with S = sum of (lr/m) dZ1, so W1.X =
W1_0.X - S.(X^T X); the same numbers up to rounding for far fewer operations, so that Strata's
default can be compared with numpy doing the same.
With --optimizer momentum|rmsprop|adam and/or --l2 the update is that rule (and L2), written with
in-place numpy operations in the order Strata's built-in rules use.

Prints one JSON object: the cost every --print-every iterations and at the last one (recorded
before that iteration's update, as the notebooks do), train/test accuracy, and timings:
train_seconds (the training loop only) and total_seconds (from the first line of this script,
i.e. without interpreter start-up, which bench.py measures around the process).

    python3 reference.py --data DIR [--dtype float64|float32] [--iterations 2500]
    python3 reference.py --gemm-peak 2048 --dtype float64     # square GEMM GFLOP/s

DIR holds train_x.npy, train_y.npy, test_x.npy, test_y.npy (bench.py writes them from the .h5
files), or give --h5 DIR with train_catvnoncat.h5 / test_catvnoncat.h5 when h5py is installed.
"""
import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402


def load_npy(folder):
    return tuple(np.load(os.path.join(folder, name + ".npy"))
                 for name in ("train_x", "train_y", "test_x", "test_y"))


def load_h5(folder):
    import h5py
    with h5py.File(os.path.join(folder, "train_catvnoncat.h5"), "r") as f:
        train_x, train_y = f["train_set_x"][:], f["train_set_y"][:]
    with h5py.File(os.path.join(folder, "test_catvnoncat.h5"), "r") as f:
        test_x, test_y = f["test_set_x"][:], f["test_set_y"][:]
    return train_x, train_y, test_x, test_y


def prepare(images, labels, dtype):
    """The notebooks' preprocessing: flatten each image row-major, one column per example, /255.

    The division is done in float64 and then rounded to dtype, like Strata's loader. The result
    is features x examples with each example contiguous (Fortran order), as in the notebooks.
    """
    x = (images.reshape(images.shape[0], -1).T / 255.0).astype(dtype, copy=False)
    y = labels.reshape(1, -1).astype(dtype)
    return x, y


def initialize_parameters_deep(layer_dims, seed, dtype):
    np.random.seed(seed)
    params = []
    for l in range(1, len(layer_dims)):
        w = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        params.append([w.astype(dtype, copy=False), np.zeros((layer_dims[l], 1), dtype=dtype)])
    return params


class GramFirstLayer:
    """The first layer's weights kept as W1_0 - S.X^T (see --gram)."""

    def __init__(self, x, w1):
        self.x = x
        self.gram = np.dot(x.T, x)
        self.w0 = w1.copy()
        self.base = np.dot(self.w0, x)
        self.s = np.zeros((w1.shape[0], x.shape[1]), dtype=x.dtype)

    def product(self):
        return self.base - np.dot(self.s, self.gram)

    def update(self, dz, learning_rate):
        self.s += (learning_rate / self.x.shape[1]) * dz

    def weights(self):
        return self.w0 - np.dot(self.s, self.x.T)


def forward(x, params, gram=None):
    """L_model_forward; returns the Z and A of every layer (A[0] is the input)."""
    zs, activations = [None], [x]
    a = x
    last = len(params) - 1
    for l, (w, b) in enumerate(params):
        z = gram.product() if gram is not None and l == 0 else np.dot(w, a)
        z += b
        if l < last:
            a = np.maximum(z, 0)
        else:
            a = np.negative(z)
            np.exp(a, out=a)
            a += 1
            np.reciprocal(a, out=a)
        zs.append(z)
        activations.append(a)
    return zs, activations


def compute_cost(al, y):
    m = y.shape[1]
    cost = (1. / m) * (-np.dot(y, np.log(al).T) - np.dot(1 - y, np.log(1 - al).T))
    return float(np.squeeze(cost))


class Rule:
    """An update rule other than plain gradient descent, and L2, in place where numpy allows
    (out= arguments, no temporaries the size of W1 beyond one scratch buffer per parameter), in
    the order of operations Strata's built-in rules use."""

    def __init__(self, name, params, learning_rate, l2, m, beta=0.9, rho=0.9, beta1=0.9, beta2=0.999, eps=1e-8):
        self.name, self.lr, self.l2, self.m = name, learning_rate, l2, m
        self.beta, self.rho, self.beta1, self.beta2, self.eps = beta, rho, beta1, beta2, eps
        shapes = [a for w, b in params for a in (w, b)]
        self.v = [np.zeros_like(a) for a in shapes]
        self.s = [np.zeros_like(a) for a in shapes]
        self.tmp = [np.empty_like(a) for a in shapes]
        self.t = 0

    def begin(self):
        self.t += 1

    def update(self, k, w, g):
        """Parameter k (0 = W1, 1 = b1, 2 = W2, ...) with gradient g (overwritten)."""
        if self.l2 and k % 2 == 0:
            g += (self.l2 / self.m) * w
        v, s, tmp = self.v[k], self.s[k], self.tmp[k]
        if self.name == "gradient_descent":
            np.multiply(g, self.lr, out=g)
            w -= g
        elif self.name == "momentum":
            v *= self.beta
            np.multiply(g, 1 - self.beta, out=tmp)
            v += tmp
            np.multiply(v, self.lr, out=tmp)
            w -= tmp
        elif self.name == "rmsprop":
            s *= self.rho
            np.multiply(g, g, out=tmp)
            tmp *= 1 - self.rho
            s += tmp
            np.sqrt(s, out=tmp)
            tmp += self.eps
            np.multiply(g, self.lr, out=g)
            np.divide(g, tmp, out=g)
            w -= g
        else:  # adam
            v *= self.beta1
            np.multiply(g, 1 - self.beta1, out=tmp)
            v += tmp
            s *= self.beta2
            np.multiply(g, g, out=tmp)
            tmp *= 1 - self.beta2
            s += tmp
            np.multiply(s, 1 / (1 - self.beta2 ** self.t), out=tmp)
            np.sqrt(tmp, out=tmp)
            tmp += self.eps
            np.multiply(v, (1 / (1 - self.beta1 ** self.t)) * self.lr, out=g)
            np.divide(g, tmp, out=g)
            w -= g

    def cost(self, params):
        if not self.l2:
            return 0.0
        return self.l2 / (2 * self.m) * sum(float(np.sum(w * w)) for w, _ in params)


def backward_and_update(zs, activations, y, params, dws, learning_rate, seeds_backward=False, gram=None, rule=None):
    """L_model_backward followed by update_parameters, layer by layer from the output.

    dws holds one preallocated dW buffer per layer: the first is 20 x 12288, and a fresh one
    per iteration (plus the temporary of W - lr * dW) would only add page faults.
    """
    m = y.shape[1]
    al = activations[-1]
    # dAL = -(y/AL - (1-y)/(1-AL)) then sigmoid_backward: AL - y up to rounding; the notebooks'
    # exact expressions keep the costs equal to the last digits.
    d = -(np.divide(y, al) - np.divide(1 - y, 1 - al))
    d = d * al * (1 - al)
    for l in range(len(params), 0, -1):
        w, b = params[l - 1]
        dw = dws[l - 1]
        if l < len(params):
            d[zs[l] <= 0] = 0  # relu_backward, in place: d is a fresh product
        if l == 1 and gram is not None:
            b -= learning_rate * ((1. / m) * np.sum(d, axis=1, keepdims=True))
            gram.update(d, learning_rate)
            return
        np.dot(d, activations[l - 1].T, out=dw)
        np.multiply(dw, 1. / m, out=dw)
        db = (1. / m) * np.sum(d, axis=1, keepdims=True)
        d_prev = np.dot(w.T, d) if l > 1 or seeds_backward else None
        if rule is not None:
            rule.update(2 * (l - 1), w, dw)
            rule.update(2 * (l - 1) + 1, b, db)
            d = d_prev
            continue
        # update_parameters, W := W - lr * dW; safe before the next layer because dA_prev above
        # already used the old W.
        np.multiply(dw, learning_rate, out=dw)
        np.subtract(w, dw, out=w)
        b -= learning_rate * db
        d = d_prev


def train(x, y, params, learning_rate, iterations, print_every, seeds_backward=False, use_gram=False, rule=None):
    costs = []
    gram = GramFirstLayer(x, params[0][0]) if use_gram else None
    dws = [np.empty_like(w) for w, _ in params]
    for i in range(iterations):
        zs, activations = forward(x, params, gram)
        if i % print_every == 0 or i == iterations - 1:
            extra = rule.cost(params) if rule is not None else 0.0
            costs.append({"iteration": i, "cost": compute_cost(activations[-1], y) + extra})
        if rule is not None:
            rule.begin()
        backward_and_update(zs, activations, y, params, dws, learning_rate, seeds_backward, gram, rule)
    if gram is not None:
        params[0][0] = gram.weights()
    return costs


def accuracy(x, y, params):
    _, activations = forward(x, params)
    return float(np.mean((activations[-1] > 0.5) == (y == 1)))


def gemm_peak(n, dtype, repeats=5):
    """Best-of-repeats GFLOP/s of an n x n x n product in this numpy (2 n^3 flops)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n)).astype(dtype)
    b = rng.standard_normal((n, n)).astype(dtype)
    c = np.empty((n, n), dtype=dtype)
    np.dot(a, b, out=c)  # warm-up: threads, page faults
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        np.dot(a, b, out=c)
        best = min(best, time.perf_counter() - t)
    return 2.0 * n ** 3 / best / 1e9


def blas_name():
    try:
        info = np.show_config(mode="dicts")
        blas = info["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name", "?"), blas.get("version", ""))
    except Exception:  # numpy < 1.25 has no mode="dicts"
        return "unknown (numpy %s)" % np.__version__


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", help="folder with train_x.npy, train_y.npy, test_x.npy, test_y.npy")
    p.add_argument("--h5", help="folder with train_catvnoncat.h5 and test_catvnoncat.h5 (needs h5py)")
    p.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    p.add_argument("--layers", default="12288,20,7,5,1", help="layer sizes, input first")
    p.add_argument("--learning-rate", type=float, default=0.0075)
    p.add_argument("--iterations", type=int, default=2500)
    p.add_argument("--print-every", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--seeds-backward", action="store_true",
                   help="also compute the first layer's dA_prev, as the notebooks' L_model_backward does")
    p.add_argument("--gram", action="store_true",
                   help="train the first layer through the input's Gram matrix (Strata's input_gram: auto)")
    p.add_argument("--optimizer", choices=("gradient_descent", "momentum", "rmsprop", "adam"),
                   default="gradient_descent", help="the update rule, with Strata's defaults (beta 0.9; rho 0.9;"
                   " beta1 0.9, beta2 0.999; epsilon 1e-8)")
    p.add_argument("--l2", type=float, default=0.0, help="L2 strength: cost + l2/(2m) sum W^2, dW + (l2/m) W")
    p.add_argument("--gemm-peak", type=int, metavar="N",
                   help="only measure square N x N GEMM GFLOP/s for --dtype and print it")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args()
    dtype = np.dtype(args.dtype)

    if args.gemm_peak:
        result = {"dtype": args.dtype, "n": args.gemm_peak, "gflops": gemm_peak(args.gemm_peak, dtype),
                  "numpy": np.__version__, "blas": blas_name()}
    else:
        if bool(args.data) == bool(args.h5):
            p.error("give exactly one of --data (a folder of .npy files) or --h5 (a folder of .h5 files)")
        raw = load_npy(args.data) if args.data else load_h5(args.h5)
        train_x, train_y = prepare(raw[0], raw[1], dtype)
        test_x, test_y = prepare(raw[2], raw[3], dtype)
        layers = [int(n) for n in args.layers.split(",")]
        if layers[0] != train_x.shape[0]:
            p.error("--layers starts with %d inputs but the data has %d features" % (layers[0], train_x.shape[0]))
        params = initialize_parameters_deep(layers, args.seed, dtype)
        started = time.perf_counter()
        if args.gram and args.seeds_backward:
            p.error("--gram and --seeds-backward exclude each other: the Gram form has no first-layer dA_prev")
        rule = None
        if args.optimizer != "gradient_descent" or args.l2:
            if args.gram:
                p.error("--gram is plain gradient descent without L2")
            rule = Rule(args.optimizer, params, args.learning_rate, args.l2, train_x.shape[1])
        costs = train(train_x, train_y, params, args.learning_rate, args.iterations, args.print_every,
                      args.seeds_backward, args.gram, rule)
        train_seconds = time.perf_counter() - started
        result = {
            "dtype": args.dtype, "layers": layers, "examples": int(train_x.shape[1]),
            "learning_rate": args.learning_rate, "iterations": args.iterations, "seed": args.seed,
            "optimizer": args.optimizer, "l2": args.l2,
            "costs": costs,
            "accuracy": {"train": accuracy(train_x, train_y, params), "test": accuracy(test_x, test_y, params)},
            "timing": {"train_seconds": train_seconds, "total_seconds": time.perf_counter() - STARTED},
            "numpy": np.__version__, "blas": blas_name(), "python": sys.version.split()[0],
        }
    text = json.dumps(result)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
