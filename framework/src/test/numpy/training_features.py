"""numpy references for dropout, per-layer L2/L1, learning-rate schedules, standardisation and the
validation split, written the deep-learning course's way. Writes
framework/src/test/resources/golden/training-features-numpy.json, which TrainingFeaturesGoldenTest
reads. Run from the repository root with numpy installed: python3 framework/src/test/numpy/training_features.py
"""
import json
import math
import numpy as np

M, N = 60, 4
LAYERS = [N, 5, 3, 1]


def make_data():
    np.random.seed(7)
    x = np.random.randn(N, M) * np.array([[1.0], [5.0], [0.1], [20.0]]) + np.array([[0.0], [3.0], [-1.0], [50.0]])
    noise = np.random.randn(M) * 0.3
    y = ((x[0] + 0.2 * (x[1] - 3) - 3 * (x[2] + 1) + 0.02 * (x[3] - 50) + noise) > 0).astype(float)
    return x, y.reshape(1, M)


def init(seed):
    np.random.seed(seed)
    params = {}
    for l in range(1, len(LAYERS)):
        params["W%d" % l] = np.random.randn(LAYERS[l], LAYERS[l - 1]) * 0.5
        params["b%d" % l] = np.zeros((LAYERS[l], 1))
    return params


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(x, p, keep):
    """keep[l] < 1 drops out hidden layer l, as the course: D = rand(shape) < keep; A = A * D / keep."""
    caches = {"A0": x}
    a = x
    depth = len(LAYERS) - 1
    for l in range(1, depth + 1):
        z = np.dot(p["W%d" % l], a) + p["b%d" % l]
        a = sigmoid(z) if l == depth else np.maximum(0, z)
        if l < depth and keep[l] < 1:
            d = np.random.rand(a.shape[0], a.shape[1])
            d = (d < keep[l]).astype(int)
            a = a * d
            a = a / keep[l]
            caches["D%d" % l] = d
        caches["Z%d" % l] = z
        caches["A%d" % l] = a
    return a, caches


def cost(a, y, p, l2, layer_l2, layer_l1):
    m = y.shape[1]
    c = (-1.0 / m) * np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))
    depth = len(LAYERS) - 1
    if l2 > 0:
        c += l2 / (2.0 * m) * sum(np.sum(np.square(p["W%d" % l])) for l in range(1, depth + 1))
    for l in range(1, depth + 1):
        w = p["W%d" % l]
        if layer_l2[l] > 0 or layer_l1[l] > 0:
            c += layer_l2[l] / (2.0 * m) * np.sum(np.square(w)) + layer_l1[l] / m * np.sum(np.abs(w))
    return c


def backward(y, p, caches, keep, l2, layer_l2, layer_l1):
    m = y.shape[1]
    depth = len(LAYERS) - 1
    grads = {}
    dz = caches["A%d" % depth] - y
    for l in range(depth, 0, -1):
        a_prev = caches["A%d" % (l - 1)]
        w = p["W%d" % l]
        grads["dW%d" % l] = 1.0 / m * np.dot(dz, a_prev.T) + (l2 + layer_l2[l]) / m * w + layer_l1[l] / m * np.sign(w)
        grads["db%d" % l] = 1.0 / m * np.sum(dz, axis=1, keepdims=True)
        if l > 1:
            da = np.dot(w.T, dz)
            if keep[l - 1] < 1:
                da = da * caches["D%d" % (l - 1)]
                da = da / keep[l - 1]
            dz = da * (caches["Z%d" % (l - 1)] > 0)
    return grads


def adam(p, g, v, s, t, rate, b1=0.9, b2=0.999, eps=1e-8):
    for k in list(p.keys()):
        v[k] = b1 * v[k] + (1 - b1) * g["d" + k]
        s[k] = b2 * s[k] + (1 - b2) * g["d" + k] ** 2
        vc = v[k] / (1 - b1 ** t)
        sc = s[k] / (1 - b2 ** t)
        p[k] = p[k] - rate * vc / (np.sqrt(sc) + eps)


