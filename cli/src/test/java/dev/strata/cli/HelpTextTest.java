package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `strata --help` and each command's help, as a user reads them in an 80-column terminal. */
class HelpTextTest {
    private static List<CommandLine> commands() {
        CommandLine root = new CommandLine(new StrataCommand());
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        return all;
    }

    @Test
    void everyHelpTextIsWrittenInParagraphsThatPicocliWrapsItself() {
        // picocli wraps each description and footer element on its own, so a sentence broken by hand
        // over two elements wraps twice, leaving a word or two alone on a line ("trials", "(a TPE")
        for (CommandLine command : commands()) {
            var usage = command.getCommandSpec().usageMessage();
            List<String> elements = new ArrayList<>(List.of(usage.description()));
            elements.addAll(List.of(usage.footer()));
            for (String element : elements) {
                assertThat(element).as("help of %s", command.getCommandName())
                        .doesNotMatch("^[a-z(|].*");
            }
        }
    }

    @Test
    void everyHelpLineFitsEightyColumnsAndEndsAtAWordBoundary() {
        for (CommandLine command : commands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help).as(command.getCommandName()).isNotBlank();
            for (String line : help.lines().toList()) {
                assertThat(line.length()).as("%s --help: %s", command.getCommandName(), line).isLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void everyExampleCommandFitsOnItsLinesSoTheWrappingNeverCutsIt() {
        for (CommandLine command : commands()) {
            for (String element : command.getCommandSpec().usageMessage().footer()) {
                if (element.contains("strata ")) {
                    assertThat(element.length()).as("%s --help: %s", command.getCommandName(), element)
                            .isLessThanOrEqualTo(80);
                }
            }
        }
    }
}
