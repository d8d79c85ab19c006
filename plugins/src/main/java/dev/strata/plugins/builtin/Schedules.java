package dev.strata.plugins.builtin;

import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.ScheduleFactory;
import java.util.List;

/**
 * The built-in learning-rate schedules, each a function of the epoch (an iteration for full-batch
 * training). Formulas follow Keras' schedules and the deep-learning course's learning-rate decay.
 */
public final class Schedules {
    static final String EVERY = "every";
    static final String FACTOR = "factor";
    static final String DECAY_RATE = "decay_rate";
    static final String STAIRCASE = "staircase";
    static final String ALPHA = "alpha";
    static final String INTERVAL = "interval";

    public static final ScheduleFactory CONSTANT = ScheduleFactory.of("constant",
            "learning_rate throughout (the default)", List.of(), p -> (base, epoch, epochs) -> base);
    public static final ScheduleFactory STEP = ScheduleFactory.of("step",
            "learning_rate * factor^floor(epoch / every)",
            List.of(ParamSpec.optional(EVERY, ParamType.INT, 10, "epochs between drops").withMin(1, false),
                    ParamSpec.between(FACTOR, 0.5, 0, 1, "what each drop multiplies the rate by").withMin(0, true)),
            p -> step(p.getInt(EVERY), p.getDouble(FACTOR)));
    public static final ScheduleFactory EXPONENTIAL = ScheduleFactory.of("exponential",
            "learning_rate * decay_rate^(epoch / every), floor(epoch / every) with staircase (Keras'"
                    + " ExponentialDecay)",
            List.of(ParamSpec.between(DECAY_RATE, 0.96, 0, 1, "factor per 'every' epochs").withMin(0, true),
                    ParamSpec.optional(EVERY, ParamType.INT, 1, "epochs per decay_rate step").withMin(1, false),
                    ParamSpec.optional(STAIRCASE, ParamType.BOOLEAN, false, "decay in whole steps")),
            p -> exponential(p.getDouble(DECAY_RATE), p.getInt(EVERY), p.getBoolean(STAIRCASE)));
    public static final ScheduleFactory COSINE = ScheduleFactory.of("cosine",
            "learning_rate * ((1 - alpha) * (1 + cos(pi * epoch / epochs)) / 2 + alpha) over the run (Keras'"
                    + " CosineDecay)",
            List.of(ParamSpec.between(ALPHA, 0.0, 0, 1, "the final rate as a fraction of learning_rate")),
            p -> cosine(p.getDouble(ALPHA)));
    public static final ScheduleFactory INVERSE_TIME = ScheduleFactory.of("inverse_time",
            "learning_rate / (1 + decay_rate * floor(epoch / interval)), the course's update_lr (interval 1) and"
                    + " schedule_lr_decay",
            List.of(ParamSpec.number(DECAY_RATE, 1.0, "how fast the rate falls").withMin(0, false),
                    ParamSpec.optional(INTERVAL, ParamType.INT, 1, "epochs per decay step").withMin(1, false)),
            p -> inverseTime(p.getDouble(DECAY_RATE), p.getInt(INTERVAL)));

    private Schedules() {
    }

    static dev.strata.spi.LearningRateSchedule step(int every, double factor) {
        return (base, epoch, epochs) -> base * Math.pow(factor, epoch / every);
    }

    static dev.strata.spi.LearningRateSchedule exponential(double decayRate, int every, boolean staircase) {
        return (base, epoch, epochs) -> base * Math.pow(decayRate,
                staircase ? (double) (epoch / every) : (double) epoch / every);
    }

    static dev.strata.spi.LearningRateSchedule cosine(double alpha) {
        return (base, epoch, epochs) -> {
            double progress = epochs == 0 ? 1 : Math.min(epoch, epochs) / (double) epochs;
            return base * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * progress)) + alpha);
        };
    }

    static dev.strata.spi.LearningRateSchedule inverseTime(double decayRate, int interval) {
        return (base, epoch, epochs) -> base / (1 + decayRate * Math.floor((double) epoch / interval));
    }
}
