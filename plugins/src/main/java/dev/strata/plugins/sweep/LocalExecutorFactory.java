package dev.strata.plugins.sweep;

import dev.strata.spi.BadInputException;
import dev.strata.spi.ExecutorContext;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.SweepExecutor;
import dev.strata.spi.SweepExecutorFactory;
import java.util.List;

/** {@code executor: {type: local, parallelism: auto, blas_threads: auto}}: trials on this machine's cores. */
public final class LocalExecutorFactory implements SweepExecutorFactory {
    static final String AUTO = "auto";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "runs trials in this process, several at a time; 'auto' measures the best split of the cores";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("parallelism", ParamType.STRING, AUTO,
                        "trials at a time: auto (measured) or a whole number >= 1"),
                ParamSpec.optional("blas_threads", ParamType.STRING, AUTO,
                        "BLAS threads (shared by all trials): auto or a whole number >= 1"));
    }

    @Override
    public SweepExecutor create(Params params, ExecutorContext context) {
        Integer parallelism = count(params.getString("parallelism"), "parallelism");
        Integer blasThreads = count(params.getString("blas_threads"), "blas_threads");
        if (blasThreads != null && blasThreads > context.cores()) {
            // OpenBLAS cannot run more threads than cores (the engine would cap them)
            throw new BadInputException("executor blas_threads " + blasThreads + " is more than the " + context.cores()
                    + " cores of this machine", "write blas_threads: auto, or a number from 1 to " + context.cores());
        }
        return new LocalSweepExecutor(parallelism, blasThreads, context);
    }

    /** {@code null} for auto, else the whole number. */
    static Integer count(String text, String name) {
        if (AUTO.equals(text)) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("executor " + name + " must be 'auto' or a whole number >= 1, got '" + text + "'",
                "write e.g. " + name + ": auto, or " + name + ": 2");
    }
}
