package dev.strata.cli;

import dev.strata.spi.Suggestions;
import dev.strata.spi.StrataException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code strata} command. Exit codes: 0 success, 1 failure while running, 2 bad input or usage.
 * Errors print one clear message and no stack trace unless {@code --debug} is given.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and scripts). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.quiet();
        StrataCommand root = new StrataCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, err, root.debug));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                suggestOption(e, err);
            }
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Picocli suggests subcommands but not a close option name (e.g. --ot for --out): do that here. */
    private static void suggestOption(CommandLine.ParameterException e, PrintWriter err) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption() && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            List<String> options = new ArrayList<>();
            e.getCommandLine().getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
            Suggestions.closest(name, options).ifPresent(c -> err.println("Did you mean: " + c + "?"));
        }
    }

    private static int handle(Exception e, PrintWriter err, boolean debug) {
        Throwable cause = e;
        while (!(cause instanceof StrataException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataException s) {
            err.println("error: " + s.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return s.exitCode();
        }
        if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (!debug) {
                err.println("This is a bug in Strata or a plugin; run again with --debug for the stack trace.");
            }
        }
        if (debug) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