def rate_of(epoch, base, schedule, warmup, epochs):
    if epoch < warmup:
        return base * (epoch + 1) / warmup
    e, n = epoch - warmup, epochs - warmup
    kind = schedule["type"]
    if kind == "constant":
        return base
    if kind == "step":
        return base * schedule["factor"] ** (e // schedule["every"])
    if kind == "exponential":
        power = e // schedule["every"] if schedule["staircase"] else e / schedule["every"]
        return base * schedule["decay_rate"] ** power
    if kind == "cosine":
        alpha = schedule["alpha"]
        return base * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * min(e, n) / n)) + alpha)
    if kind == "inverse_time":
        return base / (1 + schedule["decay_rate"] * math.floor(e / schedule["interval"]))
    raise ValueError(kind)


def full_batch(x, y, seed, iterations, rate, keep, l2=0.0, layer_l2=None, layer_l1=None):
    layer_l2 = layer_l2 or [0.0] * len(LAYERS)
    layer_l1 = layer_l1 or [0.0] * len(LAYERS)
    p = init(seed)
    costs = []
    for _ in range(iterations):
        a, caches = forward(x, p, keep)
        costs.append(cost(a, y, p, l2, layer_l2, layer_l1))
        g = backward(y, p, caches, keep, l2, layer_l2, layer_l1)
        for k in list(p.keys()):
            p[k] = p[k] - rate * g["d" + k]
    return costs, p


def minibatches(x, y, seed, epochs, batch, base, keep, schedule, warmup):
    p = init(seed)
    v = {k: np.zeros(w.shape) for k, w in p.items()}
    s = {k: np.zeros(w.shape) for k, w in p.items()}
    t = 0
    m = x.shape[1]
    costs = []
    rates = []
    for epoch in range(epochs):
        rate = rate_of(epoch, base, schedule, warmup, epochs)
        rates.append(rate)
        order = list(np.random.permutation(m))
        xs, ys = x[:, order], y[:, order]
        total = 0.0
        for k in range(0, m, batch):
            xb, yb = xs[:, k:k + batch], ys[:, k:k + batch]
            a, caches = forward(xb, p, keep)
            total += cost(a, yb, p, 0.0, [0.0] * 4, [0.0] * 4) * xb.shape[1]
            g = backward(yb, p, caches, keep, 0.0, [0.0] * 4, [0.0] * 4)
            t += 1
            adam(p, g, v, s, t, rate)
        costs.append(total / m)
    return costs, rates, p


def minibatch_l2(x, y, seed, epochs, batch, rate, l2, layer_l2):
    """Penalties scaled by the training set's size M, not each batch's: every batch estimates the one
    objective (1/M) sum L + l2/(2M) |W|^2, whatever its size (the last batch here has 12 examples)."""
    p = init(seed)
    m = x.shape[1]
    zeros = [0.0] * 4
    costs = []
    for epoch in range(epochs):
        order = list(np.random.permutation(m))
        xs, ys = x[:, order], y[:, order]
        total = 0.0
        for k in range(0, m, batch):
            xb, yb = xs[:, k:k + batch], ys[:, k:k + batch]
            a, caches = forward(xb, p, [1, 1, 1, 1])
            b = xb.shape[1]
            # cost(): the loss over the batch plus penalties whose m is the batch's; rescale them to M
            c = cost(a, yb, p, 0.0, zeros, zeros) + cost_penalty(p, l2, layer_l2, m)
            total += c * b
            g = backward(yb, p, caches, [1, 1, 1, 1], 0.0, zeros, zeros)
            for l in range(1, len(LAYERS)):
                g["dW%d" % l] = g["dW%d" % l] + (l2 + layer_l2[l]) / m * p["W%d" % l]
            for key in list(p.keys()):
                p[key] = p[key] - rate * g["d" + key]
        costs.append(total / m)
    return costs, p


