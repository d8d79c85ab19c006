package dev.strata.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Creates a {@link LearningRateSchedule} from validated parameters; a spec picks one as
 * {@code optimizer.schedule: {type: NAME, ...}}, for any optimizer. The engine owns {@code warmup}
 * (epochs of linear warm-up), so a factory does not declare it.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public interface ScheduleFactory extends PluginFactory {
    /** A schedule for one run. */
    LearningRateSchedule create(Params params);

    /** A factory from its parts: {@code ScheduleFactory.of("halving", "...", List.of(), p -> (b, e, n) -> ...)}. */
    static ScheduleFactory of(String name, String description, List<ParamSpec> parameters,
            Function<Params, LearningRateSchedule> create) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(create, "create");
        List<ParamSpec> params = List.copyOf(parameters);
        return new ScheduleFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description == null ? "" : description;
            }

            @Override
            public List<ParamSpec> parameters() {
                return params;
            }

            @Override
            public LearningRateSchedule create(Params p) {
                return create.apply(p);
            }

            @Override
            public String toString() {
                return "schedule " + name;
            }
        };
    }
}
