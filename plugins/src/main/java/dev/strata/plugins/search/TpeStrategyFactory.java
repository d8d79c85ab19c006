package dev.strata.plugins.search;

import dev.strata.spi.Params;
import dev.strata.spi.SearchDimension;
import dev.strata.spi.SearchStrategy;
import dev.strata.spi.SearchStrategyFactory;
import java.util.List;

/** {@code strategy: tpe}: the Tree-structured Parzen Estimator, as Optuna's {@code TPESampler}. */
public final class TpeStrategyFactory implements SearchStrategyFactory {
    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public String description() {
        return "Tree-structured Parzen Estimator (Optuna's TPESampler defaults): after startup_trials random trials,"
                + " each trial is proposed from the results before it";
    }

    @Override
    public SearchStrategy create(Params params, List<SearchDimension> space, boolean maximize) {
        return new TpeStrategy(space, maximize);
    }
}