def cost_penalty(p, l2, layer_l2, m):
    depth = len(LAYERS) - 1
    c = l2 / (2.0 * m) * sum(np.sum(np.square(p["W%d" % l])) for l in range(1, depth + 1))
    for l in range(1, depth + 1):
        if layer_l2[l] > 0:
            c += layer_l2[l] / (2.0 * m) * np.sum(np.square(p["W%d" % l]))
    return c


def split(labels, fraction, seed):
    """Stratified: per class, the first round(f * n_c) of the class's examples in permutation order."""
    order = np.random.RandomState(seed).permutation(len(labels))
    held = np.zeros(len(labels), dtype=bool)
    for c in sorted(set(labels.astype(int))):
        members = [i for i in order if int(labels[i]) == c]
        held[members[:int(np.round(fraction * len(members)))]] = True
    return [int(i) for i in np.nonzero(held)[0]]


def bn_forward(x, p, bn, stats, training, momentum=0.99, eps=1e-3):
    """Hidden layers in bn are batch-normalised before relu; b is the shift (beta) after the scale gamma."""
    caches = {"A0": x}
    a = x
    depth = len(LAYERS) - 1
    for l in range(1, depth + 1):
        if l in bn:
            z = np.dot(p["W%d" % l], a)
            if training:
                mu = z.mean(axis=1, keepdims=True)
                var = ((z - mu) ** 2).mean(axis=1, keepdims=True)
                stats["running_mean%d" % l] = momentum * stats["running_mean%d" % l] + (1 - momentum) * mu
                stats["running_var%d" % l] = momentum * stats["running_var%d" % l] + (1 - momentum) * var
            else:
                mu, var = stats["running_mean%d" % l], stats["running_var%d" % l]
            inv = 1 / np.sqrt(var + eps)
            xhat = (z - mu) * inv
            y = p["gamma%d" % l] * xhat + p["b%d" % l]
            caches["X%d" % l], caches["I%d" % l] = xhat, inv
        else:
            y = np.dot(p["W%d" % l], a) + p["b%d" % l]
        a = sigmoid(y) if l == depth else np.maximum(0, y)
        caches["Z%d" % l], caches["A%d" % l] = y, a
    return a, caches


def bn_backward(y, p, caches, bn):
    m = y.shape[1]
    depth = len(LAYERS) - 1
    g = {}
    d = caches["A%d" % depth] - y
    for l in range(depth, 0, -1):
        g["db%d" % l] = np.mean(d, axis=1, keepdims=True)
        if l in bn:
            xhat, inv = caches["X%d" % l], caches["I%d" % l]
            g["dgamma%d" % l] = np.mean(d * xhat, axis=1, keepdims=True)
            d = p["gamma%d" % l] * inv * (d - np.mean(d, axis=1, keepdims=True)
                                          - xhat * np.mean(d * xhat, axis=1, keepdims=True))
        g["dW%d" % l] = 1.0 / m * np.dot(d, caches["A%d" % (l - 1)].T)
        if l > 1:
            d = np.dot(p["W%d" % l].T, d) * (caches["Z%d" % (l - 1)] > 0)
    return g


def batch_norm(x, y, seed, epochs, batch, rate, bn):
    p = init(seed)
    stats = {}
    for l in bn:
        p["gamma%d" % l] = np.ones((LAYERS[l], 1))
        stats["running_mean%d" % l] = np.zeros((LAYERS[l], 1))
        stats["running_var%d" % l] = np.ones((LAYERS[l], 1))
    m = x.shape[1]
    costs = []
    for epoch in range(epochs):
        if batch < m:
            order = list(np.random.permutation(m))
            xs, ys = x[:, order], y[:, order]
        else:
            xs, ys = x, y
        total = 0.0
        for k in range(0, m, batch):
            xb, yb = xs[:, k:k + batch], ys[:, k:k + batch]
            a, caches = bn_forward(xb, p, bn, stats, True)
            total += cost(a, yb, p, 0.0, [0.0] * 4, [0.0] * 4) * xb.shape[1]
            g = bn_backward(yb, p, caches, bn)
            for key in list(p.keys()):
                p[key] = p[key] - rate * g["d" + key]
        costs.append(total / m)
    outputs, _ = bn_forward(x, p, bn, stats, False)
    p.update(stats)
    return costs, p, outputs[0].tolist()


