package dev.strata.sweep;

import dev.strata.io.AtomicFiles;
import dev.strata.io.JsonFiles;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecWriter;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.SafeYaml;
import dev.strata.spi.BadInputException;
import dev.strata.spi.SearchStrategyFactory;
import dev.strata.spi.SweepExecutor;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A sweep from its file to its report: validates the file and plans every trial before any runs,
 * then runs the missing trials with an executor, streaming each result to disk, and writes the
 * summary when all have an outcome.
 *
 * <p>A sweep folder holds {@code sweep.yaml} (the sweep file with its base path made absolute: what
 * {@code --resume} re-plans from), {@code base.yaml} (the resolved base spec, to notice a base that
 * changed since), the results files, {@code trials/<id>/} and the report.
 */
public final class Sweep {
    public static final String SWEEP_FILE = "sweep.yaml";
    public static final String BASE_FILE = "base.yaml";

    private final PluginRegistry plugins;
    private final SpecLoader specs;

    public Sweep(PluginRegistry plugins, SpecLoader specs) {
        this.plugins = plugins;
        this.specs = specs;
    }

    /** A validated, planned sweep, and the text of its {@code sweep.yaml}. */
    public record Planned(SweepSpec spec, TrialPlanner.Plan plan, String resolvedText) {
    }

    /** Everything a finished (or resumed and finished) sweep produced. */
    public record Finished(Map<String, TrialResult> results, TrialResult best, int ran) {
    }

    /** Reads, validates and plans {@code file}; every problem is thrown together with file:line:col. */
    public Planned plan(Path file) {
        return plan(file, List.of());
    }

    /** As {@link #plan(Path)}, with {@code --set executor.KEY=VALUE} overrides (see {@link SweepParser}). */
    public Planned plan(Path file, List<String> executorOverrides) {
        String text = read(file);
        SweepSpec spec = new SweepParser(plugins).parse(text, file, executorOverrides);
        SearchStrategyFactory strategy = spec.strategy() != SweepSpec.Strategy.ADAPTIVE ? null
                : plugins.get(SearchStrategyFactory.class, spec.strategyName());
        TrialPlanner.Plan plan = new TrialPlanner(specs).plan(spec, strategy);
        List<String> reported = Objective.reportedFor(plugins.get(dev.strata.spi.LossFactory.class,
                plan.base().loss().type()).labelKind(), plan.base().data().hasValidation());
        if (spec.objective().metric().startsWith("validation.") && !plan.base().data().hasValidation()) {
            throw new BadInputException(spec.objectiveLocation() + ": objective.metric: '" + spec.objective().metric()
                    + "' needs validation data, but the base spec " + spec.base() + " has none",
                    "add data.validation: {split: 0.2} to the base spec (or a validation file)");
        }
        if (spec.pruning() != null) {
            checkPruning(spec, plan.base(), plan.steps());
        }
        if (!reported.contains(spec.objective().metric())) {
            throw new BadInputException(spec.objectiveLocation() + ": objective.metric: '" + spec.objective().metric()
                    + "' is not reported by trials with loss " + plan.base().loss().type(),
                    "use one of " + String.join(", ", reported));
        }
        return new Planned(spec, plan, resolved(text, file, spec.base()));
    }

    /** A pruner needs validation data and rungs inside the training. */
    private static void checkPruning(SweepSpec spec, dev.strata.spec.ModelSpec base, int steps) {
        Pruning p = spec.pruning();
        if (!base.data().hasValidation()) {
            throw new BadInputException(spec.objectiveLocation() + ": pruner: trials are compared on validation data"
                    + " as they train, but the base spec " + spec.base() + " has none", "add data.validation:"
                    + " {split: 0.2} to the base spec (or a validation file)");
        }
        boolean rungs = p.kind().rungs();
        int first = rungs ? p.minSteps() : p.warmupSteps();
        if (first >= steps) {
            throw new BadInputException(spec.objectiveLocation() + ": pruner: its first " + (rungs
                    ? "rung (min_epochs: " : "decision (warmup_epochs: ") + first + ") is not"
                    + " before the end of training (" + steps + " " + (base.training().minibatch() ? "epochs"
                    : "iterations") + ")", "use a smaller " + (rungs ? "min_epochs" : "warmup_epochs")
                    + ", or train longer");
        }
    }

