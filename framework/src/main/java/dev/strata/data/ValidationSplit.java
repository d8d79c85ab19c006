package dev.strata.data;

import dev.strata.spi.Examples;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.StoredFeatures;

/**
 * {@code data.validation: {split: f}}: holds out a fraction of the training examples, reproducibly
 * from the seed and stratified by class. With {@code p = np.random.RandomState(seed).permutation(m)},
 * class by class (in index order) the first {@code round(f * n_c)} of the class's examples in the
 * order of {@code p} are held out ({@code np.round}, half to even); for value labels, the first
 * {@code round(f * m)} of {@code p}. Both parts keep the examples' original order. The training
 * stream (initial weights, shuffles, dropout) is not drawn from.
 */
final class ValidationSplit {
    private ValidationSplit() {
    }

    /** Which examples go to validation: {@code true} at their index. */
    static boolean[] heldOut(double[] labels, double fraction, long seed, boolean classes) {
        int m = labels.length;
        int[] order = permutation(m, seed);
        boolean[] out = new boolean[m];
        if (!classes) {
            int k = (int) Math.rint(fraction * m);
            for (int i = 0; i < k; i++) {
                out[order[i]] = true;
            }
            return out;
        }
        int top = 0;
        for (double v : labels) {
            top = Math.max(top, (int) v);
        }
        int[] size = new int[top + 1];
        for (double v : labels) {
            size[(int) v]++;
        }
        int[] taken = new int[top + 1];
        for (int i : order) {
            int c = (int) labels[i];
            if (taken[c] < (int) Math.rint(fraction * size[c])) {
                taken[c]++;
                out[i] = true;
            }
        }
        return out;
    }

    /** numpy's legacy {@code permutation(m)} after {@code seed(seed)}. */
    static int[] permutation(int m, long seed) {
        return new NumpyRandom(seed).permutation(m);
    }

    /** The examples where {@code pick[i] == keep}, in their order. */
    static Examples select(Examples examples, boolean[] pick, boolean keep) {
        int n = 0;
        for (boolean p : pick) {
            n += p == keep ? 1 : 0;
        }
        int[] index = new int[n];
        for (int i = 0, k = 0; i < pick.length; i++) {
            if (pick[i] == keep) {
                index[k++] = i;
            }
        }
        double[] labels = new double[n];
        for (int k = 0; k < n; k++) {
            labels[k] = examples.labels()[index[k]];
        }
        return new Examples(select(examples.features(), index), examples.exampleShape(), labels, null,
                examples.featureNames());
    }

    private static StoredFeatures select(StoredFeatures stored, int[] index) {
        int width = stored.width();
        int per = Math.min(StoredFeatures.examplesPerChunk(width), Math.max(1, index.length));
        if (stored instanceof StoredFeatures.Float64 f) {
            return new StoredFeatures.Float64(copy(f.chunks(), f.perChunk(), width, index, per, new double[0][]),
                    width, index.length, per);
        }
        if (stored instanceof StoredFeatures.Float32 f) {
            return new StoredFeatures.Float32(copy(f.chunks(), f.perChunk(), width, index, per, new float[0][]),
                    width, index.length, per);
        }
        StoredFeatures.UInt8 f = (StoredFeatures.UInt8) stored;
        return new StoredFeatures.UInt8(copy(f.chunks(), f.perChunk(), width, index, per, new byte[0][]), width,
                index.length, per);
    }

    /**
     * Examples {@code index} of {@code chunks} (of {@code perChunk} examples each) into new chunks of
     * {@code per}: one loop for every stored type, since {@code System.arraycopy} takes any
     * primitive array. {@code type} is an empty array of the chunks' type.
     */
    @SuppressWarnings("unchecked")
    private static <A> A[] copy(A[] chunks, int perChunk, int width, int[] index, int per, A[] type) {
        int count = (index.length + per - 1) / per;
        Class<?> element = type.getClass().getComponentType().getComponentType();
        A[] out = java.util.Arrays.copyOf(type, count);
        for (int c = 0; c < count; c++) {
            int n = Math.min(per, index.length - c * per);
            out[c] = (A) java.lang.reflect.Array.newInstance(element, n * width);
            for (int k = 0; k < n; k++) {
                int e = index[c * per + k];
                System.arraycopy(chunks[e / perChunk], (e % perChunk) * width, out[c], k * width, width);
            }
        }
        return out;
    }
}