def params_json(p):
    return {k: v.tolist() for k, v in p.items()}


def main():
    x, y = make_data()
    out = {"x": x.tolist(), "y": y[0].tolist(), "seed": 3}
    c, p = full_batch(x, y, 3, 40, 0.05, [1, 0.8, 0.7, 1])
    out["dropout_full_batch"] = {"iterations": 40, "learning_rate": 0.05, "dropout": [0.2, 0.3], "costs": c,
                                 "params": params_json(p)}
    c, p = full_batch(x, y, 3, 30, 0.01, [1, 1, 1, 1], l2=0.1, layer_l2=[0, 0.5, 0, 0.2], layer_l1=[0, 0, 0.3, 0])
    out["penalties_full_batch"] = {"iterations": 30, "learning_rate": 0.01, "l2": 0.1, "layer_l2": [0.5, 0, 0.2],
                                   "layer_l1": [0, 0.3, 0], "costs": c, "params": params_json(p)}
    schedule = {"type": "cosine", "alpha": 0.1}
    np.random.seed(3)
    c, r, p = minibatches(x, y, 3, 8, 16, 0.01, [1, 0.9, 1, 1], schedule, 2)
    out["dropout_adam_cosine_minibatch"] = {"epochs": 8, "batch_size": 16, "learning_rate": 0.01, "dropout": [0.1, 0],
                                            "warmup": 2, "costs": c, "rates": r, "params": params_json(p)}
    schedules = [
        {"type": "step", "every": 3, "factor": 0.5},
        {"type": "exponential", "decay_rate": 0.9, "every": 2, "staircase": False},
        {"type": "exponential", "decay_rate": 0.9, "every": 2, "staircase": True},
        {"type": "cosine", "alpha": 0.0},
        {"type": "inverse_time", "decay_rate": 1.0, "interval": 1},
        {"type": "inverse_time", "decay_rate": 0.3, "interval": 4},
    ]
    out["schedules"] = [dict(s, warmup=w, epochs=12, base=0.2,
                             rates=[rate_of(e, 0.2, s, w, 12) for e in range(12)]) for s in schedules for w in (0, 3)]
    mean = x.mean(axis=1)
    std = x.std(axis=1)
    xs = (x - mean[:, None]) / std[:, None]
    c, p = full_batch(xs, y, 3, 20, 0.1, [1, 1, 1, 1])
    out["standardized"] = {"mean": mean.tolist(), "std": std.tolist(), "min": x.min(axis=1).tolist(),
                           "max": x.max(axis=1).tolist(), "iterations": 20, "learning_rate": 0.1, "costs": c}
    c, p, o = batch_norm(x, y, 3, 30, M, 0.1, [1, 2])
    out["batch_norm_full_batch"] = {"iterations": 30, "learning_rate": 0.1, "costs": c, "params": params_json(p),
                                    "outputs": o}
    np.random.seed(3)
    c, p, o = batch_norm(x, y, 3, 5, 16, 0.05, [1])
    out["batch_norm_minibatch"] = {"epochs": 5, "batch_size": 16, "learning_rate": 0.05, "costs": c,
                                   "params": params_json(p), "outputs": o}
    np.random.seed(3)
    c, p = minibatch_l2(x, y, 3, 6, 16, 0.05, 0.7, [0, 0.3, 0, 0])
    out["l2_minibatch"] = {"epochs": 6, "batch_size": 16, "learning_rate": 0.05, "l2": 0.7, "layer_l2": [0.3, 0, 0],
                           "costs": c, "params": params_json(p)}
    out["validation_split"] = {"fraction": 0.25, "seed": 11, "held_out": split(y[0], 0.25, 11)}
    with open("framework/src/test/resources/golden/training-features-numpy.json", "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
