import dev.strata.Strata;
import dev.strata.engine.DivergenceException;
import dev.strata.run.RunResult;
import dev.strata.spec.ModelSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A learning-rate sweep as a plain Java program on the Strata facade. Run from the repository root
 * (after ./strata has built the jars once):
 *
 *   CP="cli/target/strata-cli-0.1.0-SNAPSHOT.jar:$(cat cli/target/runtime-classpath.txt):plugins/target/plugin/builtin/*"
 *   OMP_NUM_THREADS=1 java -Djava.awt.headless=true -cp "$CP" examples/sweeps/LearningRateSweep.java [ITERATIONS]
 */
public class LearningRateSweep {
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Strata strata = Strata.create();
        Path spec = Path.of("configs", "cat-deep.yaml");
        System.out.printf(Locale.ROOT, "%-13s %-9s %-9s %-10s %s%n", "learning rate", "train acc", "test acc",
                "final cost", "seconds");
        for (double rate : new double[] {0.003, 0.0075, 0.015, 0.03}) {
            ModelSpec model = strata.load(spec, "optimizer.learning_rate=" + rate, "training.iterations=" + iterations);
            try {
                RunResult run = strata.train(model);
                System.out.printf(Locale.ROOT, "%-13s %-9.4f %-9.4f %-10.6f %.1f%n", rate, run.train().get("accuracy"),
                        run.test().get("accuracy"), run.training().finalCost(), run.training().seconds());
            } catch (DivergenceException e) {
                System.out.printf(Locale.ROOT, "%-13s diverged at iteration %d%n", rate, e.iteration());
            }
        }
    }
}
