package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.strata.registry.external.ClashingPlugin;
import dev.strata.registry.external.EngineUsingPlugin;
import dev.strata.registry.external.ExternalPlugin;
import dev.strata.registry.external.OnesInitializerFactory;
import dev.strata.registry.external.ThrowingPlugin;
import dev.strata.registry.fixtures.ClasspathTestPlugin;
import dev.strata.registry.fixtures.ConstantInitializerFactory;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.BadInputException;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;
import dev.strata.spi.PluginModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void classpathPluginsAreFoundThroughTheirServicesFileAndCountAsBuiltIn() {
        List<DiscoveredPlugin> plugins = PluginLoader.discover(List.of());

        assertThat(plugins).anySatisfy(p -> {
            assertThat(p.module()).isInstanceOf(ClasspathTestPlugin.class);
            assertThat(p.origin()).isEqualTo(DiscoveredPlugin.BUILT_IN);
        });
    }

    @Test
    void injectorRegistryAndCatalogListTheClasspathPluginWithItsParameters() {
        Injector injector = StrataInjector.create(List.of());

        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        assertThat(registry.factories(InitializerFactory.class)).containsKey(ClasspathTestPlugin.INITIALIZER);
        assertThat(registry.factories(ActivationFactory.class)).doesNotContainKey(ClasspathTestPlugin.INITIALIZER);

        PluginCatalog.Entry entry = injector.getInstance(PluginCatalog.class)
                .find(PluginKind.INITIALIZER, ClasspathTestPlugin.INITIALIZER).orElseThrow();
        assertThat(entry.origin()).isEqualTo(DiscoveredPlugin.BUILT_IN);
        assertThat(entry.description()).contains("one value");
        assertThat(entry.parameters()).singleElement().satisfies(p -> {
            assertThat(p.defaultValue()).isEqualTo(0.5);
            assertThat(p.rangeText()).isEqualTo("in [-1, 1]");
        });
        assertThat(entry.parameterSummary()).isEqualTo("value: 0.5 (in [-1, 1])");
    }

    @Test
    void theCatalogShowsTheParametersTheEngineOwnsForOptimizersAndLosses() {
        PluginCatalog catalog = StrataInjector.create(List.of()).getInstance(PluginCatalog.class);

        assertThat(catalog.find(PluginKind.OPTIMIZER, "gradient_descent").orElseThrow().parameterSummary())
                .isEqualTo("learning_rate: required, a number (> 0)");
        assertThat(catalog.find(PluginKind.OPTIMIZER, "adam").orElseThrow().parameterSummary())
                .startsWith("learning_rate: 0.001 (> 0), beta1: 0.9");
        assertThat(catalog.find(PluginKind.LOSS, "binary_cross_entropy").orElseThrow().parameterSummary())
                .isEqualTo("l2: 0.0 (>= 0)");
    }

    @Test
    void injectorIsOnePerCallAndRefusesJustInTimeBindings() {
        Injector injector = StrataInjector.create(List.of());

        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(injector.getInstance(PluginRegistry.class));
        assertThatThrownBy(() -> injector.getInstance(StringBuilder.class))
                .hasMessageContaining("Explicit bindings are required");
    }

    @Test
    void extraModulesAddBindingsAndTheirFactoriesAreAttributedToTheApplication() {
        Injector injector = StrataInjector.create(List.of(), new PluginModule() {
            @Override
            protected void configure() {
                register(new ConstantInitializerFactory("app_constant"));
                bind(String.class).toInstance("engine-binding");
            }
        });

        assertThat(injector.getInstance(String.class)).isEqualTo("engine-binding");
        assertThat(injector.getInstance(PluginCatalog.class).find(PluginKind.INITIALIZER, "app_constant"))
                .get().extracting(PluginCatalog.Entry::origin).isEqualTo(StrataInjector.APPLICATION);
    }

    @Test
    void twoPluginsRegisteringOneNameAreRefusedNamingBothJars() {
        DiscoveredPlugin first = new DiscoveredPlugin(twin(), "/plugins/first.jar");
        DiscoveredPlugin second = new DiscoveredPlugin(twin(), "/plugins/second.jar");

        assertThatThrownBy(() -> StrataInjector.fromPlugins(List.of(first, second)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("initializer 'twin' is registered by")
                .hasMessageContaining("/plugins/first.jar")
                .hasMessageContaining("/plugins/second.jar")
                .hasMessageContaining("remove one of these plugin jars")
                .hasMessageNotContaining("com.google.inject");
    }

    @Test
    void theSameNameForDifferentKindsIsAllowed() {
        PluginModule activationAndInitializer = new PluginModule() {
            @Override
            protected void configure() {
                register(new ConstantInitializerFactory("shared"), ActivationFactory.of("shared", "test", List.of(),
                        p -> (ElementwiseActivation) new ElementwiseActivation() {
                            @Override
                            public double value(double z) {
                                return z;
                            }

                            @Override
                            public double derivative(double z, double a) {
                                return 1;
                            }
                        }));
            }
        };
        DiscoveredPlugin plugin = new DiscoveredPlugin(activationAndInitializer, "/plugins/one.jar");

        Injector injector = StrataInjector.fromPlugins(List.of(plugin));

        assertThat(injector.getInstance(PluginRegistry.class).factories(InitializerFactory.class)).containsKey("shared");
        assertThat(injector.getInstance(PluginRegistry.class).factories(ActivationFactory.class)).containsKey("shared");
        assertThat(injector.getInstance(PluginCatalog.class).find(PluginKind.INITIALIZER, "shared"))
                .get().extracting(PluginCatalog.Entry::origin).isEqualTo("/plugins/one.jar");
    }

    @Test
    void aJarInAPluginFolderGetsItsOwnClassLoaderThatSeesOnlyTheSpiAndItsOriginIsTheJar() throws Exception {
        Path jar = TestJars.build(dir.resolve("external.jar"),
                List.of(ExternalPlugin.class, OnesInitializerFactory.class), List.of(ExternalPlugin.class.getName()));

        List<DiscoveredPlugin> plugins = PluginLoader.discover(List.of(dir));
        Injector injector = StrataInjector.fromPlugins(plugins);

        DiscoveredPlugin external = plugins.stream().filter(p -> !p.builtIn()).findFirst().orElseThrow();
        ClassLoader loader = external.module().getClass().getClassLoader();
        assertThat(loader).isInstanceOf(PluginClassLoader.class).isNotSameAs(ExternalPlugin.class.getClassLoader());
        assertThatThrownBy(() -> loader.loadClass(PluginLoader.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.loadClass(Params.class.getName())).isSameAs(Params.class);
        PluginCatalog catalog = injector.getInstance(PluginCatalog.class);
        assertThat(catalog.find(PluginKind.INITIALIZER, ExternalPlugin.INITIALIZER)).get()
                .extracting(PluginCatalog.Entry::origin).isEqualTo(jar.toAbsolutePath().toString());
        assertThat(catalog.origins()).containsExactly(DiscoveredPlugin.BUILT_IN, jar.toAbsolutePath().toString());
        double[] weights = injector.getInstance(PluginRegistry.class).get(InitializerFactory.class,
                ExternalPlugin.INITIALIZER).create(Params.empty()).weights(2, 3, null);
        assertThat(weights).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void aFolderOfJarsIsOnePluginWithItsOwnLibraries() throws IOException {
        Path plugin = Files.createDirectories(dir.resolve("ones"));
        TestJars.build(plugin.resolve("a-plugin.jar"), List.of(ExternalPlugin.class), List.of(ExternalPlugin.class.getName()));
        TestJars.build(plugin.resolve("b-library.jar"), List.of(OnesInitializerFactory.class), List.of());

        List<DiscoveredPlugin> plugins = PluginLoader.discover(List.of(dir));

        assertThat(plugins).filteredOn(p -> !p.builtIn()).singleElement()
                .satisfies(p -> assertThat(p.origin()).isEqualTo(plugin.toAbsolutePath().toString()));
    }

    @Test
    void aPluginThatUsesAnEngineClassIsRefusedAtLoadNamingTheClassAndTheJar() throws IOException {
        Path jar = TestJars.build(dir.resolve("reaches-in.jar"), List.of(EngineUsingPlugin.class),
                List.of(EngineUsingPlugin.class.getName()));

        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("plugin jar " + jar.toAbsolutePath())
                .hasMessageContaining("uses engine class dev.strata.engine.Trainer")
                .hasMessageContaining("from " + EngineUsingPlugin.class.getName())
                .hasMessageContaining("a plugin sees only the SPI (dev.strata.spi)")
                .hasMessageContaining("build the plugin against strata-spi alone");
    }

    @Test
    void aJarClaimingABuiltInNameIsRefusedNamingTheJarAndTheBuiltIn() throws IOException {
        Path jar = TestJars.build(dir.resolve("clash.jar"),
                List.of(ClashingPlugin.class, OnesInitializerFactory.class), List.of(ClashingPlugin.class.getName()));

        List<DiscoveredPlugin> plugins = PluginLoader.discover(List.of(dir));

        assertThatThrownBy(() -> StrataInjector.fromPlugins(plugins))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("initializer '" + ClasspathTestPlugin.INITIALIZER + "'")
                .hasMessageContaining(ClasspathTestPlugin.class.getName() + " (built-in)")
                .hasMessageContaining(jar.toAbsolutePath().toString());
    }

    @Test
    void aCorruptJarIsReportedByNameWithAFix() throws IOException {
        Path jar = Files.write(dir.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a'});

        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("plugin jar " + jar.toAbsolutePath())
                .hasMessageContaining("cannot be read as a jar")
                .hasMessageContaining("replace it with a complete copy");
    }

    @Test
    void aPluginWhoseConstructorThrowsIsReportedWithTheJarAndTheCause() throws IOException {
        Path jar = TestJars.build(dir.resolve("throwing.jar"), List.of(ThrowingPlugin.class),
                List.of(ThrowingPlugin.class.getName()));

        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("plugin jar " + jar.toAbsolutePath() + " failed to load")
                .hasMessageContaining("licence file not found")
                .hasMessageContaining("public no-argument constructor");
    }

    @Test
    void aServicesFileNamingAMissingClassIsReportedWithTheJar() throws IOException {
        Path jar = TestJars.build(dir.resolve("missing.jar"), List.of(), List.of("com.example.NoSuchPlugin"));

        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(jar.toAbsolutePath().toString())
                .hasMessageContaining("com.example.NoSuchPlugin");
    }

    @Test
    void aJarWithoutServicesFileIsReported() throws IOException {
        Path jar = dir.resolve("plain.jar");
        TestJars.build(jar, List.of(OnesInitializerFactory.class), List.of());
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.delete(fs.getPath(PluginLoader.SERVICE_FILE));
        }

        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("declares no plugin")
                .hasMessageContaining(PluginLoader.SERVICE_FILE);
    }

    @Test
    void aMissingOrEmptyPluginFolderIsAnError() throws IOException {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> PluginLoader.discover(List.of(missing)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("plugin folder " + missing + " does not exist");

        Files.writeString(dir.resolve("README.txt"), "no jars here");
        assertThatThrownBy(() -> PluginLoader.discover(List.of(dir)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds no .jar file");
    }

    @Test
    void aPluginWhoseFactoryConstructorThrowsIsNamedWithoutAGuiceTrace() {
        PluginModule failing = new PluginModule() {
            @Override
            protected void configure() {
                register(new InitializerFactory() {
                    @Override
                    public String name() {
                        throw new IllegalStateException("no name today");
                    }

                    @Override
                    public dev.strata.spi.Initializer create(Params params) {
                        throw new UnsupportedOperationException();
                    }
                });
            }
        };
        assertThatThrownBy(() -> StrataInjector.fromPlugins(List.of(new DiscoveredPlugin(failing, "/plugins/bad.jar"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("/plugins/bad.jar")
                .hasMessageContaining("no name today")
                .hasMessageNotContaining("com.google.inject");
    }

    private static PluginModule twin() {
        return new PluginModule() {
            @Override
            protected void configure() {
                register(new ConstantInitializerFactory("twin"));
            }
        };
    }
}
