package dev.strata.spec;

import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.Overrides;
import dev.strata.spec.yaml.SafeYaml;
import dev.strata.spec.yaml.YamlNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a YAML model spec into a {@link ModelSpec}, validating everything up front against the
 * installed plugins. Every problem is collected and thrown together in one {@link SpecException},
 * each with its file:line:col, YAML path and fix.
 */
public final class SpecLoader {
    private final PluginRegistry plugins;

    @Inject
    public SpecLoader(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /**
     * Loads {@code file} and applies {@code overrides} ({@code key.path=value}) before validating.
     *
     * @throws SpecException listing every problem
     */
    public ModelSpec load(Path file, List<String> overrides) {
        String label = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw fail(label, Kind.UNREADABLE, "is a folder, not a spec file", "give the path of a .yaml spec");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a pipe, a FIFO or a device (/dev/zero) would hang or never end
                throw fail(label, Kind.UNREADABLE, "is not a regular file (a pipe, FIFO or device)",
                        "save the spec to a file and give its path");
            }
            long limit = 4L * SafeYaml.CODE_POINT_LIMIT;
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                // read at most the limit, whatever the file system says its size is
                bytes = in.readNBytes((int) limit + 1);
            }
            if (bytes.length > limit) {
                throw fail(label, Kind.TOO_LARGE, "the file is larger than the 1 MiB limit for YAML specs",
                        "check this is the spec file you meant");
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(label, Kind.UNREADABLE, "the file is not UTF-8 text", "save the spec as UTF-8");
        } catch (java.nio.file.NoSuchFileException e) {
            throw fail(label, Kind.UNREADABLE, "no such spec file (looked in "
                    + file.toAbsolutePath().normalize() + ")", "check the path");
        } catch (IOException e) {
            throw fail(label, Kind.UNREADABLE, "cannot read the spec file: " + e, "check the path and permissions");
        }
        return load(text, file, label, overrides);
    }

    /**
     * Loads a spec from text as if it were the file {@code pretendFile}: relative paths resolve
     * against its folder, and messages name it.
     */
    public ModelSpec loadString(String yaml, Path pretendFile, List<String> overrides) {
        return load(yaml, pretendFile, pretendFile.toString(), overrides);
    }

    private ModelSpec load(String text, Path file, String label, List<String> overrides) {
        ErrorCollector errors = new ErrorCollector();
        Optional<YamlNode> parsed = SafeYaml.parseFile(text, label, errors);
        if (parsed.isEmpty()) {
            errors.throwIfAny(label);
        }
        if (!(parsed.get() instanceof YamlNode.Mapping root)) {
            errors.add(Kind.ROOT_NOT_MAPPING, parsed.get().location(), "", "the spec must be a mapping of keys "
                    + "(name:, data:, model:, ...), but it is " + parsed.get().describe(),
                    "start the file with top-level keys such as 'data:' and 'model:' (see configs/)");
            errors.throwIfAny(label);
            throw new IllegalStateException("unreachable");
        }
        Overrides.apply(root, overrides, errors);
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent() != null ? absolute.getParent() : absolute;
        ParamsReader params = new ParamsReader(folder, Path.of("").toAbsolutePath(), errors);
        SpecSource source = new SpecSource(file, YamlNode.locations(root));
        Optional<ModelSpec> spec = new SpecValidator(plugins, params, errors)
                .validate(root, defaultName(file), source);
        errors.throwIfAny(label);
        return spec.orElseThrow(() -> new IllegalStateException("spec invalid but no error was reported"));
    }

    /** The file name without its extension: {@code configs/cat-deep.yaml} is named {@code cat-deep}. */
    static String defaultName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "model";
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        return dot > 0 ? text.substring(0, dot) : text;
    }

    private static SpecException fail(String label, Kind kind, String message, String fix) {
        return new SpecException(label, List.of(new SpecError(new Location(label, 0, 0), "", message, fix, kind)));
    }
}
