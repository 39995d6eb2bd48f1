package org.glasshouse.validate.rules;

import java.util.Map;

/** Per-rule severity overrides from configuration ({@code glasshouse.rules.severity.<RULE-ID>: warning}). */
public record SeverityPolicy(Map<String, String> overrides) {

    public static SeverityPolicy defaults() { return new SeverityPolicy(Map.of()); }

    public Severity severityOf(RuleInfo rule) {
        String o = overrides.get(rule.id());
        return o == null ? rule.defaultSeverity() : Severity.parse(o);
    }
}
