package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> ACTIVATIONS = List.of("linear", "relu", "sigmoid", "softmax", "leaky_relu");

    @Test
    void suggestsTheNameATypoWasMeantToBe() {
        assertThat(Suggestions.closest("rleu", ACTIVATIONS)).contains("relu");
        assertThat(Suggestions.closest("sigmod", ACTIVATIONS)).contains("sigmoid");
        assertThat(Suggestions.closest("Leaky_Relu", ACTIVATIONS)).contains("leaky_relu");
        assertThat(Suggestions.closest("learning_rat", List.of("type", "learning_rate", "beta1")))
                .contains("learning_rate");
    }

    @Test
    void suggestsNothingForAWordThatIsNotCloseToAnyName() {
        assertThat(Suggestions.closest("tanh", ACTIVATIONS)).isEmpty();
        assertThat(Suggestions.closest("x", List.of("y"))).isEmpty();
        assertThat(Suggestions.closest("relu", List.of())).isEmpty();
    }

    @Test
    void theFixListsTheKnownNamesWithOrWithoutASuggestion() {
        assertThat(Suggestions.fix("rleu", List.of("linear", "relu", "sigmoid")))
                .isEqualTo("did you mean 'relu'? known: linear, relu, sigmoid");
        assertThat(Suggestions.fix("tanh", List.of("linear", "relu")))
                .isEqualTo("known: linear, relu");
    }
}