    /**
     * Checks that {@code dir} was started with the same sweep (apart from its executor) and base spec.
     *
     * @param given the sweep as given now; may come from {@code dir}'s own sweep.yaml
     */
    public void checkSameSweep(Path dir, Planned given) {
        Path stored = dir.resolve(SWEEP_FILE);
        if (!Files.isRegularFile(stored)) {
            throw new BadInputException("nothing to resume in " + dir + ": it has no " + SWEEP_FILE,
                    "give a folder written by `strata sweep`");
        }
        Map<String, Object> before = withoutExecutor(read(stored));
        Map<String, Object> now = withoutExecutor(given.resolvedText());
        if (!before.equals(now)) {
            throw new BadInputException("the sweep file differs from the one " + dir + " was started with ("
                    + stored + ")", "resume with the same sweep (only executor: may change), or start a new --out");
        }
        String base = SpecWriter.toYaml(given.plan().base());
        if (Files.exists(dir.resolve(BASE_FILE)) && !read(dir.resolve(BASE_FILE)).equals(base)) {
            throw new BadInputException("the base spec " + given.spec().base() + " changed since the sweep started"
                    + " (its resolved form was saved in " + dir.resolve(BASE_FILE) + ")",
                    "restore the base spec, or start a new sweep with --out");
        }
    }

    /**
     * Runs every trial of {@code planned} that {@code dir}'s results do not have yet, then writes the
     * report. Progress lines go to {@code progress}.
     */
    public Finished run(Planned planned, Path dir, boolean resume, SweepExecutor executor, TrialRunner runner,
            Consumer<String> progress) throws IOException, InterruptedException {
        List<Trial> trials = planned.plan().trials();
        Map<String, Trial> byId = new LinkedHashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        List<String> names = planned.spec().parameters().stream().map(SweptParameter::path).toList();
        List<String> metrics = Objective.reportedFor(plugins.get(dev.strata.spi.LossFactory.class,
                planned.plan().base().loss().type()).labelKind(), planned.plan().base().data().hasValidation());
        Files.createDirectories(dir);
        ResultsLog log;
        if (resume) {
            checkSameSweep(dir, planned);
            log = ResultsLog.resume(dir, names, metrics);
            if (planned.plan().adaptive() == null) {
                checkRecorded(log.results(), byId, dir);
            }
        } else {
            AtomicFiles.writeString(dir.resolve(SWEEP_FILE), planned.resolvedText());
            AtomicFiles.writeString(dir.resolve(BASE_FILE), SpecWriter.toYaml(planned.plan().base()));
            log = ResultsLog.create(dir, names, metrics);
        }
        try (log) {
            Pruning pruning = planned.spec().pruning();
            boolean synchronous = pruning != null && pruning.kind().synchronous();
            Pruner pruner = pruning == null || synchronous ? null
                    : new Pruner(pruning, planned.spec().objective().maximize());
            if (pruner != null && runner instanceof LocalTrialRunner local) {
                local.prune(pruner, planned.spec().objective().metric());
                // a resumed sweep compares the trials still to run with those already recorded, as before
                log.results().values().stream().sorted(java.util.Comparator.comparing(TrialResult::id))
                        .forEach(r -> pruner.replay(r.id(), r.metrics()));
            }
            TrialPlanner.Adaptive adaptive = planned.plan().adaptive();
            int total = adaptive != null ? adaptive.total() : trials.size();
            List<Trial> pending = trials.stream().filter(t -> !log.results().containsKey(t.id())).toList();
            int recorded = adaptive != null ? log.results().size() : trials.size() - pending.size();
            progress.accept(String.format(Locale.ROOT, "Sweep of %s: %d trials, %d done, %d to run -> %s",
                    planned.plan().base().name(), total, recorded, total - recorded, dir));
            AtomicInteger done = new AtomicInteger(recorded);
            String metric = planned.spec().objective().metric();
            java.util.function.Consumer<TrialOutcome> record = outcome -> {
                Trial trial = byId.get(outcome.id());
                TrialResult result = TrialResult.of(trial.parameters(), outcome);
                try {
                    log.append(result);
                } catch (IOException e) {
                    throw new UncheckedIOException("writing " + dir.resolve(ResultsLog.JSONL) + " failed: "
                            + e.getMessage(), e);
                }
                progress.accept(String.format(Locale.ROOT, "[%d/%d] %s %s %s (%.1f s)", done.incrementAndGet(),
                        total, trial.id(), trial.parameters().entrySet().stream()
                                .map(e -> e.getKey() + ": " + ResultsLog.shownText(e.getValue()))
                                .collect(java.util.stream.Collectors.joining(", ", "{", "}")), describe(result, metric, planned.plan().base().training().minibatch()),
                        result.seconds()));
            };
            if (adaptive == null && synchronous) {
                if (!(runner instanceof LocalTrialRunner local)) {
                    throw new IllegalStateException("successive halving needs the sweep's own trial runner");
                }
                SuccessiveHalving.runAll(pruning, planned.spec().objective(), planned.plan().steps(),
                        planned.plan().base().training().minibatch(), trials, pending, log.results(), executor, local,
                        record, progress);
            } else if (adaptive == null) {
                executor.execute(pending, runner, record);
            } else {
                // one trial at a time: each proposal learns from every result before it
                for (int index = log.results().size(); index < total; index++) {
                    List<TrialResult> finished = log.results().values().stream()
                            .sorted(java.util.Comparator.comparing(TrialResult::id)).toList();
                    Trial next = adaptive.next(index, finished);
                    byId.put(next.id(), next);
                    executor.execute(List.of(next), runner, record);
                }
                trials = log.results().values().stream().sorted(java.util.Comparator.comparing(TrialResult::id))
                        .map(r -> byId.getOrDefault(r.id(), new Trial(r.id(), r.parameters(), ""))).toList();
            }
            log.finish();
            Map<String, TrialResult> results = log.results();
            TrialResult best = SweepReport.write(dir, planned.spec(), planned.plan().base(), planned.plan().steps(),
                    trials, results);
            return new Finished(results, best, total - recorded);
        }
    }

