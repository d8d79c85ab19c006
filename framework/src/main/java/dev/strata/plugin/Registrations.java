package dev.strata.plugin;

import com.google.inject.Binding;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.InstanceBinding;
import dev.strata.spi.BadInputException;
import dev.strata.spi.PluginFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads which names each recorded module registers in the factory MapBinders, before any injector
 * exists, and refuses a name claimed twice for the same kind with a message naming both plugins.
 */
final class Registrations {
    private Registrations() {
    }

    /** Returns each registered factory's origin; throws when a kind's name is registered twice. */
    static Map<PluginFactory, String> check(List<StrataInjector.RecordedModule> modules) {
        Map<PluginKind, Map<String, List<StrataInjector.RecordedModule>>> claims = new EnumMap<>(PluginKind.class);
        Map<PluginFactory, String> origins = new IdentityHashMap<>();
        for (StrataInjector.RecordedModule module : modules) {
            for (MapBinderBinding<?> map : mapBindings(module.elements())) {
                PluginKind kind = PluginKind.ofFactoryType(map.getValueTypeLiteral().getRawType());
                if (kind == null) {
                    continue;
                }
                for (Map.Entry<?, Binding<?>> entry : map.getEntries(module.elements())) {
                    claims.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                            .computeIfAbsent(String.valueOf(entry.getKey()), k -> new ArrayList<>())
                            .add(module);
                    if (entry.getValue() instanceof InstanceBinding<?> instance
                            && instance.getInstance() instanceof PluginFactory factory) {
                        origins.put(factory, module.origin());
                    }
                }
            }
        }
        List<String> duplicates = new ArrayList<>();
        claims.forEach((kind, names) -> names.forEach((name, claimants) -> {
            if (claimants.size() > 1) {
                duplicates.add(kind.label() + " '" + name + "' is registered by " + claimants.stream()
                        .map(StrataInjector.RecordedModule::description)
                        .reduce((a, b) -> a + " and by " + b).orElseThrow());
            }
        }));
        if (!duplicates.isEmpty()) {
            throw new BadInputException(String.join("; ", duplicates),
                    "names must be unique per kind: remove one of these plugin jars from the plugin folder, or"
                            + " rename one factory");
        }
        return origins;
    }

    private static List<MapBinderBinding<?>> mapBindings(List<Element> elements) {
        List<MapBinderBinding<?>> found = new ArrayList<>();
        MapBindingFinder finder = new MapBindingFinder();
        for (Element element : elements) {
            if (element instanceof Binding<?> binding) {
                MapBinderBinding<?> map = binding.acceptTargetVisitor(finder);
                if (map != null && found.stream().noneMatch(m -> m.getMapKey().equals(map.getMapKey()))) {
                    found.add(map);
                }
            }
        }
        return found;
    }

    private static final class MapBindingFinder extends DefaultBindingTargetVisitor<Object, MapBinderBinding<?>>
            implements MultibindingsTargetVisitor<Object, MapBinderBinding<?>> {
        @Override
        public MapBinderBinding<?> visit(MultibinderBinding<?> multibinding) {
            return null;
        }

        @Override
        public MapBinderBinding<?> visit(MapBinderBinding<?> mapbinding) {
            return mapbinding;
        }

        @Override
        public MapBinderBinding<?> visit(OptionalBinderBinding<?> optionalbinding) {
            return null;
        }
    }
}
