// A learning-rate sweep in JShell on the Strata facade. From the repository root:
//   CP="cli/target/strata-cli-0.1.0-SNAPSHOT.jar:$(cat cli/target/runtime-classpath.txt):plugins/target/plugin/builtin/*"
//   OMP_NUM_THREADS=1 jshell -R-Djava.awt.headless=true --class-path "$CP" examples/sweeps/sweep.jsh
import dev.strata.Strata;
import dev.strata.run.RunResult;
import java.nio.file.Path;

var strata = Strata.create();
var spec = Path.of("configs", "cat-deep.yaml");
System.out.println("learning rate  test acc  final cost  seconds");
for (double rate : new double[] {0.003, 0.0075, 0.015}) {
    RunResult run = strata.train(strata.load(spec, "optimizer.learning_rate=" + rate, "training.iterations=300"));
    System.out.printf(java.util.Locale.ROOT, "%-14s %-9.4f %-11.6f %.1f%n", rate, run.test().get("accuracy"),
            run.training().finalCost(), run.training().seconds());
}
/exit
