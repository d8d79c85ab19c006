package dev.strata.cli;

import dev.strata.registry.PluginCatalog;
import dev.strata.registry.PluginKind;
import dev.strata.spi.ParamSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every installed plugin: its kind, name, parameters with defaults, and where it came from.",
            "Add jars with --plugin-path DIR."})
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PluginCatalog catalog = root.injector().getInstance(PluginCatalog.class);
        var out = command.commandLine().getOut();
        for (PluginKind kind : PluginKind.values()) {
            List<PluginCatalog.Entry> entries = catalog.entries(kind);
            if (entries.isEmpty()) {
                continue;
            }
            out.println(kind.plural() + ":");
            for (PluginCatalog.Entry e : entries) {
                out.println("  " + e.name() + (e.description().isEmpty() ? "" : " - " + e.description()));
                for (ParamSpec p : e.parameters()) {
                    out.println("      " + PluginCatalog.describe(p) + (p.description().isEmpty() ? "" : "  " + p.description()));
                }
                out.println("      from: " + e.origin());
            }
        }
        return 0;
    }
}
