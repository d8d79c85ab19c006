// A learning-rate sweep in JShell on the Strata facade. From the repository root:
//   CP="framework/target/strata-framework-0.1.0-SNAPSHOT.jar:plugins/target/strata-plugins-0.1.0-SNAPSHOT.jar:$(cat framework/target/runtime-classpath.txt)"
//   OMP_NUM_THREADS=1 jshell -R-Djava.awt.headless=true --class-path "$CP" examples/sweeps/sweep.jsh
import dev.strata.Strata;
import dev.strata.run.RunResult;
import java.nio.file.Path;

var strata = Strata.create();
var spec = Path.of("configs", "cat-deep.yaml");
System.out.println("learning rate  test acc  final cost  seconds");
for (double rate : new double[] {0.003, 0.0075, 0.015}) {
    RunResult run = strata.train(strata.load(spec, "optimizer.learning_rate=" + rate, "training.iterations=300"));
    System.out.printf(java.util.Locale.ROOT, "%-14s %-9.4f %-11.6f %.1f%n", rate, run.test().accuracy(),
            run.training().finalCost(), run.training().seconds());
}
/exit