    private static String describe(TrialResult result, String metric, boolean minibatch) {
        if (result.pruned()) {
            return String.format(Locale.ROOT, "%s at %s %.6g", result.prunedText(minibatch), metric,
                    result.metric(metric));
        }
        return result.ok() ? metric + " " + String.format(Locale.ROOT, "%.6g", result.metric(metric))
                : "FAILED: " + result.error();
    }

    /** Every recorded line must be a planned trial with the same values. */
    private static void checkRecorded(Map<String, TrialResult> recorded, Map<String, Trial> planned, Path dir) {
        for (TrialResult r : recorded.values()) {
            Trial trial = planned.get(r.id());
            if (trial == null || !JsonFiles.line(trial.parameters()).equals(JsonFiles.line(r.parameters()))) {
                throw new BadInputException(dir.resolve(ResultsLog.JSONL) + " holds trial " + r.id() + " "
                        + JsonFiles.inline(r.parameters())
                        + ", which this sweep does not plan", "resume with the sweep the folder was started with");
            }
        }
    }

    /** The sweep file as plain data with {@code base} absolute, dumped as YAML. */
    static String resolved(String text, Path file, Path base) {
        Map<String, Object> map = plainMap(text, file.toString());
        map.put("base", base.toString());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return "# The sweep this folder runs (base made absolute); strata sweep --resume re-plans from it.\n"
                + new Yaml(options).dump(map);
    }

    private static Map<String, Object> withoutExecutor(String text) {
        Map<String, Object> map = plainMap(text, SWEEP_FILE);
        map.remove("executor");
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainMap(String text, String label) {
        ErrorCollector errors = new ErrorCollector();
        Object plain = SafeYaml.parseFile(text, label, errors).map(n -> DomainParser.plain(n, "", errors)).orElse(null);
        errors.throwIfAny(label);
        return new LinkedHashMap<>((Map<String, Object>) plain);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("no such sweep file " + file.toAbsolutePath().normalize(), "check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
        }
    }
}
