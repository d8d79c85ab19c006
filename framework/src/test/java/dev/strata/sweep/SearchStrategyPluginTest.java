package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import dev.strata.spi.Params;
import dev.strata.spi.PluginModule;
import dev.strata.spi.SearchDimension;
import dev.strata.spi.SearchStrategy;
import dev.strata.spi.SearchStrategyFactory;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search strategy from a plugin runs behind the engine's startup trials, as the built-in TPE does. */
class SearchStrategyPluginTest {
    private static final Path TABULAR = Path.of("..", "configs", "sensors-tabular.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** Proposes every dimension's largest value, and records what it was shown. */
    static final class Largest implements SearchStrategyFactory {
        final List<Integer> finishedSeen = new ArrayList<>();

        @Override
        public String name() {
            return "largest";
        }

        @Override
        public SearchStrategy create(Params params, List<SearchDimension> space, boolean maximize) {
            return (trial, finished, random) -> {
                finishedSeen.add(finished.size());
                return space.stream().map(d -> d.kind() == SearchDimension.Kind.VALUES
                        ? d.values().get(d.values().size() - 1) : (Object) d.max()).toList();
            };
        }
    }

    private TrialPlanner.Adaptive plan(SearchStrategyFactory strategy) throws Exception {
        Injector injector = StrataInjector.create(List.of(), new PluginModule() {
            @Override
            protected void configure() {
                register(strategy);
            }
        });
        Sweep sweep = new Sweep(injector.getInstance(PluginRegistry.class), injector.getInstance(SpecLoader.class));
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, "base: " + TABULAR + "\nstrategy: " + strategy.name() + "\ntrials: 3\n"
                + "startup_trials: 1\nseed: 4\nobjective: {metric: validation.accuracy}\nparameters:\n"
                + "  optimizer.learning_rate: {distribution: log_uniform, min: 0.0001, max: 0.05}\n"
                + "  model.layers[0].units: [16, 32, 64]\n");
        return sweep.plan(file).plan().adaptive();
    }

    private static TrialResult finished(Trial trial) {
        return TrialResult.of(trial.parameters(), new TrialOutcome(trial.id(), TrialOutcome.OK,
                Map.of("validation.accuracy", 0.7), List.of(), 1.0, null, null));
    }

    @Test
    void aStrategyProposingAValueTheSweepDoesNotAllowIsRefusedNamingIt() throws Exception {
        TrialPlanner.Adaptive adaptive = plan(new SearchStrategyFactory() {
            @Override
            public String name() {
                return "wild";
            }

            @Override
            public SearchStrategy create(Params params, List<SearchDimension> space, boolean maximize) {
                return (trial, finished, random) -> List.of(0.01, 48L);
            }
        });
        Trial first = adaptive.next(0, List.of());
        assertThatThrownBy(() -> adaptive.next(1, List.of(finished(first)))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("search strategy 'wild' proposed 48 for model.layers[0].units");
    }

    @Test
    void aPluginStrategyProposesAfterTheStartupTrialsFromTheFinishedOnes() throws Exception {
        Largest largest = new Largest();
        TrialPlanner.Adaptive adaptive = plan(largest);

        Trial first = adaptive.next(0, List.of());
        Trial second = adaptive.next(1, List.of(finished(first)));

        assertThat(largest.finishedSeen).as("the startup trial is the engine's").containsExactly(1);
        assertThat(first.parameters().get("model.layers[0].units")).isIn(16L, 32L, 64L);
        assertThat(second.parameters()).containsEntry("optimizer.learning_rate", 0.05)
                .containsEntry("model.layers[0].units", 64L);
        assertThat(second.specYaml()).contains("units: 64");
    }
}
