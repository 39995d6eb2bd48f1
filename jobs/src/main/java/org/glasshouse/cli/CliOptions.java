package org.glasshouse.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command line: the verb's own options ({@code --name value} or {@code --name=value}), positional arguments,
 * and pass-through Spring settings ({@code --glasshouse.x=y}, {@code --spring.x=y}).
 */
public record CliOptions(Map<String, String> options, List<String> positional, List<String> springArgs) {

    public static CliOptions parse(List<String> args, Set<String> allowed, Set<String> flags) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--glasshouse.") || a.startsWith("--spring.") || a.startsWith("--logging.")) {
                spring.add(a);
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    opts.put(name, value == null ? "true" : value);
                    continue;
                }
                if (!allowed.contains(name)) throw new UsageException("unknown option --" + name);
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("option --" + name + " needs a value");
                    value = args.get(++i);
                }
                opts.put(name, value);
            } else {
                positional.add(a);
            }
        }
        return new CliOptions(opts, positional, spring);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }
}
