package dev.strata.data;

import dev.strata.engine.Normalizer;

import java.util.List;

/**
 * The data a spec names, checked and laid out for training.
 *
 * @param test {@code null} when the spec has no test split
 * @param classNames one name per class (index order); generated ({@code "0"}, {@code "1"}, ...) when
 *     the spec names none
 * @param validation {@code null} when the spec has no validation data
 * @param normalizer the per-feature transform fitted on the training examples, or {@code null}
 * @param featureNames the training data's feature names, where its format names them, else {@code null}
 */
public record PreparedData(Split train, Split test, List<String> classNames, Split validation, Normalizer normalizer,
        List<String> featureNames) implements AutoCloseable {
    public PreparedData {
        classNames = List.copyOf(classNames);
        featureNames = featureNames == null ? null : List.copyOf(featureNames);
    }

    public PreparedData(Split train, Split test, List<String> classNames) {
        this(train, test, classNames, null, null, null);
    }

    public int inputSize() {
        return train.width();
    }

    /** Closes the files of streamed splits; in-memory data needs nothing. */
    @Override
    public void close() {
        train.close();
        if (test != null) {
            test.close();
        }
        if (validation != null) {
            validation.close();
        }
    }

    /** The shape of one example as read (e.g. 64 × 64 × 3), for images and prediction inputs. */
    public int[] exampleShape() {
        return train.exampleShape();
    }
}
