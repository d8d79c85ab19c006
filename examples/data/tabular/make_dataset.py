"""Makes sensors-train.csv, sensors-test.csv and sensors-new.csv (no labels) from a fixed seed.

A synthetic, multi-class tabular data set: 16 readings of a machine (features on very different
scales, as real sensors are) and its state, one of normal, drift, spike and stuck. The classes
overlap and are not linearly separable, so a hidden layer helps and standardisation matters.
Released with Strata under its licence. Run: python3 examples/data/tabular/make_dataset.py
"""
import numpy as np

CLASSES = ["drift", "normal", "spike", "stuck"]
FEATURES = 16


def make(rng, m):
    state = rng.integers(0, len(CLASSES), size=m)
    latent = rng.normal(size=(m, 4))
    angle = state * np.pi / 2
    latent[:, 0] += 1.6 * np.cos(angle)
    latent[:, 1] += 1.6 * np.sin(angle)
    latent[:, 2] += 0.8 * (state == 3) - 0.5 * (state == 2)
    mix = np.random.default_rng(1234).normal(size=(4, FEATURES))
    z = latent @ mix
    z = np.tanh(z) + 0.35 * z + rng.normal(scale=0.3, size=(m, FEATURES))
    scale = np.array([1, 10, 100, 0.01, 5, 1000, 2, 0.5, 50, 1, 20, 0.1, 3, 300, 7, 1])
    offset = np.array([0, 50, 1000, 0.2, 10, 5000, 0, 3, 100, 20, 0, 1, 60, 0, 5, 0])
    x = z * scale + offset
    flip = rng.random(m) < 0.03
    state[flip] = rng.integers(0, len(CLASSES), size=flip.sum())
    return x, state


def write(path, x, state, labels=True):
    header = ["sensor_%02d" % i for i in range(FEATURES)] + (["state"] if labels else [])
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for row, s in zip(x, state):
            cells = ["%.6g" % v for v in row] + ([CLASSES[s]] if labels else [])
            f.write(",".join(cells) + "\n")


def main():
    rng = np.random.default_rng(2026)
    x, s = make(rng, 3000)
    write("examples/data/tabular/sensors-train.csv", x[:2400], s[:2400])
    write("examples/data/tabular/sensors-test.csv", x[2400:], s[2400:])
    xn, sn = make(rng, 20)
    write("examples/data/tabular/sensors-new.csv", xn, sn, labels=False)


if __name__ == "__main__":
    main()
