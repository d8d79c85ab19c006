package dev.strata.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureNamesTest {
    @Test
    void namesAgreeWhenEqualOrWhenEitherSideHasNone() {
        assertThat(FeatureNames.mismatch(List.of("a", "b"), List.of("a", "b"))).isNull();
        assertThat(FeatureNames.mismatch(null, List.of("b", "a"))).isNull();
        assertThat(FeatureNames.mismatch(List.of("a", "b"), null)).as("an image file names no features").isNull();
    }

    @Test
    void theFirstDifferingFeatureIsNamedAndAReorderingIsCalledSo() {
        assertThat(FeatureNames.mismatch(List.of("a", "b", "c"), List.of("a", "c", "b")))
                .isEqualTo("feature 2 is 'c' where the training data has 'b' (the same columns in another order)");
        assertThat(FeatureNames.mismatch(List.of("a", "b", "c"), List.of("a", "b", "d")))
                .isEqualTo("feature 3 is 'd' where the training data has 'c'");
        assertThat(FeatureNames.mismatch(List.of("a", "b"), List.of("0.5", "1e3")))
                .isEqualTo("feature 1 is '0.5' where the training data has 'a' (its first row holds numbers: is its"
                        + " header row missing?)");
        assertThat(FeatureNames.mismatch(List.of("0", "1"), List.of("1", "2"))).as("numbered columns, both sides")
                .isEqualTo("feature 1 is '1' where the training data has '0'");
    }

    @Test
    void theFixListsTheTrainingOrderAndShortensALongOne() {
        assertThat(FeatureNames.fix(List.of("a", "b"))).endsWith("in the training data's order: a, b");
        List<String> many = IntStream.range(0, 64).mapToObj(i -> "f" + i).toList();
        assertThat(FeatureNames.fix(many)).endsWith("f0, f1, f2, f3, f4, f5, f6, f7, ... (64 in all)");
    }
}
