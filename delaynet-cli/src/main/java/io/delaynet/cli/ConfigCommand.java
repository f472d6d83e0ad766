package io.delaynet.cli;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.Method;
import io.delaynet.run.Methods;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delaynet config}: the commented defaults, the key reference, or a resolved and checked configuration. */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show configuration.",
                "Without options: the method's defaults as YAML with a comment on every key; save them as the start "
                        + "of your own file: delaynet config > my-run.yaml",
                "With --config and/or --set: the configuration a run would use (defaults, then your file, then the "
                        + "overrides), checked as 'delaynet train' checks it."},
        footer = {"", "Every key of every method is also documented in docs/configuration.md."})
public final class ConfigCommand implements Callable<Integer> {

    /** The registered method names, for help text and completion. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Methods.all().stream().map(Method::name).iterator();
        }
    }

    @Option(names = "--method", paramLabel = "NAME", completionCandidates = MethodNames.class,
            description = "The method whose defaults or keys to show, one of ${COMPLETION-CANDIDATES} "
                    + "(default: the config's method, else delgrad).")
    String method;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Show this YAML or JSON file resolved.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key (repeatable), as for train.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--keys", description = "List every key with its default and meaning, as a table.")
    boolean keys;

    @Option(names = "--markdown", description = "The key reference of every method as Markdown (as in docs/configuration.md).")
    boolean markdown;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.print(ConfigReference.markdown(method == null ? Methods.all() : List.of(Methods.byName(method))));
        } else if (config != null || !overrides.isEmpty()) {
            List<String> all = new ArrayList<>();
            if (method != null) {
                all.add("method=" + method);
            }
            all.addAll(overrides);
            ResolvedConfig resolved = ResolvedConfig.resolve(config, all);
            resolved.build(new RunContext(data.resolve())); // the same checks as train, before anything is shown
            System.out.println("# resolved configuration: defaults of " + resolved.method().name()
                    + (config == null ? "" : ", then " + config) + (all.isEmpty() ? "" : ", then the overrides"));
            System.out.print(ConfigTree.toYaml(resolved.tree()));
        } else {
            Method m = Methods.byName(method == null ? "delgrad" : method);
            System.out.print(keys ? ConfigReference.text(m) : m.defaultsDocument());
        }
        System.out.flush();
        return 0;
    }
}
