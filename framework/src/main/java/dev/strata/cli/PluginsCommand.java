package dev.strata.cli;

import dev.strata.plugin.PluginCatalog;
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
        command.commandLine().getOut().print(root.injector().getInstance(PluginCatalog.class).describe());
        return 0;
    }
}
